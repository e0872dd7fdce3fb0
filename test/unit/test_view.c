/* Templates: every view escapes, every view loads, and escaping does what it
 * must for text, attributes and URLs. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "request.h"
#include "tests.h"
#include "view.h"

#define VIEWS SC_SOURCE_DIR "/views"
#define PRAGMA "{{%AUTOESCAPE context=\"HTML\"}}"

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *s = malloc(cap);
    size_t n;
    while ((n = fread(s + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0)
            s = realloc(s, cap *= 2);
    }
    fclose(f);
    s[len] = '\0';
    return s;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot write %s: %s", path, strerror(errno));
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* ---- every template under views/ ---- */

static struct {
    int templates;
    char missing[4096]; /* files without the pragma */
    char broken[4096];  /* files that do not render */
    char *dirs[64];     /* folders with templates, relative to views/ */
    int ndirs;
} walk;

static int check_pragma(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 4 || strcmp(path + n - 4, ".tpl") != 0)
        return 0;
    walk.templates++;
    char *text = read_file(path);
    if (!text || !strstr(text, PRAGMA)) {
        size_t used = strlen(walk.missing);
        snprintf(walk.missing + used, sizeof walk.missing - used, " %s",
                 path + strlen(VIEWS) + 1);
    }
    free(text);
    return 0;
}

static int collect_dirs(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    if (type != FTW_D || ftw->level == 0)
        return 0;
    ck_assert_int_lt(walk.ndirs, 64);
    walk.dirs[walk.ndirs++] = strdup(path + strlen(VIEWS) + 1);
    return 0;
}

static void free_dirs(void)
{
    for (int i = 0; i < walk.ndirs; i++)
        free(walk.dirs[i]);
    walk.ndirs = 0;
}

START_TEST(every_template_declares_html_autoescape)
{
    memset(&walk, 0, sizeof walk);
    ck_assert_int_eq(nftw(VIEWS, check_pragma, 16, FTW_PHYS), 0);
    ck_assert_msg(walk.templates >= 3, "only %d templates under %s", walk.templates, VIEWS);
    ck_assert_msg(walk.missing[0] == '\0', "templates without %s:%s", PRAGMA, walk.missing);
}
END_TEST

START_TEST(every_template_loads)
{
    memset(&walk, 0, sizeof walk);
    ck_assert_int_eq(nftw(VIEWS, collect_dirs, 16, FTW_PHYS), 0);
    ck_assert_int_gt(walk.ndirs, 0);
    const char *dirs[65];
    for (int i = 0; i < walk.ndirs; i++)
        dirs[i] = walk.dirs[i];
    dirs[walk.ndirs] = NULL;
    int rc = sc_view_init(VIEWS, "layout/page.tpl", dirs);
    free_dirs();
    ck_assert_int_eq(rc, 0);
}
END_TEST

static int render_each(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 4 || strcmp(path + n - 4, ".tpl") != 0)
        return 0;
    walk.templates++;
    const char *rel = path + strlen(VIEWS) + 1;
    sc_dict *d = sc_dict_new();
    char *out = NULL;
    if (sc_render_file(rel, d, &out) != 0) {
        size_t used = strlen(walk.broken);
        snprintf(walk.broken + used, sizeof walk.broken - used, " %s", rel);
    }
    free(out);
    sc_dict_free(d);
    return 0;
}

START_TEST(every_template_renders_with_empty_dictionary)
{
    ck_assert_int_eq(sc_view_init(VIEWS, "layout/page.tpl", NULL), 0);
    memset(&walk, 0, sizeof walk);
    ck_assert_int_eq(nftw(VIEWS, render_each, 16, FTW_PHYS), 0);
    ck_assert_int_gt(walk.templates, 0);
    ck_assert_msg(walk.broken[0] == '\0', "templates that do not render:%s", walk.broken);
}
END_TEST

/* ---- escaping, on the real layout ---- */

START_TEST(layout_escapes_title_message_and_customer)
{
    ck_assert_int_eq(sc_view_init(VIEWS, "layout/page.tpl", NULL), 0);
    sc_arena *a = sc_arena_new();
    struct sc_req req;
    sc_req_init(&req, a);
    struct sc_customer c = {.msisdn = "<b>13800138000</b>"};
    req.customer = &c;
    req.csrf = "tok\"en";
    sc_dict *d = sc_view(&req, "layout/error.tpl", "<i>标题</i>");
    sc_set_int(d, "STATUS", 400);
    sc_set(d, "MESSAGE", "<img src=x onerror=alert(1)> & \"quoted\" 'single'");
    ck_assert_int_eq(sc_render(&req), 200);
    ck_assert_ptr_null(req.view);
    const char *body = req.body.data;
    ck_assert_ptr_nonnull(body);
    ck_assert_ptr_nonnull(strstr(body, "&lt;i&gt;标题&lt;/i&gt;"));
    ck_assert_ptr_null(strstr(body, "<i>"));
    ck_assert_ptr_nonnull(strstr(body, "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;"));
    ck_assert_ptr_null(strstr(body, "<img"));
    ck_assert_ptr_nonnull(strstr(body, "&lt;b&gt;13800138000&lt;/b&gt;"));
    ck_assert_ptr_null(strstr(body, "<b>"));
    ck_assert_ptr_null(strstr(body, "tok\"en"));
    ck_assert_ptr_nonnull(strstr(body, "400"));
    sc_arena_free(a);
}
END_TEST

START_TEST(render_without_view_is_500)
{
    sc_arena *a = sc_arena_new();
    struct sc_req req;
    sc_req_init(&req, a);
    ck_assert_int_eq(sc_render(&req), 500);
    sc_view_end(&req); /* harmless without a view */
    sc_arena_free(a);
}
END_TEST

/* ---- escaping, on a template of the test's own ---- */

static char tmp_base[64];
static char tmp_root[96];
static char tmp_layout[128];
static char tmp_probe[160];
static char tmp_broken[160];

static const char PROBE[] =
    PRAGMA "<p id=\"text\">{{TEXT}}</p>\n"
    "<a id=\"bad\" href=\"{{BAD_URL}}\">x</a>\n"
    "<a id=\"good\" href=\"{{GOOD_URL}}\">y</a>\n"
    "<input id=\"attr\" value=\"{{ATTR}}\">\n"
    "<a id=\"code\" href=\"/brands/{{CODE:url_query_escape}}\">z</a>\n"
    "<ul>{{#ROW}}<li>{{NAME}}</li>{{/ROW}}</ul>\n"
    "{{#SHOWN}}<p id=\"shown\">{{TEXT}}</p>{{/SHOWN}}{{#HIDDEN}}<p id=\"hidden\"></p>{{/HIDDEN}}\n"
    "<p id=\"fmt\">{{FMT}}</p><p id=\"num\">{{NUM}}</p>\n";

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    remove(path);
    return 0;
}

/* Runs in the parent, so the folder goes even when a test dies. */
static void tmp_base_setup(void)
{
    snprintf(tmp_base, sizeof tmp_base, "/tmp/sc-unit-views-XXXXXX");
    if (!mkdtemp(tmp_base)) {
        perror("mkdtemp");
        tmp_base[0] = '\0';
    }
}

static void tmp_base_teardown(void)
{
    if (tmp_base[0])
        nftw(tmp_base, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void tmp_setup(void)
{
    ck_assert_msg(tmp_base[0] != '\0', "no temporary folder");
    snprintf(tmp_root, sizeof tmp_root, "%s/root-XXXXXX", tmp_base);
    ck_assert_ptr_nonnull(mkdtemp(tmp_root));
    snprintf(tmp_layout, sizeof tmp_layout, "%s/layout", tmp_root);
    ck_assert_int_eq(mkdir(tmp_layout, 0700), 0);
    snprintf(tmp_probe, sizeof tmp_probe, "%s/sc_unit_probe.tpl", tmp_layout);
    write_file(tmp_probe, PROBE);
    tmp_broken[0] = '\0';
}

static void tmp_teardown(void)
{
    unlink(tmp_probe);
    if (tmp_broken[0])
        unlink(tmp_broken);
    rmdir(tmp_layout);
    rmdir(tmp_root);
    /* The template root is process-wide: give it back to the real views. */
    sc_view_init(VIEWS, "layout/page.tpl", NULL);
}

static char *render_probe(sc_dict *d)
{
    ck_assert_int_eq(sc_view_init(tmp_root, "layout/sc_unit_probe.tpl", NULL), 0);
    char *out = NULL;
    ck_assert_int_eq(sc_render_file("layout/sc_unit_probe.tpl", d, &out), 0);
    ck_assert_ptr_nonnull(out);
    return out;
}

/* The text of the element with id, up to its closing tag or quote. */
static const char *element(const char *html, const char *id)
{
    static char buf[512];
    char key[64];
    snprintf(key, sizeof key, "id=\"%s\"", id);
    const char *p = strstr(html, key);
    ck_assert_msg(p != NULL, "no element %s in:\n%s", id, html);
    const char *end = strchr(p, '\n');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

START_TEST(html_text_is_escaped)
{
    sc_dict *d = sc_dict_new();
    sc_set(d, "TEXT", "<script>alert(\"x'y\")&</script>");
    char *out = render_probe(d);
    ck_assert_msg(strstr(out, "<script") == NULL, "raw script in:\n%s", out);
    ck_assert_str_eq(element(out, "text"),
                     "id=\"text\">&lt;script&gt;alert(&quot;x&#39;y&quot;)&amp;&lt;/script&gt;</p>");
    free(out);
    sc_dict_free(d);
}
END_TEST

START_TEST(javascript_url_in_href_is_neutralised)
{
    sc_dict *d = sc_dict_new();
    sc_set(d, "BAD_URL", "javascript:alert(document.cookie)");
    sc_set(d, "GOOD_URL", "https://www.10086.cn/a?x=1&y=\"2\"");
    char *out = render_probe(d);
    const char *bad = element(out, "bad");
    ck_assert_msg(strstr(bad, "javascript") == NULL, "href kept: %s", bad);
    ck_assert_msg(strstr(bad, "alert") == NULL, "href kept: %s", bad);
    const char *good = element(out, "good");
    ck_assert_msg(strstr(good, "href=\"https://www.10086.cn/a?x=1&amp;y=&quot;2&quot;\""),
                  "good url: %s", good);
    free(out);

    /* Other spellings of a script URL fare no better. */
    static const char *const spellings[] = {
        "JavaScript:alert(1)", " javascript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
    };
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        sc_set(d, "BAD_URL", spellings[i]);
        out = render_probe(d);
        bad = element(out, "bad");
        ck_assert_msg(strstr(bad, "script:") == NULL && strstr(bad, "data:") == NULL &&
                          strstr(bad, "<script") == NULL,
                      "%s rendered as %s", spellings[i], bad);
        free(out);
    }
    sc_dict_free(d);
}
END_TEST

START_TEST(attribute_value_cannot_break_out)
{
    sc_dict *d = sc_dict_new();
    sc_set(d, "ATTR", "\" autofocus onfocus=\"alert(1)");
    char *out = render_probe(d);
    const char *attr = element(out, "attr");
    ck_assert_msg(strstr(attr, "value=\"&quot; autofocus onfocus=&quot;alert(1)\">") != NULL,
                  "attr: %s", attr);
    ck_assert_ptr_null(strstr(attr, "\" autofocus"));
    free(out);
    sc_dict_free(d);
}
END_TEST

START_TEST(url_query_escape_encodes_path_values)
{
    sc_dict *d = sc_dict_new();
    sc_set(d, "CODE", "a b&c\"<中>");
    char *out = render_probe(d);
    const char *code = element(out, "code");
    ck_assert_msg(strstr(code, "href=\"/brands/a+b%26c%22%3C%E4%B8%AD%3E\"") != NULL,
                  "code: %s", code);
    free(out);
    sc_dict_free(d);
}
END_TEST

START_TEST(sections_repeat_and_escape)
{
    sc_dict *d = sc_dict_new();
    sc_set(d, "TEXT", "<x>");
    sc_set(sc_section(d, "ROW"), "NAME", "<a>");
    sc_set(sc_section(d, "ROW"), "NAME", "b&c");
    sc_show(d, "SHOWN");
    sc_setf(d, "FMT", "%s=%d", "<n>", 5);
    sc_set_int(d, "NUM", -1234567890123LL);
    sc_set(d, "ATTR", NULL); /* NULL is an empty value */
    char *out = render_probe(d);
    ck_assert_msg(strstr(out, "<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul>"), "out:\n%s", out);
    /* A section's dictionary inherits its parent's values, escaped too. */
    ck_assert_str_eq(element(out, "shown"), "id=\"shown\">&lt;x&gt;</p>");
    ck_assert_ptr_null(strstr(out, "id=\"hidden\""));
    ck_assert_ptr_nonnull(strstr(out, "<p id=\"fmt\">&lt;n&gt;=5</p>"));
    ck_assert_ptr_nonnull(strstr(out, "<p id=\"num\">-1234567890123</p>"));
    ck_assert_ptr_nonnull(strstr(out, "value=\"\""));
    free(out);
    sc_dict_free(d);
}
END_TEST

START_TEST(broken_template_fails_to_load)
{
    snprintf(tmp_broken, sizeof tmp_broken, "%s/sc_unit_broken.tpl", tmp_layout);
    write_file(tmp_broken, PRAGMA "<p>{{#OPEN}}never closed</p>\n");
    ck_assert_int_eq(sc_view_init(tmp_root, "layout/sc_unit_probe.tpl", NULL), -1);
}
END_TEST

START_TEST(missing_view_folder_fails_to_load)
{
    const char *dirs[] = {"no-such-folder", NULL};
    ck_assert_int_eq(sc_view_init(tmp_root, "layout/sc_unit_probe.tpl", dirs), -1);
}
END_TEST

Suite *view_suite(void)
{
    Suite *s = suite_create("view");

    TCase *tc = tcase_create("templates");
    tcase_add_test(tc, every_template_declares_html_autoescape);
    tcase_add_test(tc, every_template_loads);
    tcase_add_test(tc, every_template_renders_with_empty_dictionary);
    tcase_add_test(tc, layout_escapes_title_message_and_customer);
    tcase_add_test(tc, render_without_view_is_500);
    suite_add_tcase(s, tc);

    tc = tcase_create("escaping");
    tcase_add_unchecked_fixture(tc, tmp_base_setup, tmp_base_teardown);
    tcase_add_checked_fixture(tc, tmp_setup, tmp_teardown);
    tcase_add_test(tc, html_text_is_escaped);
    tcase_add_test(tc, javascript_url_in_href_is_neutralised);
    tcase_add_test(tc, attribute_value_cannot_break_out);
    tcase_add_test(tc, url_query_escape_encodes_path_values);
    tcase_add_test(tc, sections_repeat_and_escape);
    tcase_add_test(tc, broken_template_fails_to_load);
    tcase_add_test(tc, missing_view_folder_fails_to_load);
    suite_add_tcase(s, tc);

    return s;
}
