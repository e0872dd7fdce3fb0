/* selfcare-passwd: reads a password on stdin, prints its argon2id hash with
 * the costs the programs use, for creating accounts by hand. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "password.h"

int main(void)
{
    char pw[256];
    if (sodium_init() < 0 || !fgets(pw, sizeof pw, stdin))
        return 1;
    pw[strcspn(pw, "\r\n")] = '\0';
    if (!pw[0]) {
        fputs("selfcare-passwd: empty password\n", stderr);
        return 1;
    }
    char hash[SC_PWHASH_LEN];
    if (crypto_pwhash_str(hash, pw, strlen(pw), SC_PWHASH_OPS, SC_PWHASH_MEM) !=
        0)
        return 1;
    puts(hash);
    return 0;
}
