// Writing the rows of a materialize-mode set-returning function. Each row
// is built in a short-lived memory context that is reset once the
// tuplestore has copied it, so a 10 MB document does not pile up millions
// of small allocations. Plain struct, no destructor: safe if a PostgreSQL
// error longjmps through the caller.
#pragma once

#include "pg/postgres_headers.h"

namespace textsense::pg {

struct SrfRows {
  ReturnSetInfo* rsinfo;
  MemoryContext row_context;
  MemoryContext caller_context;
  uint64 written;
};

// Sets up the tuplestore result (InitMaterializedSRF) and the row context.
SrfRows start_srf_rows(FunctionCallInfo fcinfo);

// Switches into the row context: build the row's Datums after this.
void begin_row(SrfRows& rows);

// Stores the row, switches back and resets the row context. Checks for
// interrupts every 65,536 rows.
void end_row(SrfRows& rows, Datum* values, bool* nulls);

void finish_srf_rows(SrfRows& rows);

}  // namespace textsense::pg
