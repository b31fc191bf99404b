#include "pg/srf_rows.h"

namespace textsense::pg {

SrfRows start_srf_rows(FunctionCallInfo fcinfo) {
  InitMaterializedSRF(fcinfo, 0);
  SrfRows rows;
  rows.rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
  rows.row_context =
      AllocSetContextCreate(CurrentMemoryContext, "textsense rows", ALLOCSET_SMALL_SIZES);
  rows.caller_context = CurrentMemoryContext;
  rows.written = 0;
  return rows;
}

void begin_row(SrfRows& rows) { rows.caller_context = MemoryContextSwitchTo(rows.row_context); }

void end_row(SrfRows& rows, Datum* values, bool* nulls) {
  tuplestore_putvalues(rows.rsinfo->setResult, rows.rsinfo->setDesc, values, nulls);
  MemoryContextSwitchTo(rows.caller_context);
  MemoryContextReset(rows.row_context);
  if ((++rows.written & 0xFFFF) == 0) CHECK_FOR_INTERRUPTS();
}

void finish_srf_rows(SrfRows& rows) { MemoryContextDelete(rows.row_context); }

}  // namespace textsense::pg
