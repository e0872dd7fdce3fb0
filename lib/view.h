/* Views: Google ctemplate behind a small C API. Every template declares
 * {{%AUTOESCAPE context="HTML"}}, so escaping is never the handler's job. */
#ifndef SC_VIEW_H
#define SC_VIEW_H

#ifdef __cplusplus
extern "C" {
#endif

struct sc_req;
typedef struct sc_dict sc_dict;

/* Sets the template root and loads every .tpl below root/dir for each dir,
 * so a broken template stops the program at start instead of on a customer.
 * Returns 0, or -1 after logging what failed. */
int sc_view_init(const char *root, const char *layout, const char *const *dirs);
/* Starts a page: the layout with `file` as its CONTENT include. Returns the
 * content's dictionary; layout values (title, who is logged in) are set here.
 */
sc_dict *sc_view(struct sc_req *req, const char *file, const char *title);
void sc_set(sc_dict *d, const char *name, const char *value);
void sc_setf(sc_dict *d, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sc_set_int(sc_dict *d, const char *name, long long v);
/* One more repetition of a section; its dictionary inherits from d. */
sc_dict *sc_section(sc_dict *d, const char *name);
void sc_show(sc_dict *d, const char *name);
/* Expands the page into the response body; returns 200, or 500. */
int sc_render(struct sc_req *req);
/* Renders a template on its own (no layout) into out; for tests and mail. */
int sc_render_file(const char *file, sc_dict *d, char **out);
sc_dict *sc_dict_new(void);
void sc_dict_free(sc_dict *d);
void sc_view_end(struct sc_req *req);

#ifdef __cplusplus
}
#endif
#endif
