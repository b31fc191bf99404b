// SQL functions of the part-of-speech slice:
//   pos_tag(doc text [, lang text]) and pos_tag(tokens text[]).
#include "pg/arguments.h"
#include "pg/backend_state.h"
#include "pg/bridge.h"
#include "pg/document.h"
#include "pg/postgres_headers.h"
#include "pg/srf_rows.h"
#include "core/errors.h"
#include "core/utf8.h"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/array.h"
}

namespace textsense::pg {
namespace {

// pos_tag(doc [, lang]): segments and tags the document, one row per token.
Datum tag_document(FunctionCallInfo fcinfo, const char* language) {
  SrfRows rows = start_srf_rows(fcinfo);
  const Document doc = document_from_text(PG_GETARG_TEXT_PP(0));
  const char* path = pos_model_path(language);
  prepare_backend_state();
  const StopSignal stop = interrupt_stop_signal();
  pos::PosTagger* tagger = nullptr;
  run_core([&] {
    tagger = &backend_tagger(path);
    const std::string_view utf8(doc.utf8, doc.size);
    backend_segmenter().segment(utf8, backend_segmentation(), stop);
    tagger->tag_document(utf8, backend_segmentation(), backend_tags(), stop);
  });
  const pos::PosModel& model = tagger->model();
  const Segmentation& seg = backend_segmentation();
  const std::vector<std::uint8_t>& tags = backend_tags();
  Datum values[7];
  bool nulls[7] = {false, false, false, false, false, false, false};
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const Token& token = seg.tokens[i];
    begin_row(rows);
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] = Int32GetDatum(static_cast<int32>(token.sentence + 1));
    values[2] = PointerGetDatum(
        text_from_utf8(doc.utf8 + token.span.byte_begin, token.span.byte_length));
    values[3] = PointerGetDatum(cstring_text(model.upos(tags[i])));
    values[4] = PointerGetDatum(cstring_text(model.xpos(tags[i])));
    values[5] = Int32GetDatum(sql_start(token.span, doc));
    values[6] = Int32GetDatum(sql_length(token.span, doc));
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;

// pos_tag(doc text) -> SETOF (ordinal, sentence, token, upos, xpos, start, length)
TEXTSENSE_SQL_FUNCTION(textsense_pos_tag) { return tag_document(fcinfo, "en"); }

// pos_tag(doc text, lang text)
TEXTSENSE_SQL_FUNCTION(textsense_pos_tag_lang) {
  return tag_document(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "part-of-speech model"));
}

// pos_tag(tokens text[]) -> SETOF (ordinal, token, upos, xpos): the array is
// one sentence, already tokenised.
TEXTSENSE_SQL_FUNCTION(textsense_pos_tag_tokens) {
  SrfRows rows = start_srf_rows(fcinfo);
  ArrayType* array = PG_GETARG_ARRAYTYPE_P(0);
  if (ARR_NDIM(array) > 1)
    ereport(ERROR, (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("textsense: pos_tag() takes a one-dimensional array of tokens")));
  Datum* elements;
  bool* element_nulls;
  int count;
  deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elements, &element_nulls, &count);
  // The words as UTF-8, in palloc'd memory (string_view has no destructor).
  std::string_view* words =
      static_cast<std::string_view*>(palloc(sizeof(std::string_view) * (count > 0 ? count : 1)));
  for (int i = 0; i < count; ++i) {
    if (element_nulls[i])
      ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                      errmsg("textsense: token %d of the array is NULL", i + 1)));
    const Document word = document_from_text(DatumGetTextPP(elements[i]));
    words[i] = std::string_view(word.utf8, word.size);
  }
  const char* path = pos_model_path("en");
  prepare_backend_state();
  const textsense::StopSignal stop = interrupt_stop_signal();
  textsense::pos::PosTagger* tagger = nullptr;
  run_core([&] {
    tagger = &backend_tagger(path);
    for (int i = 0; i < count; ++i) {
      const std::size_t bad = textsense::utf8::find_invalid(words[i]);
      if (bad != textsense::utf8::kValid) throw textsense::InvalidUtf8Error(bad);
    }
    tagger->tag_sentence(words, static_cast<std::size_t>(count), backend_tags(), stop);
  });
  const textsense::pos::PosModel& model = tagger->model();
  const std::vector<std::uint8_t>& tags = backend_tags();
  Datum values[4];
  bool nulls[4] = {false, false, false, false};
  for (int i = 0; i < count; ++i) {
    begin_row(rows);
    values[0] = Int32GetDatum(i + 1);
    values[1] = elements[i];
    values[2] = PointerGetDatum(cstring_text(model.upos(tags[i])));
    values[3] = PointerGetDatum(cstring_text(model.xpos(tags[i])));
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  return (Datum)0;
}
