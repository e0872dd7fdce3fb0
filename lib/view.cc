// The one C++ file: it adapts ctemplate to the C API in view.h.
#include "view.h"

#include <ctemplate/template.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>

extern "C" {
#include "log.h"
#include "response.h"
}

using ctemplate::TemplateDictionary;

static std::string layout_file;

static TemplateDictionary *D(sc_dict *d)
{
    return reinterpret_cast<TemplateDictionary *>(d);
}

static sc_dict *C(TemplateDictionary *d)
{
    return reinterpret_cast<sc_dict *>(d);
}

/* ctemplate hashes a variable or section name on every use, and records
 * the name in a global table under a lock, unless the name comes with its
 * id precomputed, as a StaticTemplateString does. Pages set the same few
 * hundred names (string literals) on every request: each gets its id once
 * per process, here, keyed by its address and checked by its text, so a
 * name built at run time at a reused address is still right. */
enum { NAME_SLOTS = 2048 }; /* 2^11: the top 11 bits of the hash */
struct name_slot {
    const char *key; /* the caller's pointer */
    ctemplate::StaticTemplateString sts;
};
static struct name_slot name_slots[NAME_SLOTS];

static ctemplate::TemplateString name_of(const char *name)
{
    /* Fibonacci hashing of the address: the product's top bits. */
    uint64_t h = ((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull) >> 53;
    for (size_t i = 0; i < 8; i++) {
        struct name_slot *s = &name_slots[(h + i) % NAME_SLOTS];
        if (s->key == name &&
            strcmp(s->sts.do_not_use_directly_.ptr_, name) == 0)
            return ctemplate::TemplateString(s->sts);
        if (s->key && s->key != name)
            continue;
        /* A free slot, or this address now holds another name. The old
         * copy stays: ctemplate's global id table may point at it. */
        char *copy = strdup(name);
        if (!copy)
            break;
        s->sts.do_not_use_directly_.ptr_ = copy;
        s->sts.do_not_use_directly_.length_ = strlen(copy);
        s->sts.do_not_use_directly_.id_ = 0;
        ctemplate::StaticTemplateStringInitializer computes_id(&s->sts);
        s->key = name;
        return ctemplate::TemplateString(s->sts);
    }
    return ctemplate::TemplateString(name, strlen(name)); /* table crowded */
}

static int load_dir(const std::string &root, const std::string &dir)
{
    DIR *dp = opendir((root + "/" + dir).c_str());
    if (!dp) {
        sc_error("views: cannot open %s/%s", root.c_str(), dir.c_str());
        return -1;
    }
    int rc = 0;
    while (struct dirent *e = readdir(dp)) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".tpl") != 0)
            continue;
        std::string file = dir + "/" + e->d_name;
        if (!ctemplate::LoadTemplate(file, ctemplate::STRIP_BLANK_LINES)) {
            sc_error("views: template %s does not load", file.c_str());
            rc = -1;
        }
    }
    closedir(dp);
    return rc;
}

extern "C" int sc_view_init(const char *root, const char *layout,
                            const char *const *dirs)
{
    std::string r(root);
    if (!r.empty() && r[r.size() - 1] != '/')
        r += '/';
    ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(r);
    layout_file = layout;
    int rc = load_dir(root, "layout");
    for (; dirs && *dirs; dirs++)
        if (load_dir(root, *dirs) != 0)
            rc = -1;
    return rc;
}

extern "C" sc_dict *sc_view(struct sc_req *req, const char *file,
                            const char *title)
{
    sc_view_end(req);
    TemplateDictionary *layout = new TemplateDictionary("layout");
    req->view = layout;
    layout->SetValue("TITLE", title);
    if (req->customer) {
        TemplateDictionary *s = layout->AddSectionDictionary("CUSTOMER");
        s->SetValue("MSISDN", req->customer->msisdn);
    } else {
        layout->ShowSection("ANONYMOUS");
    }
    if (req->staff) {
        TemplateDictionary *s = layout->AddSectionDictionary("STAFF");
        s->SetValue("USERNAME", req->staff->username);
        s->SetValue("DISPLAY_NAME", req->staff->display_name);
        s->SetValue("PROVINCE", req->staff->province_name);
        if (strcmp(req->staff->role, "admin") == 0)
            s->ShowSection("IS_ADMIN");
    }
    if (req->csrf)
        layout->SetValue("CSRF", req->csrf);
    TemplateDictionary *content = layout->AddIncludeDictionary("CONTENT");
    content->SetFilename(file);
    content->SetValue("TITLE", title);
    if (req->csrf)
        content->SetValue("CSRF", req->csrf);
    return C(content);
}

extern "C" void sc_set(sc_dict *d, const char *name, const char *value)
{
    D(d)->SetValue(name_of(name), value ? value : "");
}

extern "C" void sc_setf(sc_dict *d, const char *name, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    D(d)->SetValue(name_of(name), buf);
}

extern "C" void sc_set_int(sc_dict *d, const char *name, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    D(d)->SetValue(name_of(name), buf);
}

extern "C" sc_dict *sc_section(sc_dict *d, const char *name)
{
    return C(D(d)->AddSectionDictionary(name_of(name)));
}

extern "C" void sc_show(sc_dict *d, const char *name)
{
    D(d)->ShowSection(name_of(name));
}

extern "C" int sc_render(struct sc_req *req)
{
    TemplateDictionary *layout = static_cast<TemplateDictionary *>(req->view);
    if (!layout)
        return 500;
    std::string out;
    bool ok = ctemplate::ExpandTemplate(
        layout_file, ctemplate::STRIP_BLANK_LINES, layout, &out);
    sc_view_end(req);
    if (!ok) {
        sc_error("views: %s did not expand", layout_file.c_str());
        return 500;
    }
    req->body.len = 0;
    sc_write(req, out.data(), out.size());
    return 200;
}

extern "C" int sc_render_file(const char *file, sc_dict *d, char **out)
{
    std::string s;
    if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES, D(d),
                                   &s))
        return -1;
    *out = strdup(s.c_str());
    return *out ? 0 : -1;
}

extern "C" sc_dict *sc_dict_new(void)
{
    return C(new TemplateDictionary("file"));
}

extern "C" void sc_dict_free(sc_dict *d)
{
    delete D(d);
}

extern "C" void sc_view_end(struct sc_req *req)
{
    delete static_cast<TemplateDictionary *>(req->view);
    req->view = NULL;
}
