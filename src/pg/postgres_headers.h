// The one place the glue includes PostgreSQL's C headers, wrapped for C++.
// Only src/pg/ includes this file; src/core/ never does.
#pragma once

extern "C" {
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/ipc.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"
}

// PostgreSQL 15 marks exported symbols with an empty PGDLLEXPORT on Linux;
// the linker version script (textsense.map) exports the entry points.
#define TEXTSENSE_SQL_FUNCTION(name) \
  extern "C" {                       \
  PG_FUNCTION_INFO_V1(name);         \
  }                                  \
  extern "C" Datum name(PG_FUNCTION_ARGS)
