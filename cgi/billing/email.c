#include "billing.h"
