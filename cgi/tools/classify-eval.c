/* selfcare-classify-eval: how well the complaint classifier does on the
 * labelled set it ships with.
 *
 *   selfcare-classify-eval FILE [HOLDOUT_EVERY]
 *       trains on every example but each HOLDOUT_EVERY-th (default 5) and
 *       prints the accuracy on those held out, per-category precision and
 *       recall, and the confusion matrix; then, as a steadier figure, the
 *       accuracy of HOLDOUT_EVERY-fold cross-validation (each example held
 *       out once, by its index modulo HOLDOUT_EVERY).
 *   selfcare-classify-eval FILE --classify TEXT
 *       trains on the whole file and prints TEXT's category code, label and
 *       confidence.
 *
 * Exit status 0, or 1 on a bad file, 2 on bad usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "log.h"

struct evaluation {
    const sc_classifier *m;
    int holdout_every;
    int confusion[SC_CAT_COUNT][SC_CAT_COUNT]; /* [true][predicted] */
    int tested;
    int right;
};

static int test_example(void *ctx, int index, enum sc_category c,
                        const char *text)
{
    struct evaluation *e = ctx;
    if (!sc_classifier_is_holdout(index, e->holdout_every))
        return 0;
    enum sc_category got = sc_classify(e->m, text, NULL);
    e->confusion[c][got]++;
    e->tested++;
    e->right += got == c;
    if (got != c && getenv("SC_CLASSIFY_VERBOSE"))
        fprintf(stderr, "miss %s as %s: %s\n", sc_category_code(c),
                sc_category_code(got), text);
    return 0;
}

static double ratio(int a, int b)
{
    return b ? (double)a / b : 0.0;
}

struct example {
    enum sc_category c;
    char *text;
};

struct examples {
    struct example *v;
    int n, cap;
};

static int keep_example(void *ctx, int index, enum sc_category c,
                        const char *text)
{
    struct examples *all = ctx;
    (void)index; /* the visits come in index order */
    if (all->n == all->cap) {
        int cap = all->cap ? 2 * all->cap : 512;
        struct example *v = realloc(all->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        all->v = v, all->cap = cap;
    }
    char *copy = strdup(text);
    if (!copy)
        return -1;
    all->v[all->n++] = (struct example){c, copy};
    return 0;
}

/* Accuracy of k-fold cross-validation: fold f holds out the examples whose
 * index is f modulo k. The held-out report above is fold k - 1. */
static int cross_validate(const char *path, int k)
{
    struct examples all = {0};
    int status = -1, right = 0;
    if (sc_classifier_tsv_each(path, keep_example, &all) < 0)
        goto done;
    for (int f = 0; f < k; f++) {
        sc_classifier *m = sc_classifier_new();
        if (!m)
            goto done;
        for (int i = 0; i < all.n; i++)
            if (i % k != f &&
                sc_classifier_learn(m, all.v[i].c, all.v[i].text) < 0) {
                sc_classifier_free(m);
                goto done;
            }
        for (int i = f; i < all.n; i += k)
            right += sc_classify(m, all.v[i].text, NULL) == all.v[i].c;
        sc_classifier_free(m);
    }
    printf("\ncross-validation, %d folds: accuracy %.3f (%d/%d)\n", k,
           ratio(right, all.n), right, all.n);
    status = 0;
done:
    for (int i = 0; i < all.n; i++)
        free(all.v[i].text);
    free(all.v);
    return status;
}

static void print_report(const char *path, const sc_classifier *m,
                         const struct evaluation *e)
{
    printf("file: %s\n", path);
    printf("trained on %d examples (%zu features), held out every %d%s: %d\n",
           sc_classifier_examples(m), sc_classifier_features(m),
           e->holdout_every, e->holdout_every == 2 ? "nd" : "th", e->tested);
    printf("accuracy: %.3f (%d/%d)\n\n", ratio(e->right, e->tested), e->right,
           e->tested);
    printf("%-8s %9s %9s %7s\n", "category", "precision", "recall", "support");
    for (int c = 0; c < SC_CAT_COUNT; c++) {
        int tp = e->confusion[c][c], predicted = 0, actual = 0;
        for (int k = 0; k < SC_CAT_COUNT; k++) {
            predicted += e->confusion[k][c];
            actual += e->confusion[c][k];
        }
        printf("%-8s %9.3f %9.3f %7d  %s\n",
               sc_category_code((enum sc_category)c), ratio(tp, predicted),
               ratio(tp, actual), actual,
               sc_category_label((enum sc_category)c));
    }
    printf("\nconfusion (rows: true, columns: predicted)\n%-8s", "");
    for (int c = 0; c < SC_CAT_COUNT; c++)
        printf(" %8s", sc_category_code((enum sc_category)c));
    putchar('\n');
    for (int c = 0; c < SC_CAT_COUNT; c++) {
        printf("%-8s", sc_category_code((enum sc_category)c));
        for (int k = 0; k < SC_CAT_COUNT; k++)
            printf(" %8d", e->confusion[c][k]);
        putchar('\n');
    }
}

static int usage(void)
{
    fputs("usage: selfcare-classify-eval FILE [HOLDOUT_EVERY]\n"
          "       selfcare-classify-eval FILE --classify TEXT\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    sc_log_init("selfcare-classify-eval", "warn");
    if (argc < 2 || argc > 4)
        return usage();
    const char *path = argv[1];
    bool classify = argc >= 3 && strcmp(argv[2], "--classify") == 0;
    if (classify != (argc == 4))
        return usage();
    int every = 5;
    if (!classify && argc == 3) {
        char *end;
        long v = strtol(argv[2], &end, 10);
        if (*end || end == argv[2] || v < 2 || v > 1000)
            return usage();
        every = (int)v;
    }

    sc_classifier *m = sc_classifier_new();
    if (!m || sc_classifier_learn_tsv(m, path, classify ? 0 : every) < 0) {
        fprintf(stderr, "selfcare-classify-eval: cannot learn %s\n", path);
        sc_classifier_free(m);
        return 1;
    }
    int status = 0;
    if (classify) {
        double confidence;
        enum sc_category c = sc_classify(m, argv[3], &confidence);
        printf("%s\t%s\t%.3f\n", sc_category_code(c), sc_category_label(c),
               confidence);
    } else {
        struct evaluation e = {.m = m, .holdout_every = every};
        if (sc_classifier_tsv_each(path, test_example, &e) < 0)
            status = 1;
        else
            print_report(path, m, &e);
        if (!status && cross_validate(path, every) < 0)
            status = 1;
    }
    sc_classifier_free(m);
    return status;
}
