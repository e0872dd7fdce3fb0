/* service: business acceptance (SPEC 4.4). */
#ifndef SERVICE_H
#define SERVICE_H

#include "selfcare.h"

int service_overview(struct sc_req *req);

#endif
