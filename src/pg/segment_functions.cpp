// SQL functions of the segmentation slice: textsense_version(),
// sentences(doc [, lang]) and tokens(doc [, lang]).
#include <cstring>

#include "core/common/version.h"
#include "core/lang/installed.h"
#include "core/runtime/multilingual.h"
#include "pg/backend_state.h"
#include "pg/bridge.h"
#include "pg/document.h"
#include "pg/postgres_headers.h"
#include "pg/srf_rows.h"

namespace textsense::pg {
namespace {

// The segmentation rules asked for by argument 1 ('auto' when absent): any
// language code works (a language without rules of its own gets ICU's), as
// segmentation needs no model.
runtime::LanguageRequest segmentation_language(FunctionCallInfo fcinfo) {
  if (PG_NARGS() < 2) return runtime::LanguageRequest::automatic_choice();
  const char* name = text_to_cstring(PG_GETARG_TEXT_PP(1));
  if (strcmp(name, "auto") == 0) return runtime::LanguageRequest::automatic_choice();
  if (!lang::is_language_code(name))
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("textsense: \"%s\" is not a language code", name),
                    errhint("Use an ISO 639-1 code such as 'en' or 'de', or 'auto'.")));
  return runtime::LanguageRequest::explicit_language(name);
}

// Segments the document of argument 0 in the language of argument 1; the
// result is the pipeline's segmentation().
Document segment_argument(FunctionCallInfo fcinfo, const segment::Segmentation** seg) {
  const runtime::LanguageRequest request = segmentation_language(fcinfo);
  const Document doc = document_from_text(PG_GETARG_TEXT_PP(0));
  prepare_backend_state();
  const CallSettings settings = current_call_settings();
  const runtime::StopSignal stop = interrupt_stop_signal();
  run_core([&] {
    runtime::DocumentPipeline& pipeline = backend_pipeline(settings, doc.size);
    runtime::LanguageOutcome outcome;
    runtime::segment_document(pipeline, std::string_view(doc.utf8, doc.size), request, stop,
                              outcome);
    *seg = &pipeline.segmentation();
  });
  return doc;
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;

TEXTSENSE_SQL_FUNCTION(textsense_version) { PG_RETURN_TEXT_P(cstring_to_text(TEXTSENSE_VERSION)); }

// sentences(doc text) -> SETOF (ordinal int, sentence text, start int, length int)
TEXTSENSE_SQL_FUNCTION(textsense_sentences) {
  SrfRows rows = start_srf_rows(fcinfo);
  const textsense::segment::Segmentation* segmentation = nullptr;
  const Document doc = segment_argument(fcinfo, &segmentation);
  const textsense::segment::Segmentation& seg = *segmentation;
  Datum values[4];
  bool nulls[4] = {false, false, false, false};
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    const textsense::segment::Span& span = seg.sentences[i].span;
    begin_row(rows);
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] = PointerGetDatum(text_from_utf8(doc.utf8 + span.byte_begin, span.byte_length));
    values[2] = Int32GetDatum(sql_start(span, doc));
    values[3] = Int32GetDatum(sql_length(span, doc));
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}

// tokens(doc text) -> SETOF (ordinal int, sentence int, token text, kind text,
//                            start int, length int)
TEXTSENSE_SQL_FUNCTION(textsense_tokens) {
  SrfRows rows = start_srf_rows(fcinfo);
  const textsense::segment::Segmentation* segmentation = nullptr;
  const Document doc = segment_argument(fcinfo, &segmentation);
  const textsense::segment::Segmentation& seg = *segmentation;
  Datum values[6];
  bool nulls[6] = {false, false, false, false, false, false};
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const textsense::segment::Token& token = seg.tokens[i];
    const std::string_view kind = textsense::segment::token_kind_name(token.kind);
    begin_row(rows);
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] = Int32GetDatum(static_cast<int32>(token.sentence + 1));
    values[2] =
        PointerGetDatum(text_from_utf8(doc.utf8 + token.span.byte_begin, token.span.byte_length));
    values[3] =
        PointerGetDatum(cstring_to_text_with_len(kind.data(), static_cast<int>(kind.size())));
    values[4] = Int32GetDatum(sql_start(token.span, doc));
    values[5] = Int32GetDatum(sql_length(token.span, doc));
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}
