// SQL functions of the part-of-speech slice:
//   pos_tag(doc text [, lang text]) and pos_tag(tokens text[]).
#include <algorithm>
#include <string>

#include "pg/arguments.h"
#include "pg/languages.h"
#include "pg/backend_state.h"
#include "pg/bridge.h"
#include "pg/document.h"
#include "pg/postgres_headers.h"
#include "pg/srf_rows.h"
#include "core/common/errors.h"
#include "core/common/utf8.h"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/array.h"
}

namespace textsense::pg {
namespace {

// The text values of the tag and language columns, made once per query
// (in fn_extra, fn_mcxt) instead of once per row: a row then only copies
// its token. Keyed by model and by language code; a query meets few.
struct TagColumnTexts {
  static constexpr int kSlots = 16;
  struct ModelTexts {
    const pos::PosModel* model;
    Datum* upos;  // [class_count]
    Datum* xpos;
  } models[kSlots];
  int model_count;
  struct LanguageText {
    lang::Code code;
    Datum text;
  } languages[kSlots];
  int language_count;
};

TagColumnTexts& column_texts(FunctionCallInfo fcinfo) {
  if (fcinfo->flinfo->fn_extra == nullptr)
    fcinfo->flinfo->fn_extra =
        MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TagColumnTexts));
  return *static_cast<TagColumnTexts*>(fcinfo->flinfo->fn_extra);
}

// The model's texts, or nullptr when the cache is full (the caller then
// makes the texts row by row).
const TagColumnTexts::ModelTexts* model_texts(FunctionCallInfo fcinfo, const pos::PosModel* model) {
  TagColumnTexts& cache = column_texts(fcinfo);
  for (int i = 0; i < cache.model_count; ++i)
    if (cache.models[i].model == model) return &cache.models[i];
  if (cache.model_count == TagColumnTexts::kSlots) return nullptr;
  const MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
  TagColumnTexts::ModelTexts& m = cache.models[cache.model_count];
  m.upos = static_cast<Datum*>(palloc(sizeof(Datum) * model->class_count()));
  m.xpos = static_cast<Datum*>(palloc(sizeof(Datum) * model->class_count()));
  for (std::size_t c = 0; c < model->class_count(); ++c) {
    m.upos[c] = PointerGetDatum(cstring_text(model->upos(c)));
    // "_": the model has no treebank tags (NULL in the xpos column).
    m.xpos[c] = model->xpos(c) == "_" ? Datum(0) : PointerGetDatum(cstring_text(model->xpos(c)));
  }
  MemoryContextSwitchTo(old);
  m.model = model;
  ++cache.model_count;
  return &m;
}

Datum language_text(FunctionCallInfo fcinfo, lang::Code code) {
  TagColumnTexts& cache = column_texts(fcinfo);
  for (int i = 0; i < cache.language_count; ++i)
    if (cache.languages[i].code == code) return cache.languages[i].text;
  if (cache.language_count == TagColumnTexts::kSlots)
    return PointerGetDatum(cstring_text(code.view()));  // in the row's context
  const MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
  const Datum text = PointerGetDatum(cstring_text(code.view()));
  MemoryContextSwitchTo(old);
  cache.languages[cache.language_count++] = {code, text};
  return text;
}

// pos_tag(doc [, lang]): segments and tags the document, one row per token,
// with the language of its sentence; upos and xpos are NULL for the tokens
// of a sentence in a language without a tagging model.
Datum tag_document(FunctionCallInfo fcinfo, const runtime::LanguageRequest& request) {
  SrfRows rows = start_srf_rows(fcinfo);
  const Document doc = document_from_text(PG_GETARG_TEXT_PP(0));
  prepare_backend_state();
  const CallSettings settings = current_call_settings();
  const runtime::StopSignal stop = interrupt_stop_signal();
  const runtime::DocumentPipeline* pipeline = nullptr;
  runtime::LanguageOutcome* outcome = nullptr;
  // The models of the sentences' languages, by sentence (few: one pointer
  // a sentence keeps the row loop free of lookups).
  std::vector<const pos::PosModel*>* models = nullptr;
  run_core([&] {
    runtime::DocumentPipeline& p = backend_pipeline(settings, doc.size);
    outcome = new runtime::LanguageOutcome();
    runtime::tag_document(p, std::string_view(doc.utf8, doc.size), request, backend_model_source(),
                          stop, *outcome);
    pipeline = &p;
    const segment::Segmentation& seg = p.segmentation();
    models = new std::vector<const pos::PosModel*>(seg.sentences.size(), nullptr);
    const runtime::ModelSource source = backend_model_source();
    for (std::size_t i = 0; i < seg.sentences.size(); ++i)
      (*models)[i] = runtime::pos_model_for_language(source, outcome->sentence_language(i));
  });
  const segment::Segmentation& seg = pipeline->segmentation();
  const std::vector<std::uint8_t>& tags = pipeline->tags();
  const std::vector<pos::ContractionTags>& contractions = pipeline->contractions();
  std::size_t next_contraction = 0;
  Datum values[9];
  bool nulls[9];
  std::uint32_t texts_sentence = UINT32_MAX;
  const TagColumnTexts::ModelTexts* texts = nullptr;
  Datum lang_text = 0;
  int32 ordinal = 0;
  // One row: the word `form` with class `cls` (or untagged) at the token's
  // offsets; `contraction` non-null for a word of a contraction.
  const auto emit = [&](const segment::Token& token, const pos::PosModel* model, bool tagged,
                        int cls, Datum word, const lang::Code& code, Datum contraction) {
    std::fill(nulls, nulls + 9, false);
    values[0] = Int32GetDatum(++ordinal);
    values[1] = Int32GetDatum(static_cast<int32>(token.sentence + 1));
    values[2] = word;
    if (tagged && texts != nullptr) {
      values[3] = texts->upos[cls];
      values[4] = texts->xpos[cls];
      nulls[4] = texts->xpos[cls] == 0;
    } else if (tagged) {
      values[3] = PointerGetDatum(cstring_text(model->upos(cls)));
      nulls[4] = model->xpos(cls) == "_";
      if (!nulls[4]) values[4] = PointerGetDatum(cstring_text(model->xpos(cls)));
    } else {
      nulls[3] = nulls[4] = true;
    }
    values[5] = Int32GetDatum(sql_start(token.span, doc));
    values[6] = Int32GetDatum(sql_length(token.span, doc));
    nulls[7] = code.empty();
    if (!nulls[7]) values[7] = lang_text;
    nulls[8] = contraction == 0;
    values[8] = contraction;
    end_row(rows, values, nulls);
  };
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& token = seg.tokens[i];
    const pos::PosModel* model = (*models)[token.sentence];
    const lang::Code code = outcome->sentence_language(token.sentence);
    if (token.sentence != texts_sentence) {
      texts_sentence = token.sentence;
      texts = model == nullptr ? nullptr : model_texts(fcinfo, model);
      if (!code.empty()) lang_text = language_text(fcinfo, code);
    }
    const bool tagged = model != nullptr && tags[i] != runtime::DocumentPipeline::kNotTagged;
    if (next_contraction < contractions.size() && contractions[next_contraction].token == i) {
      const pos::ContractionTags& c = contractions[next_contraction++];
      for (int k = 0; k < c.contraction->count; ++k) {
        begin_row(rows);  // each row's values live in the row context
        const std::string_view word = c.contraction->words[k];
        emit(token, model, tagged, c.tags[k],
             PointerGetDatum(text_from_utf8(word.data(), word.size())), code,
             PointerGetDatum(
                 text_from_utf8(doc.utf8 + token.span.byte_begin, token.span.byte_length)));
      }
      continue;
    }
    begin_row(rows);
    emit(token, model, tagged, tags[i],
         PointerGetDatum(text_from_utf8(doc.utf8 + token.span.byte_begin, token.span.byte_length)),
         code, 0);
  }
  delete models;
  delete outcome;
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;

// pos_tag(doc text) -> SETOF (ordinal, sentence, token, upos, xpos, start, length, lang,
// contraction)
TEXTSENSE_SQL_FUNCTION(textsense_pos_tag) {
  return tag_document(fcinfo, textsense::runtime::LanguageRequest::automatic_choice());
}

// pos_tag(doc text, lang text)
TEXTSENSE_SQL_FUNCTION(textsense_pos_tag_lang) {
  return tag_document(fcinfo,
                      language_argument(PG_GETARG_TEXT_PP(1), textsense::lang::ModelKind::kPos));
}

// pos_tag(tokens text[] [, lang text]) -> SETOF (ordinal, token, upos, xpos):
// the array is one sentence, already tokenised. Without lang it is English
// (as before 0.6.0); 'auto' detects the language of the tokens joined by
// spaces and needs it to have a tagging model.
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
  // The tokens are the document: textsense.max_document_bytes caps their sum.
  std::size_t total_bytes = 0;
  for (int i = 0; i < count; ++i)
    if (!element_nulls[i]) total_bytes += VARSIZE_ANY_EXHDR(DatumGetPointer(elements[i]));
  check_document_size(total_bytes);
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
  textsense::runtime::LanguageRequest request =
      PG_NARGS() >= 2 ? language_argument(PG_GETARG_TEXT_PP(1), textsense::lang::ModelKind::kPos)
                      : textsense::runtime::LanguageRequest::explicit_language("en");
  prepare_backend_state();
  const CallSettings settings = current_call_settings();
  const textsense::runtime::StopSignal stop = interrupt_stop_signal();
  textsense::pos::PosTagger* tagger = nullptr;
  textsense::lang::Code detected;
  run_core([&] {
    // One sentence: never split, so the calling thread's tagger does it.
    for (int i = 0; i < count; ++i) {
      const std::size_t bad = textsense::utf8::find_invalid(words[i]);
      if (bad != textsense::utf8::kValid) throw textsense::InvalidUtf8Error(bad);
    }
    if (request.automatic) {
      std::string joined;
      for (int i = 0; i < count; ++i) (joined += words[i]) += ' ';
      const textsense::lang::Choice choice = textsense::runtime::choose_automatically(
          joined, installed_models(), textsense::lang::ModelKind::kPos);
      detected = choice.detected;
      if (choice.analyse.empty()) return;  // reported below, outside the core
      request = textsense::runtime::LanguageRequest::explicit_language(choice.analyse.view());
    }
    tagger = &backend_pipeline(settings, 0).tagger(backend_pos_model(request.code));
    tagger->tag_sentence(words, static_cast<std::size_t>(count), backend_tags(), stop);
  });
  if (tagger == nullptr)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("textsense: no part-of-speech model for language \"%s\" of these tokens",
                           detected.c_str()),
                    errhint("Pass the language explicitly: pos_tag(tokens, 'en'); "
                            "textsense_languages() lists the installed models.")));
  const textsense::pos::PosModel& model = tagger->model();
  const TagColumnTexts::ModelTexts* texts = model_texts(fcinfo, &model);
  const std::vector<std::uint8_t>& tags = backend_tags();
  Datum values[4];
  bool nulls[4] = {false, false, false, false};
  for (int i = 0; i < count; ++i) {
    begin_row(rows);
    values[0] = Int32GetDatum(i + 1);
    values[1] = elements[i];
    values[2] = texts != nullptr ? texts->upos[tags[i]]
                                 : PointerGetDatum(cstring_text(model.upos(tags[i])));
    nulls[3] = model.xpos(tags[i]) == "_";
    values[3] = nulls[3]           ? Datum(0)
                : texts != nullptr ? texts->xpos[tags[i]]
                                   : PointerGetDatum(cstring_text(model.xpos(tags[i])));
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  return (Datum)0;
}
