#include "app.h"

#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "reference.h"
#include "response.h"
#include "session.h"
#include "view.h"
#include "worker.h"

static const struct {
    const char *name, *label;
    unsigned bit;
} roles[] = {
    {"admin", "系统管理员", SC_ROLE_ADMIN},
    {"complaint_agent", "投诉处理员", SC_ROLE_COMPLAINT_AGENT},
    {"complaint_supervisor", "投诉主管", SC_ROLE_COMPLAINT_SUPERVISOR},
    {"content_editor", "内容编辑", SC_ROLE_CONTENT_EDITOR},
    {"content_approver", "内容审批人", SC_ROLE_CONTENT_APPROVER},
    {"analyst", "统计分析员", SC_ROLE_ANALYST},
};

unsigned sc_role_bit(const char *role)
{
    for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(roles[i].name, role) == 0)
            return roles[i].bit;
    return 0;
}

const char *sc_role_label(const char *role)
{
    for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(roles[i].name, role) == 0)
            return roles[i].label;
    return "未知角色";
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static const struct {
    int status;
    const char *title, *message;
} error_texts[] = {
    {400, "请求有误", "提交的内容有误，请检查后重试。"},
    {403, "禁止访问", "您没有权限执行此操作，或页面已过期。请刷新页面后重试。"},
    {404, "页面不存在", "您访问的页面不存在或已被移除。"},
    {405, "请求方式不允许", "此页面不支持该请求方式。"},
    {409, "操作未能完成", "该操作与当前状态冲突，请刷新页面后重试。"},
    {413, "提交内容过大", "提交的内容超过了允许的大小，请减小后重试。"},
    {415, "不支持的内容类型", "提交的内容类型不受支持。"},
    {429, "请求过于频繁", "您的操作过于频繁，请稍后再试。"},
    {500, "系统错误", "系统处理时出现错误，我们已记录此问题，请稍后再试。"},
    {503, "服务暂不可用", "系统正在维护或暂时繁忙，请稍后再试。"},
};

int sc_error_page(struct sc_req *req, int status)
{
    const char *title = "错误", *message = "请求无法完成。";
    for (size_t i = 0; i < sizeof error_texts / sizeof error_texts[0]; i++)
        if (error_texts[i].status == status) {
            title = error_texts[i].title;
            message = error_texts[i].message;
        }
    if (req->error_message)
        message = req->error_message;
    if (req->error_title)
        title = req->error_title;
    if (status == 503)
        sc_header(req, "Retry-After", "30");
    req->status = status;
    req->body.len = 0;
    sc_dict *d = sc_view(req, "layout/error.tpl", title);
    sc_set_int(d, "STATUS", status);
    sc_set(d, "MESSAGE", message);
    if (sc_render(req) != 200) {
        req->body.len = 0;
        sc_header(req, "Content-Type", "text/plain; charset=utf-8");
        sc_buf_printf(&req->body, "%d %s\n", status, title);
        return status;
    }
    sc_header(req, "Content-Type", "text/html; charset=utf-8");
    return status;
}

int sc_bad_request(struct sc_req *req, const char *message)
{
    req->error_message = message;
    return 400;
}

static bool path_matches(const char *pattern, const char *path,
                         const char **tail)
{
    size_t n = strlen(pattern);
    if (n >= 2 && pattern[n - 1] == '*' && pattern[n - 2] == '/') {
        if (strncmp(pattern, path, n - 1) == 0) {
            *tail = path + n - 1;
            return true;
        }
        return false;
    }
    *tail = NULL;
    return strcmp(pattern, path) == 0;
}

/* The route for the request, or NULL with *status 404 or 405. */
static const struct sc_route *find_route(const struct sc_app *app,
                                         struct sc_req *req, int *status)
{
    const char *method = req->head_only ? "GET" : req->method;
    *status = 404;
    for (const struct sc_route *r = app->routes; r->path; r++) {
        const char *tail;
        if (!path_matches(r->path, req->path, &tail))
            continue;
        if (strcmp(r->method, method) == 0) {
            req->path_tail = tail;
            return r;
        }
        *status = 405;
    }
    return NULL;
}

static const char *allowed_methods(const struct sc_app *app, const char *path)
{
    bool get = false, post = false;
    for (const struct sc_route *r = app->routes; r->path; r++) {
        const char *tail;
        if (path_matches(r->path, path, &tail)) {
            get |= strcmp(r->method, "GET") == 0;
            post |= strcmp(r->method, "POST") == 0;
        }
    }
    return get && post ? "GET, HEAD, POST" : get ? "GET, HEAD" : "POST";
}

static int redirect_with_next(struct sc_req *req, const char *to)
{
    /* Only a GET can be replayed after logging in. */
    const char *next = strcmp(req->method, "GET") == 0 ? req->uri : "";
    if (!*next)
        return sc_redirect(req, to);
    return sc_redirect(req, sc_printf(req->arena, "%s?next=%s", to,
                                      sc_url_encode(req->arena, next)));
}

int sc_access_check(const struct sc_app *app, const struct sc_route *route,
                    struct sc_req *req, long long now)
{
    switch (route->access) {
    case SC_ANON:
    case SC_API:
        return 0;
    case SC_CUSTOMER:
        return req->customer ? 0 : redirect_with_next(req, app->login_path);
    case SC_CUSTOMER_RECENT:
        if (!req->customer)
            return redirect_with_next(req, app->login_path);
        if (now - req->customer->reauth > SC_REAUTH_SECONDS)
            return redirect_with_next(req, app->reauth_path);
        return 0;
    case SC_STAFF:
        if (!req->staff)
            return redirect_with_next(req, app->login_path);
        return (sc_role_bit(req->staff->role) & route->roles) ? 0 : 403;
    }
    return 403;
}

/* Copies the route's declared fields that pass their validators into
 * req->fields; anything else stays out of the handler's reach. */
static int collect_fields(struct sc_req *req, const struct sc_route *route)
{
    bool post = strcmp(req->method, "POST") == 0;
    for (const struct sc_field *f = route->fields; f && f->name; f++) {
        const char *v = post ? sc_kv_get(req->form, f->name) : NULL;
        if (!v)
            v = sc_kv_get(req->params, f->name);
        if (!v || !*v) {
            if (f->flags & SC_REQUIRED) {
                req->error_message =
                    sc_printf(req->arena, "请填写「%s」。", f->label);
                return 400;
            }
            continue;
        }
        char why[256];
        if (!sc_field_valid(f, v, why, sizeof why)) {
            req->error_message = sc_strdup(req->arena, why);
            return 400;
        }
        struct sc_kv *kv = sc_alloc(req->arena, sizeof *kv);
        kv->name = f->name;
        kv->value = v;
        kv->len = strlen(v);
        kv->next = req->fields;
        req->fields = kv;
    }
    return 0;
}

/* A routed service the customer's province does not offer to the brand gets
 * a page that says so, before the handler runs. */
static int service_check(const struct sc_route *route, struct sc_req *req)
{
    if (!route->service || !req->customer)
        return 0;
    const struct sc_customer *c = req->customer;
    int ok = sc_service_available(req, route->service, c->brand_code,
                                  c->province_id);
    if (ok < 0)
        return sc_db_failure_status();
    if (ok)
        return 0;
    req->error_title = "暂未开通此服务";
    req->error_message = sc_printf(
        req->arena,
        "您的号码（%s品牌，归属%s）暂不能在网上使用「%s」。各品牌可使用的"
        "网上服务由归属省公司确定，如需办理，请拨打 10086 或前往营业厅。",
        sc_brand_name(c->brand_code), sc_province_name(c->province_id),
        sc_service_name(route->service));
    return 403;
}

static int serve(const struct sc_app *app, struct sc_req *req)
{
    int status;
    const struct sc_route *route = find_route(app, req, &status);
    sc_csrf_prepare(req);
    if (!route) {
        if (status == 405)
            sc_header(req, "Allow", allowed_methods(app, req->path));
        return status;
    }
    req->route = route;
    int rc =
        app->staff ? sc_session_load_staff(req) : sc_session_load_customer(req);
    if (rc != 0 && route->access != SC_ANON)
        return sc_db_failure_status();
    if (strcmp(req->method, "POST") == 0 && route->access != SC_API &&
        !sc_csrf_valid(req, sc_kv_get(req->form, "csrf"))) {
        req->error_message =
            "页面安全校验失败（可能已过期）。请返回刷新页面后重新提交。";
        return 403;
    }
    status = sc_access_check(app, route, req, (long long)time(NULL));
    if (status)
        return status;
    status = service_check(route, req);
    if (status)
        return status;
    status = collect_fields(req, route);
    if (status)
        return status;
    return route->handler(req);
}

void sc_dispatch(const struct sc_app *app, struct sc_req *req)
{
    int status = serve(app, req);
    /* A handler that built its own page for an error status (a form shown
     * again with its message), or a machine interface that wrote its own
     * error answer, keeps it; otherwise the error page renders. */
    if (req->streamed) {
        /* sc_stream_begin sent the head: the handler wrote the body. */
    } else if ((status >= 500 || (status >= 400 && !req->view)) &&
               !(req->route && req->route->access == SC_API && req->body.len)) {
        /* A machine interface's own error answer (XML) is kept. */
        sc_error_page(req, status);
    } else {
        req->status = status;
        if (req->view) {
            if (sc_render(req) == 200)
                sc_header(req, "Content-Type", "text/html; charset=utf-8");
            else
                sc_error_page(req, 500);
        }
    }
    sc_view_end(req);
}

/* Serves one request. Returns true when it came without a body: all of it
 * arrived with its parameters, and the connection may be closed at once. */
static bool handle(const struct sc_app *app, FCGX_Request *fr, sc_arena *arena)
{
    struct sc_req req;
    sc_req_init(&req, arena);
    req.fcgx = fr;
    req.program = app->name;
    req.started_ms = now_ms();

    const char *cl = sc_env(fr->envp, "CONTENT_LENGTH");
    unsigned long long want = cl && *cl ? strtoull(cl, NULL, 10) : 0;
    char *body = NULL;
    size_t got = 0;
    int status = 0;
    if (want > sc_cfg.max_body) {
        status = 413;
    } else if (want > 0) {
        body = sc_alloc(arena, want + 1);
        got = (size_t)FCGX_GetStr(body, (int)want, fr->in);
        if (got != want)
            status = 400;
    }
    if (!status)
        status = sc_request_parse(&req, fr->envp, body, got);
    if (status) {
        if (!req.method)
            req.method = "?";
        if (!req.path)
            req.path = "?";
        if (!req.cookies) /* refused before parsing: keep the CSRF cookie */
            sc_parse_cookies(arena, sc_env(fr->envp, "HTTP_COOKIE"),
                             &req.cookies);
        sc_csrf_prepare(&req);
        sc_error_page(&req, status);
        sc_view_end(&req);
    } else {
        sc_dispatch(app, &req);
    }
    if (!req.streamed) {
        sc_buf out;
        sc_buf_init(&out, arena);
        sc_response_serialize(&req, &out);
        FCGX_PutStr(out.data, (int)out.len, fr->out);
    }
    sc_log_access(req.method, req.path, req.status, now_ms() - req.started_ms);
    return want == 0;
}

/* The accept loop. SIGTERM is blocked except while the worker waits in
 * ppoll, so it either wakes an idle worker, which leaves at once, or waits
 * until the request in flight is answered: no request is ever cut off, and
 * there is no window in which a connection is accepted and then dropped.
 * The connection is accepted here and handed to libfcgi as an open ipcFd,
 * because libfcgi's own accept retries after a signal and would not let an
 * idle worker stop. */
static void serve_connections(const struct sc_app *app, int listen_fd)
{
    sc_worker_signals();

    /* Workers share the socket: whoever loses the race for a connection
     * must get EAGAIN instead of blocking with SIGTERM held off. */
    fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK);

    FCGX_Request fr;
    FCGX_InitRequest(&fr, -1, 0);
    sc_arena *arena = sc_arena_new();
    sc_info("serving (pid %d)", (int)getpid());
    while (!sc_worker_stopping()) {
        int ready = sc_worker_wait_readable(listen_fd);
        if (ready < 0) {
            sc_error("poll: %s", strerror(errno));
            break;
        }
        if (!ready)
            continue;
        int conn = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
        if (conn < 0)
            continue; /* another worker took it, or the client left */
        fr.ipcFd = conn;
        fr.keepConnection = 1; /* so FCGX_Accept_r keeps our connection */
        if (FCGX_Accept_r(&fr) < 0) {
            if (fr.ipcFd >= 0)
                close(fr.ipcFd);
            fr.ipcFd = -1;
            continue;
        }
        /* libfcgi closes by shutting the connection down and waiting for
         * nginx to close first, so that input still unread (a body refused
         * as too large, say) can never turn the close into a reset that
         * loses the answer; meanwhile the worker serves nobody. A request
         * without a body arrives whole with its parameters: then the
         * connection stays ours, what is left of the input (normally
         * nothing) is taken without waiting, and close() ends it cleanly
         * at once. */
        if (handle(app, &fr, arena))
            fr.keepConnection = 1;
        FCGX_Finish_r(&fr);
        if (fr.ipcFd >= 0) {
            char rest[512];
            while (recv(fr.ipcFd, rest, sizeof rest, MSG_DONTWAIT) > 0)
                ;
            close(fr.ipcFd);
            fr.ipcFd = -1;
        }
        sc_arena_reset(arena);
    }
    sc_arena_free(arena);
}

static void usage(const char *prog)
{
    fprintf(stderr, "usage: %s -c selfcare.ini [-s socket-path]\n", prog);
    exit(2);
}

int sc_app_main(const struct sc_app *app, int argc, char **argv)
{
    const char *config = NULL, *socket_path = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "c:s:")) != -1) {
        if (opt == 'c')
            config = optarg;
        else if (opt == 's')
            socket_path = optarg;
        else
            usage(argv[0]);
    }
    if (!config)
        usage(argv[0]);
    char err[512];
    if (sc_config_load(config, app->name, err, sizeof err) != 0)
        sc_fatal("config: %s", err);
    /* With TZ unset glibc re-reads /etc/localtime on every localtime() and
     * mktime() call (measured: three reads a page); name it once. */
    if (!getenv("TZ"))
        setenv("TZ", ":/etc/localtime", 1);
    tzset();
    sc_log_init(app->name, sc_cfg.log_level);
    if (sc_cfg.log_dir && sc_log_to_dir(sc_cfg.log_dir) != 0)
        sc_fatal("cannot open a log file in %s", sc_cfg.log_dir);
    if (sodium_init() < 0)
        sc_fatal("libsodium did not initialise");
    if (sc_view_init(sc_cfg.views, app->layout, app->view_dirs) != 0)
        sc_fatal("views under %s failed to load", sc_cfg.views);

    if (FCGX_Init() != 0)
        sc_fatal("FCGX_Init failed");
    int fd = 0; /* supervisord's [fcgi-program] hands us the socket here */
    if (socket_path) {
        fd = FCGX_OpenSocket(socket_path, 128);
        if (fd < 0)
            sc_fatal("cannot listen on %s", socket_path);
        chmod(socket_path, 0660);
    }
    serve_connections(app, fd);
    sc_info("stopping");
    sc_db_close();
    return 0;
}

int sc_customer_main(const char *name, const struct sc_route *routes, int argc,
                     char **argv)
{
    const char *const view_dirs[] = {name, NULL};
    const struct sc_app app = {
        .name = name,
        .routes = routes,
        .layout = "layout/page.tpl",
        .view_dirs = view_dirs,
        .login_path = "/login",
        .reauth_path = "/login/confirm",
    };
    return sc_app_main(&app, argc, argv);
}
