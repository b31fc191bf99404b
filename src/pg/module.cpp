// The extension's module magic. Nothing is set up at load time: state is
// created lazily on first use (backend_state.cpp), because a library
// preloaded into the postmaster is inherited by forked children.
#include "pg/postgres_headers.h"

extern "C" {
PG_MODULE_MAGIC;
}
