// SQL functions of the languages slice:
//   detect_language(doc)      -> language_guess (lang, confidence, reliable)
//   detect_languages(doc)     -> SETOF (lang, percent, score)
//   sentiment_language(doc, lang) -> text
//   textsense_languages()     -> SETOF (lang, name, sentiment, pos, detection, ...)
#include <algorithm>
#include <string>
#include <vector>

#include "core/lang/auto_choice.h"
#include "core/lang/profile.h"
#include "core/langid/detectable.h"
#include "core/model/file_format.h"
#include "core/runtime/multilingual.h"
#include "pg/arguments.h"
#include "pg/backend_state.h"
#include "pg/bridge.h"
#include "pg/document.h"
#include "pg/languages.h"
#include "pg/postgres_headers.h"
#include "pg/srf_rows.h"

extern "C" {
#include "access/htup_details.h"
}

namespace textsense::pg {
namespace {

// One row of textsense_languages(), in plain data (built inside run_core()).
struct LanguageRow {
  char lang[lang::Code::kMax + 1];
  char name[64];
  bool sentiment, pos, detection, rules;
  int sentiment_format, pos_format;
  char sentiment_checksum[17], pos_checksum[17];
};

void copy(char* out, std::size_t size, std::string_view s) {
  const std::size_t n = std::min(size - 1, s.size());
  s.copy(out, n);
  out[n] = '\0';
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;
namespace ts = textsense;

// detect_language(doc text) -> language_guess
TEXTSENSE_SQL_FUNCTION(textsense_detect_language) {
  TupleDesc tupdesc;
  if (get_call_result_type(fcinfo, nullptr, &tupdesc) != TYPEFUNC_COMPOSITE)
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("textsense: detect_language() called in a context that cannot "
                           "accept a composite value")));
  tupdesc = BlessTupleDesc(tupdesc);
  const Document doc = document_from_text(PG_GETARG_TEXT_PP(0));
  ts::lang::Code code;
  double confidence = 0;
  bool reliable = false;
  run_core([&] {
    const ts::langid::Guess guess =
        ts::runtime::shared_detector().detect(std::string_view(doc.utf8, doc.size));
    code = ts::lang::Code(guess.lang);
    confidence = guess.confidence;
    reliable = guess.reliable;
  });
  Datum values[3];
  bool nulls[3] = {code.empty(), false, false};
  values[0] = code.empty() ? (Datum)0 : PointerGetDatum(cstring_text(code.view()));
  values[1] = Float8GetDatum(confidence);
  values[2] = BoolGetDatum(reliable);
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

// detect_languages(doc text) -> SETOF (lang, percent, score)
TEXTSENSE_SQL_FUNCTION(textsense_detect_languages) {
  SrfRows rows = start_srf_rows(fcinfo);
  const Document doc = document_from_text(PG_GETARG_TEXT_PP(0));
  struct Row {
    ts::lang::Code code;
    double percent, score;
  };
  Row found[3];
  int count = 0;
  run_core([&] {
    std::vector<ts::langid::Share> shares;
    ts::runtime::shared_detector().detect_all(std::string_view(doc.utf8, doc.size), shares);
    for (const ts::langid::Share& s : shares) {
      if (count == 3) break;
      found[count++] = Row{ts::lang::Code(s.lang), s.percent, s.score};
    }
  });
  Datum values[3];
  bool nulls[3] = {false, false, false};
  for (int i = 0; i < count; ++i) {
    begin_row(rows);
    values[0] = PointerGetDatum(cstring_text(found[i].code.view()));
    values[1] = Float8GetDatum(found[i].percent);
    values[2] = Float8GetDatum(found[i].score);
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  return (Datum)0;
}

// sentiment_language(doc text, lang text) -> text
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_language) {
  const ts::runtime::LanguageRequest request =
      language_argument(PG_GETARG_TEXT_PP(1), ts::lang::ModelKind::kSentiment);
  if (!request.automatic) PG_RETURN_TEXT_P(cstring_text(request.code.view()));
  const Document doc = document_from_text(PG_GETARG_TEXT_PP(0));
  prepare_backend_state();
  ts::lang::Code chosen;
  run_core([&] {
    chosen = ts::runtime::choose_automatically(std::string_view(doc.utf8, doc.size),
                                               installed_models(), ts::lang::ModelKind::kSentiment)
                 .analyse;
  });
  if (chosen.empty()) PG_RETURN_NULL();
  PG_RETURN_TEXT_P(cstring_text(chosen.view()));
}

// textsense_languages() -> SETOF (lang, name, sentiment, pos, detection,
//   segmentation, sentiment_format, sentiment_checksum, pos_format, pos_checksum):
// every language with a model file or a profile of its own.
TEXTSENSE_SQL_FUNCTION(textsense_languages) {
  SrfRows rows = start_srf_rows(fcinfo);
  prepare_backend_state();
  std::vector<LanguageRow>* table = nullptr;
  run_core([&] {
    refresh_installed_models();  // what is there now, not at backend start
    const ts::lang::InstalledModels& installed = installed_models();
    std::vector<ts::lang::Code> codes = installed.languages();
    const ts::lang::ProfileList profiles = ts::lang::profiles();
    for (std::size_t i = 0; i < profiles.count; ++i)
      if (profiles.items[i]->code != "und") codes.emplace_back(profiles.items[i]->code);
    std::sort(codes.begin(), codes.end(),
              [](const ts::lang::Code& a, const ts::lang::Code& b) { return a.view() < b.view(); });
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    table = new std::vector<LanguageRow>();
    for (const ts::lang::Code& code : codes) {
      LanguageRow row{};
      copy(row.lang, sizeof row.lang, code.view());
      const ts::lang::Profile& profile = ts::lang::profile_for(code.view());
      row.rules = profile.code == code.view();
      copy(row.name, sizeof row.name,
           row.rules ? std::string(profile.name) : ts::langid::language_name(code.view()));
      row.detection = ts::langid::is_detectable(code.view());
      row.sentiment = installed.has(ts::lang::ModelKind::kSentiment, code.view());
      row.pos = installed.has(ts::lang::ModelKind::kPos, code.view());
      // The installed models' versions and checksums: loading validates
      // them, so a damaged file raises its error here too.
      if (row.sentiment) {
        const ts::model::FilePrefix& p = backend_sentiment_lexicon(code).file_prefix();
        row.sentiment_format = static_cast<int>(p.format_version);
        copy(row.sentiment_checksum, sizeof row.sentiment_checksum,
             ts::model::checksum_hex(p.checksum));
      }
      if (row.pos) {
        const ts::model::FilePrefix& p = backend_pos_model(code).file_prefix();
        row.pos_format = static_cast<int>(p.format_version);
        copy(row.pos_checksum, sizeof row.pos_checksum, ts::model::checksum_hex(p.checksum));
      }
      table->push_back(row);
    }
  });
  Datum values[10];
  bool nulls[10];
  for (const LanguageRow& row : *table) {
    std::fill(nulls, nulls + 10, false);
    begin_row(rows);
    values[0] = PointerGetDatum(cstring_to_text(row.lang));
    values[1] = PointerGetDatum(cstring_to_text(row.name));
    nulls[1] = row.name[0] == '\0';
    values[2] = BoolGetDatum(row.sentiment);
    values[3] = BoolGetDatum(row.pos);
    values[4] = BoolGetDatum(row.detection);
    values[5] = PointerGetDatum(cstring_to_text(row.rules ? "rules" : "icu"));
    values[6] = Int32GetDatum(row.sentiment_format);
    values[7] = PointerGetDatum(cstring_to_text(row.sentiment_checksum));
    nulls[6] = nulls[7] = !row.sentiment;
    values[8] = Int32GetDatum(row.pos_format);
    values[9] = PointerGetDatum(cstring_to_text(row.pos_checksum));
    nulls[8] = nulls[9] = !row.pos;
    end_row(rows, values, nulls);
  }
  delete table;
  finish_srf_rows(rows);
  return (Datum)0;
}
