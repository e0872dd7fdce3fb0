/* notify: sends the outbox. */
#ifndef NOTIFY_H
#define NOTIFY_H

#include "selfcare.h"

#endif
