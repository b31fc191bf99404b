// textsense_models() -> SETOF (kind, lang, path, bytes, format_version,
//   checksum, loaded_checksum, problem): the installed model files, what
//   their headers say, and the checksum of the copy this backend uses.
// Reading a header costs one small read per file; nothing is mapped or
// loaded here, so listing the models of a server does not load them all.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/lang/installed.h"
#include "core/model/file_format.h"
#include "core/model/file_summary.h"
#include "core/pos/model.h"
#include "core/sentiment/lexicon.h"
#include "pg/arguments.h"
#include "pg/backend_state.h"
#include "pg/bridge.h"
#include "pg/postgres_headers.h"
#include "pg/srf_rows.h"

namespace ts = textsense;
using namespace textsense::pg;

namespace {

struct ModelRow {
  ts::lang::ModelKind kind;
  ts::lang::Code lang;
  std::string path;
  ts::model::FileSummary summary;
  bool loaded = false;
  std::uint64_t loaded_checksum = 0;
};

const char (&magic_of(ts::lang::ModelKind kind))[8] {
  return kind == ts::lang::ModelKind::kPos ? ts::pos::kModelMagic : ts::sentiment::kLexiconMagic;
}

}  // namespace

TEXTSENSE_SQL_FUNCTION(textsense_models) {
  SrfRows rows = start_srf_rows(fcinfo);
  prepare_backend_state();
  std::vector<ModelRow>* table = nullptr;
  run_core([&] {
    refresh_installed_models();  // what is there now, not at backend start
    const ts::lang::InstalledModels& installed = installed_models();
    table = new std::vector<ModelRow>();
    for (const ts::lang::ModelKind kind :
         {ts::lang::ModelKind::kPos, ts::lang::ModelKind::kSentiment}) {
      for (const ts::lang::Code& code : installed.of(kind)) {
        ModelRow row;
        row.kind = kind;
        row.lang = code;
        row.path =
            std::string(model_directory()) + "/" + ts::lang::model_file_name(kind, code.view());
        row.summary = ts::model::read_file_summary(row.path, magic_of(kind));
        if (const ts::model::FilePrefix* p = loaded_model_prefix(kind, code)) {
          row.loaded = true;
          row.loaded_checksum = p->checksum;
        }
        table->push_back(std::move(row));
      }
    }
  });
  Datum values[8];
  bool nulls[8];
  for (const ModelRow& row : *table) {
    const bool ok = row.summary.problem.empty();
    std::fill(nulls, nulls + 8, false);
    begin_row(rows);
    values[0] = PointerGetDatum(cstring_text(ts::lang::model_kind_prefix(row.kind)));
    values[1] = PointerGetDatum(cstring_text(row.lang.view()));
    values[2] = PointerGetDatum(cstring_text(row.path));
    values[3] = Int64GetDatum(static_cast<int64>(row.summary.bytes));
    values[4] = Int32GetDatum(static_cast<int32>(row.summary.prefix.format_version));
    nulls[4] = !ok;
    values[5] = PointerGetDatum(cstring_text(ts::model::checksum_hex(row.summary.prefix.checksum)));
    nulls[5] = !ok;
    values[6] = PointerGetDatum(cstring_text(ts::model::checksum_hex(row.loaded_checksum)));
    nulls[6] = !row.loaded;
    values[7] = PointerGetDatum(cstring_text(row.summary.problem));
    nulls[7] = ok;
    end_row(rows, values, nulls);
  }
  delete table;
  finish_srf_rows(rows);
  return (Datum)0;
}
