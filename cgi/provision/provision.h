/* provision: sends orders to the network (HLR/BOSS). */
#ifndef PROVISION_H
#define PROVISION_H

#include "selfcare.h"

#endif
