/* The order and result messages: parsing that never reaches out (no
 * network, no external entities, no DTD loading) and validation against
 * schema/provision.xsd, parsed once per process. */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <string.h>

#include "provision.h"

static xmlSchemaPtr schema;
static xmlSchemaValidCtxtPtr validator;

/* Keeps the first message of the current operation for the caller's err;
 * libxml2 would otherwise print to stderr, one line per problem. */
static char last_message[256];

static void keep_first(void *ctx, const xmlError *e)
{
    (void)ctx;
    if (last_message[0] || !e || !e->message)
        return;
    snprintf(last_message, sizeof last_message, "%s", e->message);
    size_t n = strlen(last_message);
    while (n > 0 && (last_message[n - 1] == '\n' || last_message[n - 1] == ' '))
        last_message[--n] = '\0';
}

/* libxml2 2.9 declares the handler with a non-const xmlErrorPtr. */
static void on_error(void *ctx, xmlErrorPtr e)
{
    keep_first(ctx, e);
}

int prov_xml_init(const char *xsd_path, char *err, size_t errlen)
{
    xmlInitParser();
    xmlSetStructuredErrorFunc(NULL, on_error);
    last_message[0] = '\0';
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd_path);
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, on_error, NULL);
        schema = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    if (schema)
        validator = xmlSchemaNewValidCtxt(schema);
    if (!validator) {
        snprintf(err, errlen, "schema %s: %s", xsd_path,
                 last_message[0] ? last_message : "cannot be loaded");
        return -1;
    }
    xmlSchemaSetValidStructuredErrors(validator, on_error, NULL);
    return 0;
}

void prov_xml_cleanup(void)
{
    if (validator)
        xmlSchemaFreeValidCtxt(validator);
    if (schema)
        xmlSchemaFree(schema);
    validator = NULL;
    schema = NULL;
    xmlCleanupParser();
}

xmlDocPtr prov_xml_read(const char *data, size_t len, const char *root,
                        char *err, size_t errlen, xmlDocPtr *doc_out)
{
    if (doc_out)
        *doc_out = NULL;
    last_message[0] = '\0';
    if (!data || len == 0 || len > 1 << 20) {
        snprintf(err, errlen, "empty or oversized message");
        return NULL;
    }
    /* XML_PARSE_NOENT and XML_PARSE_DTDLOAD stay off: entities are never
     * substituted and no external DTD or entity is ever read. */
    xmlDocPtr doc = xmlReadMemory(data, (int)len, "message.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
    if (!doc) {
        snprintf(err, errlen, "not well-formed XML: %s",
                 last_message[0] ? last_message : "unreadable");
        return NULL;
    }
    xmlNodePtr top = xmlDocGetRootElement(doc);
    bool ok = false;
    if (!top || !top->ns || strcmp((const char *)top->ns->href, PROV_NS) != 0 ||
        strcmp((const char *)top->name, root) != 0) {
        snprintf(err, errlen, "the root element is not {%s}%s", PROV_NS, root);
    } else if (doc->intSubset || doc->extSubset) {
        /* The interface has no use for a DTD; one can only smuggle
         * entities in. */
        snprintf(err, errlen, "a document type declaration is not allowed");
    } else if (xmlSchemaValidateDoc(validator, doc) != 0) {
        snprintf(err, errlen, "not valid: %s",
                 last_message[0] ? last_message : "schema violation");
    } else {
        ok = true;
    }
    if (ok)
        return doc;
    if (doc_out)
        *doc_out = doc;
    else
        xmlFreeDoc(doc);
    return NULL;
}

const char *prov_xml_child(sc_arena *a, xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE ||
            strcmp((const char *)n->name, name) != 0)
            continue;
        xmlChar *text = xmlNodeGetContent(n);
        const char *s = sc_strdup(a, text ? (const char *)text : "");
        xmlFree(text);
        return s;
    }
    return NULL;
}

const char *prov_xml_attr(sc_arena *a, xmlNodePtr node, const char *name)
{
    if (!node)
        return NULL;
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *s = sc_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}
