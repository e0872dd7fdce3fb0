/* libselfcare: everything a selfcare program needs, one include. */
#ifndef SELFCARE_H
#define SELFCARE_H

#include "app.h"
#include "arena.h"
#include "audit.h"
#include "classify.h"
#include "complaint.h"
#include "config.h"
#include "csv.h"
#include "cursor.h"
#include "db.h"
#include "log.h"
#include "money.h"
#include "order.h"
#include "password.h"
#include "records.h"
#include "reference.h"
#include "request.h"
#include "response.h"
#include "segment.h"
#include "session.h"
#include "session_cache.h"
#include "validate.h"
#include "view.h"
#include "worker.h"

#endif
