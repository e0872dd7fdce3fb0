/* provision: the order sender (stub until the worker lands). */
#include <signal.h>
#include <unistd.h>

#include "provision.h"

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
    (void)sig;
    stopping = 1;
}

int main(void)
{
    signal(SIGTERM, on_term);
    while (!stopping)
        pause();
    return 0;
}
