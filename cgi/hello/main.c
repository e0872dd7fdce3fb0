/* The benchmark's baseline: the least a libfcgi program can do per request,
 * behind the same nginx, so page costs can be read as ratios to it. */
#include <fcgiapp.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    FCGX_Init();
    int fd = 0;
    if (argc == 3 && strcmp(argv[1], "-s") == 0)
        fd = FCGX_OpenSocket(argv[2], 128);
    FCGX_Request r;
    FCGX_InitRequest(&r, fd, 0);
    static const char reply[] =
        "Status: 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
        "6\r\n\r\nhello\n";
    while (FCGX_Accept_r(&r) >= 0) {
        FCGX_PutStr(reply, (int)sizeof reply - 1, r.out);
        FCGX_Finish_r(&r);
    }
    return 0;
}
