/* A program: its route table, and the FastCGI loop that serves it. */
#ifndef SC_APP_H
#define SC_APP_H

#include "request.h"
#include "validate.h"

enum sc_access {
    SC_ANON,            /* anyone */
    SC_CUSTOMER,        /* a logged-in customer */
    SC_CUSTOMER_RECENT, /* ... who re-entered the password within 5 minutes */
    SC_STAFF,           /* staff with one of the route's roles */
    SC_API,             /* a machine interface: no session, no CSRF token
                           (its callers are systems, not browsers) */
};

enum sc_role {
    SC_ROLE_ADMIN = 1 << 0,
    SC_ROLE_COMPLAINT_AGENT = 1 << 1,
    SC_ROLE_COMPLAINT_SUPERVISOR = 1 << 2,
    SC_ROLE_CONTENT_EDITOR = 1 << 3,
    SC_ROLE_CONTENT_APPROVER = 1 << 4,
    SC_ROLE_ANALYST = 1 << 5,
    SC_ROLE_ANY = (1 << 6) - 1,
};

#define SC_REAUTH_SECONDS 300

typedef int sc_handler(struct sc_req *req);

struct sc_route {
    const char *method; /* "GET" (also serves HEAD) or "POST" */
    const char *path;   /* exact, or a prefix when it ends in a star */
    enum sc_access access;
    unsigned roles; /* for SC_STAFF */
    sc_handler *handler;
    const struct sc_field *fields; /* terminated by {0} */
    const char *service; /* services.code a province may withhold, or NULL */
};

struct sc_app {
    const char *name;              /* program name, [db.NAME] in the ini */
    const struct sc_route *routes; /* terminated by {0} */
    const char *layout;            /* e.g. "layout/page.tpl" */
    const char *const *view_dirs;  /* template folders to preload */
    const char *login_path;        /* where SC_CUSTOMER/SC_STAFF send */
    const char *reauth_path;       /* where SC_CUSTOMER_RECENT sends */
    int staff;                     /* loads staff sessions, not customers' */
};

/* Role name in the staff table <-> bit, and its Chinese label. */
unsigned sc_role_bit(const char *role);
const char *sc_role_label(const char *role);

/* What the access rules say about this request before the handler: 0 to go
 * on, or a status (303 with Location set, 403). */
int sc_access_check(const struct sc_app *app, const struct sc_route *route,
                    struct sc_req *req, long long now);
/* Serves one parsed request: routing, CSRF, sessions, access, fields, the
 * handler, and error pages. */
void sc_dispatch(const struct sc_app *app, struct sc_req *req);
/* Renders the error page for status into the response. */
int sc_error_page(struct sc_req *req, int status);
/* A 400 page with a message for the user. */
int sc_bad_request(struct sc_req *req, const char *message);

/* Parses -c CONFIG [-s SOCKET], then serves until SIGTERM. */
int sc_app_main(const struct sc_app *app, int argc, char **argv);
/* The same for a customer-facing program: the portal layout, templates in
 * views/NAME/, and the portal's login and password re-entry pages. */
int sc_customer_main(const char *name, const struct sc_route *routes, int argc,
                     char **argv);

#endif
