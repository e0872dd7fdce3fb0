/* provision: sends orders to the network (HLR/BOSS), and the XML both ends
 * of that interface share (the HLR simulator links xml.c too). */
#ifndef PROVISION_H
#define PROVISION_H

#include <libxml/tree.h>
#include <stddef.h>

#include "selfcare.h"

/* The interface's namespace (schema/provision.xsd). */
#define PROV_NS "urn:selfcare:provision:1"

/* Parses the schema once per process. 0, or -1 with a reason in err. */
int prov_xml_init(const char *xsd_path, char *err, size_t errlen);
void prov_xml_cleanup(void);

/* Parses data without the network and without substituting entities (an
 * external entity or DTD is never fetched), checks that the root is
 * ROOT in the interface's namespace and validates the document against
 * the schema. Returns the document (free with xmlFreeDoc), or NULL with a
 * one-line reason in err. If the text parsed, *doc_out (when not NULL)
 * still receives the invalid document so that the caller can read what it
 * can from it; otherwise it is set to NULL. */
xmlDocPtr prov_xml_read(const char *data, size_t len, const char *root,
                        char *err, size_t errlen, xmlDocPtr *doc_out);

/* The text of ROOT's first child element NAME, or NULL. */
const char *prov_xml_child(sc_arena *a, xmlNodePtr parent, const char *name);
/* An attribute of node (no namespace), or NULL. */
const char *prov_xml_attr(sc_arena *a, xmlNodePtr node, const char *name);

/* send.c: the HTTP interface (libcurl). The network gets
 * PROV_CONNECT_TIMEOUT seconds to accept the connection and
 * PROV_TOTAL_TIMEOUT for a whole exchange, so a stuck endpoint cannot hold
 * the worker, nor outlast the lease on a claimed batch. */
enum { PROV_CONNECT_TIMEOUT = 5, PROV_TOTAL_TIMEOUT = 15 };

int prov_http_init(void);
void prov_http_cleanup(void);
/* POSTs xml (application/xml) to url. Returns the HTTP status with the
 * body in *body (NUL-terminated, at most 64 KiB kept) and its length, or 0
 * when no answer came (refused, unreachable, timed out) with a one-line
 * reason in err. */
long prov_post(sc_arena *a, const char *url, const char *xml, char **body,
               size_t *len, char *err, size_t errlen);

#endif
