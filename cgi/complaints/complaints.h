/* complaints: the customer side of complaints and suggestions (SPEC
 * S-01..S-05): the forms with their content filter and duplicate
 * prevention, automatic classification, tracking by number and password or
 * from the customer's own list, re-complaint and rating. The back office
 * (workorders) works the same tables; lib/complaint.h holds what both
 * share. */
#ifndef COMPLAINTS_H
#define COMPLAINTS_H

#include <stdbool.h>
#include <stddef.h>

#include "classify.h"
#include "selfcare.h"

/* [complaints] in selfcare.ini (read by main.c at start). */
struct complaints_settings {
    int duplicate_hours;         /* window for "the same complaint again" */
    double duplicate_similarity; /* bigram Dice at or above = the same */
    int open_limit;              /* complaints not closed, per number */
    char banned_words[2048];     /* comma-separated, matched as substrings */
    char training_file[1024];    /* labelled TSV for the classifier */
    int track_failures;       /* wrong tracking passwords that lock a number */
    int track_ip_failures;    /* ... and a client address */
    int track_cookie_minutes; /* how long a checked password opens a case */
    int relearn_seconds;      /* how often the corrections are looked at */
};
extern struct complaints_settings complaints_cfg;

/* main.c: reads [complaints] from the ini file (defaults first). */
int complaints_settings_load(const char *path);

/* rules.c: pure rules, unit-tested. */

/* China Mobile's number ranges (11 digits): 134-139, 147, 148, 150-152,
 * 157-159, 165, 172, 178, 182-184, 187, 188, 195, 197, 198. */
bool complaints_cmcc_number(const char *s);
/* Why the content is refused (a Chinese message), or NULL if acceptable:
 * empty or only blanks/punctuation, under 5 characters, one character more
 * than 60% of it, a run of 6 or more of one character (digits aside). */
const char *complaints_content_problem(const char *text);
/* Whether text contains one of the comma-separated banned words; the word
 * found goes to word. */
bool complaints_banned_word(const char *text, const char *banned, char *word,
                            size_t wordlen);
/* Dice coefficient of the sets of character bigrams of a and b (after
 * dropping blanks and punctuation), 0..1; texts of one character compare
 * equal only when identical. */
double complaints_similarity(const char *a, const char *b);
/* 受理编号: T (投诉) or S (建议), YYYYMMDD, the id zero-padded to 7. */
void complaints_track_no(char out[24], const char *kind, const char *yyyymmdd,
                         long long id);
/* Whether s has the shape of a tracking number: a capital letter and 6 to
 * 19 digits (complaints_track_no's, and other series such as the demo
 * data's). */
bool complaints_track_no_valid(const char *s);
/* A random tracking password: 8 characters from an alphabet without the
 * look-alikes 0/O, 1/l/I. */
void complaints_track_password(char out[9]);

/* classifier.c: the worker's model, learnt from the training file and the
 * staff's corrections (refreshed when their number changes, looked at no
 * more than once a minute). */
enum sc_category complaints_classify(struct sc_req *req, const char *text);

/* access.c: a checked tracking password opens its complaint for this
 * browser for a while: an HMAC-signed cookie naming the complaint. */
void complaints_grant(struct sc_req *req, long long id);
bool complaints_granted(const struct sc_req *req, long long id);
/* The one-time cookie that carries a new tracking password from the
 * submission to its result page (encrypted, for that complaint only). */
void complaints_flash_set(struct sc_req *req, long long id,
                          const char *password);
/* The password for complaint id if the flash cookie holds it (and clears
 * the cookie), else NULL. */
const char *complaints_flash_take(struct sc_req *req, long long id);

/* submit.c */
int complaint_home(struct sc_req *req);
int complaint_form(struct sc_req *req);
int complaint_submit(struct sc_req *req);
int complaint_done(struct sc_req *req);

/* track.c */
int track_form(struct sc_req *req);
int track_submit(struct sc_req *req);
int complaint_mine(struct sc_req *req);
int complaint_view(struct sc_req *req);

/* followup.c: re-complaint (S-04), confirmation and rating. */
int complaint_recomplain(struct sc_req *req);
int complaint_rate(struct sc_req *req);

/* The complaint a request may see: the row of track_no when the session's
 * number filed it or this browser proved the password. Columns as in
 * track.c's SQL_COMPLAINT. NULL with *status 404 (unknown or not this
 * visitor's: the same answer, so ids cannot be probed) or a failure. */
struct sc_rows *complaints_load(struct sc_req *req, const char *track_no,
                                int *status);
/* The detail page of a loaded complaint, with an optional message (a
 * follow-up form that was refused). Returns 200 or a failure status. */
int complaints_view_page(struct sc_req *req, struct sc_rows *r,
                         const char *error);
enum {
    C_ID,
    C_TRACK_NO,
    C_KIND,
    C_MSISDN,
    C_EMAIL,
    C_TITLE,
    C_CONTENT,
    C_CATEGORY,
    C_STATUS,
    C_RECOMPLAINTS,
    C_DUE,
    C_RESULT,
    C_RATING,
    C_RATING_COMMENT,
    C_CONFIRMED,
    C_CREATED,
    C_CLOSED,
    C_OVERDUE,
    C_PROVINCE,
    C_COLS
};

#endif
