/* Staff management for administrators. A province administrator manages the
 * staff of that province only; head office manages everyone. */
#include "admin.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_STAFF_PAGE[] =
    "SELECT s.id, s.username, s.display_name, s.role, CONCAT(IFNULL(p.name, "
    "'集团公司'), IFNULL(CONCAT(' ', c.name), '')), "
    "s.active, DATE_FORMAT(s.created_at, '%Y-%m-%d') FROM staff s "
    "LEFT JOIN provinces p ON p.id = s.province_id "
    "LEFT JOIN cities c ON c.id = s.city_id "
    "WHERE (? = 0 OR s.province_id = ?) ORDER BY s.id LIMIT ? OFFSET ?";
static const char SQL_STAFF_ONE[] =
    "SELECT id, username, display_name, role, IFNULL(province_id, 0), active, "
    "IFNULL(city_id, 0) FROM staff WHERE id = ?";
static const char SQL_STAFF_ADD[] =
    "INSERT INTO staff (username, display_name, password_hash, role, "
    "province_id, city_id, active, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, 1, NOW())";
static const char SQL_STAFF_UPDATE[] =
    "UPDATE staff SET display_name = ?, role = ?, province_id = ?, "
    "city_id = ?, active = ? WHERE id = ?";
static const char SQL_STAFF_PASSWORD[] =
    "UPDATE staff SET password_hash = ? WHERE id = ?";
static const char SQL_STAFF_END_SESSIONS[] =
    "DELETE FROM staff_sessions WHERE staff_id = ?";
static const char SQL_PROVINCES[] =
    "SELECT id, name FROM provinces ORDER BY id";
static const char SQL_PROVINCE_EXISTS[] =
    "SELECT 1 FROM provinces WHERE id = ?";

static const char *const ROLES[] = {
    "admin",          "complaint_agent",  "complaint_supervisor",
    "content_editor", "content_approver", "analyst"};

int staff_list(struct sc_req *req)
{
    long long page = admin_page_number(req);
    long long scope = req->staff->province_id;
    struct sc_rows *r = sc_db_query(req, SQL_STAFF_PAGE, "iiii", scope, scope,
                                    (long long)ADMIN_PAGE_SIZE + 1,
                                    (page - 1) * ADMIN_PAGE_SIZE);
    if (!r)
        return sc_db_failure_status();
    sc_dict *d = sc_view(req, "admin/staff_list.tpl", "员工管理");
    for (int i = 0; i < r->n && i < ADMIN_PAGE_SIZE; i++) {
        sc_dict *s = sc_section(d, "STAFF_ROW");
        sc_set(s, "ID", sc_cell(r, i, 0));
        sc_set(s, "USERNAME", sc_cell(r, i, 1));
        sc_set(s, "NAME", sc_cell(r, i, 2));
        sc_set(s, "ROLE", sc_role_label(sc_cell(r, i, 3)));
        sc_set(s, "PROVINCE", sc_cell(r, i, 4));
        sc_set(s, "ACTIVE", sc_cell_int(r, i, 5) ? "启用" : "停用");
        sc_set(s, "CREATED", sc_cell(r, i, 6));
    }
    if (r->n == 0)
        sc_show(d, "EMPTY");
    admin_pager(d, "/admin/staff", page, r->n, req->arena);
    return 200;
}

/* The city branches (地市分公司) a complaint work order can go to, grouped
 * by province; a province administrator sees only that province's. */
static void city_choices(struct sc_req *req, sc_dict *d, long long city)
{
    int n;
    const struct sc_city_ref *cities = sc_cities(&n);
    int scope = req->staff->province_id;
    for (int p = 1; p < 100; p++) {
        if (scope && p != scope)
            continue;
        sc_dict *g = NULL;
        for (int i = 0; i < n; i++) {
            if (cities[i].province_id != p)
                continue;
            if (!g) {
                g = sc_section(d, "CITY_GROUP");
                sc_set(g, "PROVINCE", sc_province_name(p));
            }
            sc_dict *o = sc_section(g, "CITY_OPTION");
            sc_set_int(o, "VALUE", cities[i].id);
            sc_set(o, "LABEL", cities[i].name);
            if (cities[i].id == city)
                sc_show(o, "SELECTED");
        }
    }
}

/* Fills the role, province and city choices; a province administrator may
 * only pick that province. */
static int form_choices(struct sc_req *req, sc_dict *d, const char *role,
                        long long province, long long city)
{
    if (sc_reference_load(req) != 0)
        return -1;
    city_choices(req, d, city);
    for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++) {
        sc_dict *o = sc_section(d, "ROLE_OPTION");
        sc_set(o, "VALUE", ROLES[i]);
        sc_set(o, "LABEL", sc_role_label(ROLES[i]));
        if (role && strcmp(role, ROLES[i]) == 0)
            sc_show(o, "SELECTED");
    }
    if (req->staff->province_id == 0) {
        sc_dict *o = sc_section(d, "PROVINCE_OPTION");
        sc_set(o, "VALUE", "0");
        sc_set(o, "LABEL", "集团公司（总部）");
        if (province == 0)
            sc_show(o, "SELECTED");
    }
    struct sc_rows *r = sc_db_query(req, SQL_PROVINCES, NULL);
    if (!r)
        return -1;
    for (int i = 0; i < r->n; i++) {
        long long id = sc_cell_int(r, i, 0);
        if (req->staff->province_id && id != req->staff->province_id)
            continue;
        sc_dict *o = sc_section(d, "PROVINCE_OPTION");
        sc_set(o, "VALUE", sc_cell(r, i, 0));
        sc_set(o, "LABEL", sc_cell(r, i, 1));
        if (id == province)
            sc_show(o, "SELECTED");
    }
    return 0;
}

/* Starts the staff form page; NULL (and no page) when the database failed. */
static sc_dict *staff_form(struct sc_req *req, const char *view,
                           const char *title, struct sc_rows *row,
                           const char *error)
{
    sc_dict *d = sc_view(req, view, title);
    const char *role = row ? sc_cell(row, 0, 3) : sc_field(req, "role");
    const char *prov = sc_field(req, "province");
    long long province = row    ? sc_cell_int(row, 0, 4)
                         : prov ? strtoll(prov, NULL, 10)
                                : req->staff->province_id;
    const char *city_field = sc_field(req, "city");
    long long city = row          ? sc_cell_int(row, 0, 6)
                     : city_field ? strtoll(city_field, NULL, 10)
                                  : 0;
    if (form_choices(req, d, role, province, city) != 0) {
        sc_view_end(req);
        return NULL;
    }
    if (row) {
        sc_set(d, "ID", sc_cell(row, 0, 0));
        sc_set(d, "USERNAME", sc_cell(row, 0, 1));
        sc_set(d, "DISPLAY_NAME", sc_cell(row, 0, 2));
        sc_show(d, sc_cell_int(row, 0, 5) ? "ACTIVE" : "INACTIVE");
    } else {
        sc_set(d, "ID", sc_field(req, "id"));
        sc_set(d, "USERNAME", sc_field(req, "username"));
        sc_set(d, "DISPLAY_NAME", sc_field(req, "display_name"));
        const char *active = sc_field(req, "active");
        sc_show(d, active && strcmp(active, "0") == 0 ? "INACTIVE" : "ACTIVE");
    }
    if (error) {
        sc_dict *e = sc_section(d, "ERROR");
        sc_set(e, "MESSAGE", error);
    }
    return d;
}

/* Head office (and the whole province) is stored as NULL, not as 0. */
static const char *id_param(struct sc_req *req, long long id)
{
    return id ? sc_printf(req->arena, "%lld", id) : NULL;
}

/* " city=N" for the audit record of a city-branch account, else "". */
static const char *city_detail(struct sc_req *req, long long city)
{
    return city ? sc_printf(req->arena, " city=%lld", city) : "";
}

static int form_status(sc_dict *d, int status)
{
    return d ? status : sc_db_failure_status();
}

int staff_new_page(struct sc_req *req)
{
    return form_status(
        staff_form(req, "admin/staff_new.tpl", "新增员工", NULL, NULL), 200);
}

/* Checks what validators cannot: the province exists and is within the
 * administrator's scope, the city branch belongs to it, and the password
 * is long enough. NULL if fine, "" when the database failed. */
static const char *staff_rules(struct sc_req *req, long long *province,
                               long long *city)
{
    const char *c = sc_field(req, "city");
    *city = c ? strtoll(c, NULL, 10) : 0;
    const char *p = sc_field(req, "province");
    *province = p ? strtoll(p, NULL, 10) : req->staff->province_id;
    if (req->staff->province_id && *province != req->staff->province_id)
        return "省公司管理员只能管理本省员工。";
    if (*province) {
        struct sc_rows *r =
            sc_db_query(req, SQL_PROVINCE_EXISTS, "i", *province);
        if (!r)
            return "";
        if (r->n == 0)
            return "所属单位不存在。";
    }
    if (*city) {
        if (sc_reference_load(req) != 0)
            return "";
        const struct sc_city_ref *ref = sc_city_ref((int)*city);
        if (!ref)
            return "地市分公司不存在。";
        if (ref->province_id != *province)
            return "地市分公司不属于所选的省公司。";
    }
    const char *pw = sc_field(req, "password");
    if (pw && strlen(pw) < 8)
        return "密码至少8位。";
    return NULL;
}

int staff_new_submit(struct sc_req *req)
{
    long long province, city;
    const char *why = staff_rules(req, &province, &city);
    if (why && !*why)
        return sc_db_failure_status();
    if (why)
        return form_status(
            staff_form(req, "admin/staff_new.tpl", "新增员工", NULL, why), 400);
    char hash[SC_PWHASH_LEN];
    if (sc_password_hash(sc_field(req, "password"), hash) != 0)
        return 500;
    const char *username = sc_field(req, "username");
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    if (sc_db_exec(req, SQL_STAFF_ADD, "ssssss", username,
                   sc_field(req, "display_name"), hash, sc_field(req, "role"),
                   id_param(req, province), id_param(req, city)) != 1) {
        unsigned err = sc_db_errno();
        sc_db_rollback(req);
        if (err == 1062) /* ER_DUP_ENTRY */
            return form_status(staff_form(req, "admin/staff_new.tpl",
                                          "新增员工", NULL,
                                          "该用户名已被使用，请换一个。"),
                               400);
        return sc_db_failure_status();
    }
    long long id = sc_db_last_id();
    const char *detail =
        sc_printf(req->arena, "role=%s province=%lld%s", sc_field(req, "role"),
                  province, city_detail(req, city));
    if (sc_audit(req, NULL, "staff_create", username, detail) != 0 ||
        sc_db_commit(req) != 0) {
        sc_db_rollback(req);
        return sc_db_failure_status();
    }
    return sc_redirect(
        req, sc_printf(req->arena, "/admin/staff/edit?id=%lld&saved=1", id));
}

/* The staff row, if the administrator may manage it. */
static int load_staff(struct sc_req *req, struct sc_rows **out)
{
    struct sc_rows *r =
        sc_db_query(req, SQL_STAFF_ONE, "s", sc_field(req, "id"));
    if (!r)
        return sc_db_failure_status();
    if (r->n == 0)
        return 404;
    if (req->staff->province_id &&
        sc_cell_int(r, 0, 4) != req->staff->province_id)
        return 403;
    *out = r;
    return 0;
}

int staff_edit_page(struct sc_req *req)
{
    struct sc_rows *r;
    int status = load_staff(req, &r);
    if (status)
        return status;
    sc_dict *d = staff_form(req, "admin/staff_edit.tpl", "编辑员工", r, NULL);
    if (d && sc_field(req, "saved"))
        sc_show(d, "SAVED");
    return form_status(d, 200);
}

int staff_edit_submit(struct sc_req *req)
{
    struct sc_rows *r;
    int status = load_staff(req, &r);
    if (status)
        return status;
    long long province, city;
    const char *why = staff_rules(req, &province, &city);
    if (why && !*why)
        return sc_db_failure_status();
    long long id = sc_cell_int(r, 0, 0);
    const char *active = sc_field(req, "active");
    long long is_active = active ? strtoll(active, NULL, 10) : 0;
    if (!why && id == req->staff->id &&
        (!is_active || strcmp(sc_field(req, "role"), "admin") != 0))
        why = "不能停用自己的账号或取消自己的管理员角色。";
    if (why) {
        sc_dict *d =
            staff_form(req, "admin/staff_edit.tpl", "编辑员工", NULL, why);
        if (d)
            sc_set(d, "USERNAME", sc_cell(r, 0, 1));
        return form_status(d, 400);
    }
    const char *password = sc_field(req, "password");
    char hash[SC_PWHASH_LEN];
    if (password && sc_password_hash(password, hash) != 0)
        return 500;
    const char *detail =
        sc_printf(req->arena, "role=%s province=%lld%s active=%lld%s",
                  sc_field(req, "role"), province, city_detail(req, city),
                  is_active, password ? " password=reset" : "");
    if (sc_db_begin(req) != 0)
        return sc_db_failure_status();
    bool ok = sc_db_exec(req, SQL_STAFF_UPDATE, "ssssii",
                         sc_field(req, "display_name"), sc_field(req, "role"),
                         id_param(req, province), id_param(req, city),
                         is_active, id) >= 0;
    if (ok && password)
        ok = sc_db_exec(req, SQL_STAFF_PASSWORD, "si", hash, id) >= 0;
    /* A disabled account or a new password ends the account's sessions. */
    if (ok && (password || !is_active))
        ok = sc_db_exec(req, SQL_STAFF_END_SESSIONS, "i", id) >= 0;
    if (ok)
        ok = sc_audit(req, NULL, "staff_update", sc_cell(r, 0, 1), detail) == 0;
    if (!ok || sc_db_commit(req) != 0) {
        sc_db_rollback(req);
        return sc_db_failure_status();
    }
    return sc_redirect(
        req, sc_printf(req->arena, "/admin/staff/edit?id=%lld&saved=1", id));
}
