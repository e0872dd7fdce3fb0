/* The worker's classifier: learnt from the labelled set shipped in the
 * repository ([complaints] training_file) and every staff correction
 * (complaint_labels, with the corrected complaint's title and content).
 * Corrections arrive from the back office at any time; their count and
 * latest time are looked at no more than once every [complaints]
 * relearn_seconds (60) and the model is learnt again when either changed
 * (a category corrected twice keeps the count), so a correction reaches
 * every worker within that time without a query per submission. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "complaints.h"

enum { MAX_CORRECTIONS = 100000 };

static const char SQL_LABEL_STATE[] =
    "SELECT CONCAT(COUNT(*), ' ', IFNULL(MAX(at), '')) FROM complaint_labels";
static const char SQL_LABELS[] =
    "SELECT l.category, c.title, c.content FROM complaint_labels l "
    "JOIN complaints c ON c.id = l.complaint_id ORDER BY l.complaint_id "
    "LIMIT ?";

static sc_classifier *model;
static char model_state[64]; /* SQL_LABEL_STATE when the model was learnt */
static time_t checked;

/* A new model from the file and the corrections; NULL on a database
 * failure (the file alone is not a reason to fail: logged, and the
 * corrections still count). */
static sc_classifier *learn(struct sc_req *req)
{
    sc_classifier *m = sc_classifier_new();
    if (!m)
        return NULL;
    int from_file = 0;
    if (complaints_cfg.training_file[0]) {
        from_file = sc_classifier_learn_tsv(m, complaints_cfg.training_file, 0);
        if (from_file < 0)
            sc_error("classifier: cannot learn %s",
                     complaints_cfg.training_file);
    }
    struct sc_rows *r =
        sc_db_query(req, SQL_LABELS, "i", (long long)MAX_CORRECTIONS);
    if (!r) {
        sc_classifier_free(m);
        return NULL;
    }
    int corrections = 0;
    for (int i = 0; i < r->n; i++) {
        int c = sc_category_from_code(sc_cell(r, i, 0));
        if (c < 0)
            continue;
        const char *text =
            sc_printf(req->arena, "%s\n%s", sc_cell(r, i, 1), sc_cell(r, i, 2));
        if (sc_classifier_learn(m, (enum sc_category)c, text) == 0)
            corrections++;
    }
    sc_info("classifier: learnt %d examples (%d from %s, %d staff "
            "corrections)",
            sc_classifier_examples(m), from_file > 0 ? from_file : 0,
            complaints_cfg.training_file, corrections);
    return m;
}

static void refresh(struct sc_req *req)
{
    time_t now = time(NULL);
    if (model && now - checked < complaints_cfg.relearn_seconds)
        return;
    checked = now;
    struct sc_rows *r = sc_db_query(req, SQL_LABEL_STATE, "");
    if (!r) {
        sc_warn("classifier: corrections not counted (database error %u)",
                sc_db_errno());
        return;
    }
    const char *state = sc_cell(r, 0, 0) ? sc_cell(r, 0, 0) : "";
    if (model && strcmp(state, model_state) == 0)
        return;
    sc_classifier *m = learn(req);
    if (!m)
        return;
    sc_classifier_free(model);
    model = m;
    snprintf(model_state, sizeof model_state, "%s", state);
}

enum sc_category complaints_classify(struct sc_req *req, const char *text)
{
    refresh(req);
    double confidence = 0;
    enum sc_category c =
        model ? sc_classify(model, text, &confidence) : SC_CAT_SERVICE;
    sc_debug("classifier: %s (%.2f)", sc_category_code(c), confidence);
    return c;
}
