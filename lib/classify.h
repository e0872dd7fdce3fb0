/* Complaint classification (S-01..S-05): a naive Bayes classifier over the
 * character bigrams of a text (Chinese has no spaces, so bigrams stand in
 * for words). It is trained from the labelled set shipped in the repository
 * (data/complaints/labelled.tsv) plus the staff's corrections, and tells
 * which of the four categories a complaint belongs to. */
#ifndef SC_CLASSIFY_H
#define SC_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>

/* The categories, in the order of complaints.category's ENUM. */
enum sc_category {
    SC_CAT_NETWORK, /* 网络质量 */
    SC_CAT_SERVICE, /* 服务质量 */
    SC_CAT_BILLING, /* 计费 */
    SC_CAT_PRODUCT, /* 业务 */
    SC_CAT_COUNT
};

/* "network", "service", "billing", "product": the database codes. */
const char *sc_category_code(enum sc_category c);
/* 网络质量, 服务质量, 计费, 业务. */
const char *sc_category_label(enum sc_category c);
/* The category with this code, or -1. */
int sc_category_from_code(const char *code);

typedef struct sc_classifier sc_classifier;

sc_classifier *sc_classifier_new(void);
void sc_classifier_free(sc_classifier *m);

/* Learn one labelled example (UTF-8 text). 0, or -1 on bad UTF-8 or out of
 * memory. */
int sc_classifier_learn(sc_classifier *m, enum sc_category c,
                        const char *text);

/* Learn the examples of a TSV file, one "code<TAB>text" per line ('#' lines
 * and blank lines skipped). Lines whose 0-based example index i satisfies
 * i % holdout_every == holdout_every - 1 are skipped when holdout_every > 1
 * (the held-out part, for evaluation); 0 or 1 learns every line. Returns the
 * number learned, or -1 if the file cannot be read or a line is malformed
 * (logged with its line number). */
int sc_classifier_learn_tsv(sc_classifier *m, const char *path,
                            int holdout_every);

/* Number of examples learned so far. */
int sc_classifier_examples(const sc_classifier *m);

/* The most probable category of text; *confidence (if not NULL) gets its
 * posterior probability in [0, 1]. An untrained model answers
 * SC_CAT_SERVICE with confidence 0. */
enum sc_category sc_classify(const sc_classifier *m, const char *text,
                             double *confidence);

/* Additions beyond the contract above (for the evaluation tool and tests).
 *
 * A text with no feature the model has seen (empty, only punctuation, or
 * all new characters) is answered like an untrained model: SC_CAT_SERVICE
 * with confidence 0, so a caller can treat confidence 0 as "no idea". */

/* Distinct features (unigrams and bigrams) the model holds. */
size_t sc_classifier_features(const sc_classifier *m);

/* True if example index belongs to the held-out part for holdout_every:
 * the rule sc_classifier_learn_tsv skips by. */
bool sc_classifier_is_holdout(int index, int holdout_every);

/* Visits the examples of a TSV file (same format and checks as
 * sc_classifier_learn_tsv) with their 0-based index, after checking every
 * line first: a malformed file visits nothing. fn returns 0, or -1 to stop.
 * Returns the number of examples, or -1. */
typedef int sc_example_fn(void *ctx, int index, enum sc_category c,
                          const char *text);
int sc_classifier_tsv_each(const char *path, sc_example_fn *fn, void *ctx);

#endif
