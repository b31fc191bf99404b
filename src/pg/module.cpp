// The extension's module magic and load-time hook. _PG_init only defines
// the configuration parameters: all other state is created lazily on first
// use (backend_state.cpp), because a library preloaded into the postmaster
// is inherited by forked children, and threads do not survive a fork.
#include "pg/postgres_headers.h"
#include "pg/settings.h"

extern "C" {
PG_MODULE_MAGIC;

void _PG_init(void);
void _PG_init(void) { textsense::pg::define_settings(); }
}
