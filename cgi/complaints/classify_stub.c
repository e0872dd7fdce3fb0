/* TEMPORARY stand-in for lib/classify.c until the classifier branch is
 * merged (then this file and its Makefile.am line go): enough of the
 * interface for the program to build and run, always answering 服务质量. */
#include <stdlib.h>
#include <string.h>

#include "classify.h"

static const char *const CODES[] = {"network", "service", "billing", "product"};
static const char *const LABELS[] = {"网络质量", "服务质量", "计费", "业务"};

struct sc_classifier {
    int examples;
};

const char *sc_category_code(enum sc_category c)
{
    return c < SC_CAT_COUNT ? CODES[c] : "service";
}

const char *sc_category_label(enum sc_category c)
{
    return c < SC_CAT_COUNT ? LABELS[c] : "服务质量";
}

int sc_category_from_code(const char *code)
{
    for (int i = 0; code && i < SC_CAT_COUNT; i++)
        if (strcmp(code, CODES[i]) == 0)
            return i;
    return -1;
}

sc_classifier *sc_classifier_new(void)
{
    return calloc(1, sizeof(sc_classifier));
}

void sc_classifier_free(sc_classifier *m)
{
    free(m);
}

int sc_classifier_learn(sc_classifier *m, enum sc_category c, const char *text)
{
    (void)c;
    (void)text;
    m->examples++;
    return 0;
}

int sc_classifier_learn_tsv(sc_classifier *m, const char *path,
                            int holdout_every)
{
    (void)m;
    (void)path;
    (void)holdout_every;
    return 0;
}

int sc_classifier_examples(const sc_classifier *m)
{
    return m->examples;
}

enum sc_category sc_classify(const sc_classifier *m, const char *text,
                             double *confidence)
{
    (void)m;
    (void)text;
    if (confidence)
        *confidence = 0;
    return SC_CAT_SERVICE;
}
