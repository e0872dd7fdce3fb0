/* admin: the back-office shell: staff login, staff management, audit log. */
#ifndef ADMIN_H
#define ADMIN_H

#include "selfcare.h"

enum { ADMIN_PAGE_SIZE = 20 };

int admin_home(struct sc_req *req);
int admin_login_page(struct sc_req *req);
int admin_login_submit(struct sc_req *req);
int admin_logout(struct sc_req *req);
int staff_list(struct sc_req *req);
int staff_new_page(struct sc_req *req);
int staff_new_submit(struct sc_req *req);
int staff_edit_page(struct sc_req *req);
int staff_edit_submit(struct sc_req *req);
int audit_page(struct sc_req *req);

/* Shared by the pages: the current page number (1-based) and the pager. */
long long admin_page_number(const struct sc_req *req);
void admin_pager(sc_dict *d, const char *base, long long page, int shown,
                 sc_arena *a);

#endif
