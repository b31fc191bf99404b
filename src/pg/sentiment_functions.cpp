// SQL functions of the sentiment slice, each with an optional `lang`
// ('auto' when omitted: pg/languages.h):
//   sentiment(doc)          -> float8 in [-1, 1]
//   sentiment_detail(doc)   -> sentiment_detail (score, label, shares, counts)
//   sentence_sentiment(doc) -> SETOF (ordinal, sentence, start, length, score, label)
//   sentiment_explain(doc)  -> SETOF (ordinal, token, valence, contribution, rules)
#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "core/sentiment/analyzer.h"
#include "pg/arguments.h"
#include "pg/languages.h"
#include "pg/bridge.h"
#include "pg/backend_state.h"
#include "pg/custom_lexicons.h"
#include "pg/document.h"
#include "pg/postgres_headers.h"
#include "pg/sentiment_scoring.h"
#include "pg/srf_rows.h"

extern "C" {
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
}

namespace textsense::pg {
namespace {

// A float result as the float8 with the same shortest decimal form, so a
// valence of 1.9 reads 1.9 in SQL rather than 1.899999976158142.
double float_as_double(float v) {
  char buf[32];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf - 1, v);
  *r.ptr = '\0';
  return strtod(buf, nullptr);
}

// Scores the document of argument 0 in the language `request` asks for,
// with the custom lexicon named by argument 2 when there is one (doc, lang,
// lexicon). Returns the custom lexicon, if any, through `custom`.
Document analyze_argument(FunctionCallInfo fcinfo, const runtime::LanguageRequest& request,
                          runtime::SentimentOutput output, ScoredText& scored,
                          const sentiment::Lexicon** custom_out = nullptr) {
  const sentiment::Lexicon* custom = nullptr;
  if (PG_NARGS() == 3)
    custom = &custom_lexicon(
        function_lexicon_site(fcinfo), fcinfo->flinfo->fn_mcxt, fcinfo->flinfo->fn_oid,
        request.automatic ? nullptr : request.code.c_str(), text_to_cstring(PG_GETARG_TEXT_PP(2)));
  if (custom_out != nullptr) *custom_out = custom;
  return score_text(PG_GETARG_TEXT_PP(0), request, custom, output, scored);
}

// A language code as text, or NULL for "none".
Datum language_datum(lang::Code code, bool& is_null) {
  is_null = code.empty();
  return is_null ? (Datum)0 : PointerGetDatum(cstring_text(code.view()));
}

// sentiment(doc [, lang]) -> float8, NULL when the text is in a language
// without a sentiment lexicon.
Datum document_score(FunctionCallInfo fcinfo, const runtime::LanguageRequest& request) {
  ScoredText scored;
  analyze_argument(fcinfo, request, runtime::SentimentOutput::kDocument, scored);
  trim_backend_buffers();
  if (!scored.result.analysed) PG_RETURN_NULL();
  PG_RETURN_FLOAT8(scored.result.score);
}

// sentiment_detail(doc [, lang]) -> sentiment_detail
Datum document_detail(FunctionCallInfo fcinfo, const runtime::LanguageRequest& request) {
  TupleDesc tupdesc;
  if (get_call_result_type(fcinfo, nullptr, &tupdesc) != TYPEFUNC_COMPOSITE)
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("textsense: sentiment_detail() called in a context that cannot "
                           "accept a composite value")));
  tupdesc = BlessTupleDesc(tupdesc);
  ScoredText scored;
  analyze_argument(fcinfo, request, runtime::SentimentOutput::kDocument, scored);
  const sentiment::DocumentSentiment& result = scored.result;
  Datum values[8];
  bool nulls[8] = {false, false, false, false, false, false, false, false};
  values[0] = Float8GetDatum(result.score);
  values[1] = PointerGetDatum(cstring_text(sentiment::label_name(result.label)));
  values[2] = Float8GetDatum(result.positive);
  values[3] = Float8GetDatum(result.negative);
  values[4] = Float8GetDatum(result.neutral);
  if (!result.analysed)
    for (int i = 0; i < 5; ++i) nulls[i] = true;
  values[5] = Int32GetDatum(static_cast<int32>(result.sentences));
  values[6] = Int32GetDatum(static_cast<int32>(result.tokens));
  values[7] = language_datum(scored.outcome.language, nulls[7]);
  // A catalog still at 0.5.0 (before ALTER EXTENSION UPDATE) has no lang:
  // heap_form_tuple() reads the type's first natts values only.
  HeapTuple tuple = heap_form_tuple(tupdesc, values, nulls);
  trim_backend_buffers();
  PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

// sentence_sentiment(doc [, lang]): one row per sentence, with the
// language of each (NULL score and label for a sentence not analysed).
Datum sentence_rows(FunctionCallInfo fcinfo, const runtime::LanguageRequest& request) {
  SrfRows rows = start_srf_rows(fcinfo);
  ScoredText scored;
  const Document doc =
      analyze_argument(fcinfo, request, runtime::SentimentOutput::kSentences, scored);
  const segment::Segmentation& seg = scored.pipeline->segmentation();
  const std::vector<sentiment::SentenceSentiment>& scores = scored.pipeline->sentence_sentiments();
  const bool analysed = scored.result.analysed;
  Datum values[7];
  bool nulls[7];
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    const segment::Span& span = seg.sentences[i].span;
    const bool scored_sentence = analysed && i < scores.size() && scores[i].analysed;
    begin_row(rows);
    std::fill(nulls, nulls + 7, false);
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] = PointerGetDatum(text_from_utf8(doc.utf8 + span.byte_begin, span.byte_length));
    values[2] = Int32GetDatum(sql_start(span, doc));
    values[3] = Int32GetDatum(sql_length(span, doc));
    if (scored_sentence) {
      values[4] = Float8GetDatum(scores[i].score);
      values[5] = PointerGetDatum(cstring_text(sentiment::label_name(scores[i].label)));
    } else {
      nulls[4] = nulls[5] = true;
    }
    values[6] = language_datum(scored.outcome.sentence_language(i), nulls[6]);
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}

// The rules column: the names of the rule bits set, the lexicon bit as
// "lexicon:<source>" (as `textsense explain` prints it).
ArrayType* rule_array(const sentiment::TokenSentiment& token, const sentiment::Lexicon& lexicon) {
  Datum names[sentiment::kRuleCount];
  int count = 0;
  for (int bit = 0; bit < sentiment::kRuleCount; ++bit) {
    if (!(token.rules & (1u << bit))) continue;
    const std::string_view name = sentiment::rule_name(bit);
    if (bit == 0) {
      const std::string_view source = lexicon.source_name(token.source);
      names[count++] = PointerGetDatum(
          cstring_to_text(psprintf("%.*s:%.*s", static_cast<int>(name.size()), name.data(),
                                   static_cast<int>(source.size()), source.data())));
    } else {
      names[count++] = PointerGetDatum(cstring_text(name));
    }
  }
  if (count == 0) return construct_empty_array(TEXTOID);
  return construct_array(names, count, TEXTOID, -1, false, TYPALIGN_INT);
}

// sentiment_explain(doc [, lang]): one row per token (NULL valence,
// contribution and rules in a sentence that was not analysed).
Datum token_rows(FunctionCallInfo fcinfo, const runtime::LanguageRequest& request) {
  SrfRows rows = start_srf_rows(fcinfo);
  ScoredText scored;
  const sentiment::Lexicon* custom = nullptr;
  const Document doc =
      analyze_argument(fcinfo, request, runtime::SentimentOutput::kTokens, scored, &custom);
  const segment::Segmentation& seg = scored.pipeline->segmentation();
  const std::vector<sentiment::TokenSentiment>& tokens = scored.pipeline->token_sentiments();
  const std::vector<sentiment::SentenceSentiment>& sentences =
      scored.pipeline->sentence_sentiments();
  // The lexicon of each sentence's language (a mixed document has several).
  std::vector<const sentiment::Lexicon*>* by_sentence = nullptr;
  run_core([&] {
    by_sentence = new std::vector<const sentiment::Lexicon*>(seg.sentences.size(), nullptr);
    for (std::size_t s = 0; s < seg.sentences.size(); ++s)
      if (scored.result.analysed && s < sentences.size() && sentences[s].analysed)
        (*by_sentence)[s] = lexicon_of(scored.outcome.sentence_language(s), custom);
  });
  Datum values[5];
  bool nulls[5];
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& token = seg.tokens[i];
    const sentiment::Lexicon* lexicon = (*by_sentence)[token.sentence];
    begin_row(rows);
    std::fill(nulls, nulls + 5, lexicon == nullptr);
    nulls[0] = nulls[1] = false;
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] =
        PointerGetDatum(text_from_utf8(doc.utf8 + token.span.byte_begin, token.span.byte_length));
    if (lexicon != nullptr) {
      values[2] = Float8GetDatum(float_as_double(tokens[i].valence));
      values[3] = Float8GetDatum(float_as_double(tokens[i].contribution));
      values[4] = PointerGetDatum(rule_array(tokens[i], *lexicon));
    }
    end_row(rows, values, nulls);
  }
  delete by_sentence;
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;

namespace {

// The one-argument forms: lang => 'auto'.
const textsense::runtime::LanguageRequest kAuto =
    textsense::runtime::LanguageRequest::automatic_choice();

textsense::runtime::LanguageRequest sentiment_language(FunctionCallInfo fcinfo) {
  return language_argument(PG_GETARG_TEXT_PP(1), textsense::lang::ModelKind::kSentiment);
}

}  // namespace

// sentiment(doc text) -> float8
TEXTSENSE_SQL_FUNCTION(textsense_sentiment) { return document_score(fcinfo, kAuto); }

// sentiment(doc text, lang text) -> float8
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_lang) {
  return document_score(fcinfo, sentiment_language(fcinfo));
}

// sentiment_detail(doc text) -> sentiment_detail
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_detail) { return document_detail(fcinfo, kAuto); }

// sentiment_detail(doc text, lang text) -> sentiment_detail
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_detail_lang) {
  return document_detail(fcinfo, sentiment_language(fcinfo));
}

// sentence_sentiment(doc text) -> SETOF (ordinal, sentence, start, length, score, label)
TEXTSENSE_SQL_FUNCTION(textsense_sentence_sentiment) { return sentence_rows(fcinfo, kAuto); }

// sentence_sentiment(doc text, lang text)
TEXTSENSE_SQL_FUNCTION(textsense_sentence_sentiment_lang) {
  return sentence_rows(fcinfo, sentiment_language(fcinfo));
}

// sentiment_explain(doc text) -> SETOF (ordinal, token, valence, contribution, rules)
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_explain) { return token_rows(fcinfo, kAuto); }

// sentiment_explain(doc text, lang text)
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_explain_lang) {
  return token_rows(fcinfo, sentiment_language(fcinfo));
}

// The same four with a custom lexicon: (doc text, lang text, lexicon text).
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_custom) {
  return document_score(fcinfo, sentiment_language(fcinfo));
}
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_detail_custom) {
  return document_detail(fcinfo, sentiment_language(fcinfo));
}
TEXTSENSE_SQL_FUNCTION(textsense_sentence_sentiment_custom) {
  return sentence_rows(fcinfo, sentiment_language(fcinfo));
}
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_explain_custom) {
  return token_rows(fcinfo, sentiment_language(fcinfo));
}
