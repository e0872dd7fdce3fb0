#include "session_cache.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "log.h"

enum {
    SLOTS = 16384,      /* direct-mapped by the token hash: ~1.5 MB */
    ENTRY_SECONDS = 60, /* the longest an entry is believed */
};

struct slot {
    unsigned char hash[32];
    unsigned long long epoch;
    long long stored;
    struct sc_session_row row;
};

static struct slot *slots;
static unsigned long long *epoch; /* mapped, shared by every process */
static bool tried;

/* Maps the epoch file on first use; false (cache off) if there is none. */
static bool ready(void)
{
    if (tried)
        return epoch && slots;
    tried = true;
    const char *path = sc_cfg.session_epoch;
    if (!path || !*path)
        return false;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 ||
        (st.st_size < (off_t)sizeof *epoch &&
         ftruncate(fd, sizeof *epoch) != 0)) {
        sc_warn("session cache off: cannot open %s", path);
        if (fd >= 0)
            close(fd);
        return false;
    }
    void *p =
        mmap(NULL, sizeof *epoch, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        sc_warn("session cache off: cannot map %s", path);
        return false;
    }
    slots = calloc(SLOTS, sizeof *slots);
    if (!slots) {
        munmap(p, sizeof *epoch);
        return false;
    }
    epoch = p;
    return true;
}

static struct slot *slot_of(const unsigned char hash[32])
{
    uint32_t i;
    memcpy(&i, hash, sizeof i); /* the hash is uniform already */
    return &slots[i % SLOTS];
}

bool sc_session_cache_get(const unsigned char hash[32], long long now,
                          struct sc_session_row *out,
                          unsigned long long *epoch_now)
{
    *epoch_now = 0;
    if (!ready())
        return false;
    *epoch_now = __atomic_load_n(epoch, __ATOMIC_ACQUIRE);
    const struct slot *s = slot_of(hash);
    if (s->stored == 0 || memcmp(s->hash, hash, 32) != 0 ||
        s->epoch != *epoch_now || now - s->stored >= ENTRY_SECONDS ||
        now - s->row.seen >= sc_cfg.session_idle ||
        now - s->row.created >= sc_cfg.session_absolute)
        return false;
    *out = s->row;
    return true;
}

void sc_session_cache_put(const unsigned char hash[32],
                          const struct sc_session_row *row, long long now,
                          unsigned long long epoch_before)
{
    if (!ready())
        return;
    struct slot *s = slot_of(hash);
    memcpy(s->hash, hash, 32);
    s->epoch = epoch_before;
    s->stored = now;
    s->row = *row;
}

void sc_session_cache_seen(const unsigned char hash[32], long long now)
{
    if (!ready())
        return;
    struct slot *s = slot_of(hash);
    if (s->stored && memcmp(s->hash, hash, 32) == 0)
        s->row.seen = now;
}

void sc_sessions_changed(void)
{
    if (ready())
        __atomic_add_fetch(epoch, 1, __ATOMIC_RELEASE);
}
