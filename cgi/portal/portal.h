/* portal: home, brands, number lookup, the two-step login, account overview. */
#ifndef PORTAL_H
#define PORTAL_H

#include "selfcare.h"

int home_page(struct sc_req *req);
int lookup_page(struct sc_req *req);
int brands_page(struct sc_req *req);
int brand_page(struct sc_req *req);
int login_page(struct sc_req *req);
int login_number(struct sc_req *req);
int password_page(struct sc_req *req);
int password_submit(struct sc_req *req);
int confirm_page(struct sc_req *req);
int confirm_submit(struct sc_req *req);
int logout_page(struct sc_req *req);
int logout_submit(struct sc_req *req);
int account_page(struct sc_req *req);

#endif
