/* service: every page it serves is in this table. */
#include "service.h"

static const struct sc_route routes[] = {
    {"GET", "/service/", SC_CUSTOMER, 0, service_overview, NULL, NULL},
    {0}};

int main(int argc, char **argv)
{
    return sc_customer_main("service", routes, argc, argv);
}
