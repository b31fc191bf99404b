// SQL functions of the sentiment slice, each with an optional `lang`:
//   sentiment(doc)          -> float8 in [-1, 1]
//   sentiment_detail(doc)   -> sentiment_detail (score, label, shares, counts)
//   sentence_sentiment(doc) -> SETOF (ordinal, sentence, start, length, score, label)
//   sentiment_explain(doc)  -> SETOF (ordinal, token, valence, contribution, rules)
#include <charconv>
#include <cstdlib>

#include "core/sentiment/analyzer.h"
#include "pg/arguments.h"
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

// Scores the document of argument 0 (see score_text), with the custom
// lexicon named by argument 2 when there is one (doc, lang, lexicon).
Document analyze_argument(FunctionCallInfo fcinfo, const char* language, runtime::SentimentOutput output,
                          sentiment::DocumentSentiment& result,
                          const runtime::DocumentPipeline** pipeline = nullptr,
                          const sentiment::Lexicon** lexicon = nullptr) {
  const sentiment::Lexicon* custom = nullptr;
  if (PG_NARGS() == 3)
    custom = &custom_lexicon(function_lexicon_site(fcinfo), fcinfo->flinfo->fn_mcxt,
                             fcinfo->flinfo->fn_oid, language,
                             text_to_cstring(PG_GETARG_TEXT_PP(2)));
  return score_text(PG_GETARG_TEXT_PP(0), language, custom, output, result, pipeline, lexicon);
}

// sentiment(doc [, lang]) -> float8
Datum document_score(FunctionCallInfo fcinfo, const char* language) {
  sentiment::DocumentSentiment result;
  analyze_argument(fcinfo, language, runtime::SentimentOutput::kDocument, result);
  trim_backend_buffers();
  PG_RETURN_FLOAT8(result.score);
}

// sentiment_detail(doc [, lang]) -> sentiment_detail
Datum document_detail(FunctionCallInfo fcinfo, const char* language) {
  TupleDesc tupdesc;
  if (get_call_result_type(fcinfo, nullptr, &tupdesc) != TYPEFUNC_COMPOSITE)
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("textsense: sentiment_detail() called in a context that cannot "
                           "accept a composite value")));
  tupdesc = BlessTupleDesc(tupdesc);
  sentiment::DocumentSentiment result;
  analyze_argument(fcinfo, language, runtime::SentimentOutput::kDocument, result);
  Datum values[7];
  bool nulls[7] = {false, false, false, false, false, false, false};
  values[0] = Float8GetDatum(result.score);
  values[1] = PointerGetDatum(cstring_text(sentiment::label_name(result.label)));
  values[2] = Float8GetDatum(result.positive);
  values[3] = Float8GetDatum(result.negative);
  values[4] = Float8GetDatum(result.neutral);
  values[5] = Int32GetDatum(static_cast<int32>(result.sentences));
  values[6] = Int32GetDatum(static_cast<int32>(result.tokens));
  HeapTuple tuple = heap_form_tuple(tupdesc, values, nulls);
  trim_backend_buffers();
  PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

// sentence_sentiment(doc [, lang]): one row per sentence.
Datum sentence_rows(FunctionCallInfo fcinfo, const char* language) {
  SrfRows rows = start_srf_rows(fcinfo);
  sentiment::DocumentSentiment result;
  const runtime::DocumentPipeline* pipeline = nullptr;
  const Document doc =
      analyze_argument(fcinfo, language, runtime::SentimentOutput::kSentences, result, &pipeline);
  const segment::Segmentation& seg = pipeline->segmentation();
  const std::vector<sentiment::SentenceSentiment>& scores = pipeline->sentence_sentiments();
  Datum values[6];
  bool nulls[6] = {false, false, false, false, false, false};
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    const segment::Span& span = seg.sentences[i].span;
    begin_row(rows);
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] = PointerGetDatum(text_from_utf8(doc.utf8 + span.byte_begin, span.byte_length));
    values[2] = Int32GetDatum(sql_start(span, doc));
    values[3] = Int32GetDatum(sql_length(span, doc));
    values[4] = Float8GetDatum(scores[i].score);
    values[5] = PointerGetDatum(cstring_text(sentiment::label_name(scores[i].label)));
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
      names[count++] = PointerGetDatum(cstring_to_text(
          psprintf("%.*s:%.*s", static_cast<int>(name.size()), name.data(),
                   static_cast<int>(source.size()), source.data())));
    } else {
      names[count++] = PointerGetDatum(cstring_text(name));
    }
  }
  if (count == 0) return construct_empty_array(TEXTOID);
  return construct_array(names, count, TEXTOID, -1, false, TYPALIGN_INT);
}

// sentiment_explain(doc [, lang]): one row per token.
Datum token_rows(FunctionCallInfo fcinfo, const char* language) {
  SrfRows rows = start_srf_rows(fcinfo);
  sentiment::DocumentSentiment result;
  const runtime::DocumentPipeline* pipeline = nullptr;
  const sentiment::Lexicon* lexicon = nullptr;
  const Document doc = analyze_argument(fcinfo, language, runtime::SentimentOutput::kTokens, result,
                                        &pipeline, &lexicon);
  const segment::Segmentation& seg = pipeline->segmentation();
  const std::vector<sentiment::TokenSentiment>& tokens = pipeline->token_sentiments();
  Datum values[5];
  bool nulls[5] = {false, false, false, false, false};
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& token = seg.tokens[i];
    begin_row(rows);
    values[0] = Int32GetDatum(static_cast<int32>(i + 1));
    values[1] = PointerGetDatum(
        text_from_utf8(doc.utf8 + token.span.byte_begin, token.span.byte_length));
    values[2] = Float8GetDatum(float_as_double(tokens[i].valence));
    values[3] = Float8GetDatum(float_as_double(tokens[i].contribution));
    values[4] = PointerGetDatum(rule_array(tokens[i], *lexicon));
    end_row(rows, values, nulls);
  }
  finish_srf_rows(rows);
  trim_backend_buffers();
  return (Datum)0;
}

}  // namespace
}  // namespace textsense::pg

using namespace textsense::pg;

// sentiment(doc text) -> float8
TEXTSENSE_SQL_FUNCTION(textsense_sentiment) { return document_score(fcinfo, "en"); }

// sentiment(doc text, lang text) -> float8
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_lang) {
  return document_score(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}

// sentiment_detail(doc text) -> sentiment_detail
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_detail) { return document_detail(fcinfo, "en"); }

// sentiment_detail(doc text, lang text) -> sentiment_detail
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_detail_lang) {
  return document_detail(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}

// sentence_sentiment(doc text) -> SETOF (ordinal, sentence, start, length, score, label)
TEXTSENSE_SQL_FUNCTION(textsense_sentence_sentiment) { return sentence_rows(fcinfo, "en"); }

// sentence_sentiment(doc text, lang text)
TEXTSENSE_SQL_FUNCTION(textsense_sentence_sentiment_lang) {
  return sentence_rows(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}

// sentiment_explain(doc text) -> SETOF (ordinal, token, valence, contribution, rules)
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_explain) { return token_rows(fcinfo, "en"); }

// sentiment_explain(doc text, lang text)
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_explain_lang) {
  return token_rows(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}

// The same four with a custom lexicon: (doc text, lang text, lexicon text).
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_custom) {
  return document_score(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_detail_custom) {
  return document_detail(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}
TEXTSENSE_SQL_FUNCTION(textsense_sentence_sentiment_custom) {
  return sentence_rows(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}
TEXTSENSE_SQL_FUNCTION(textsense_sentiment_explain_custom) {
  return token_rows(fcinfo, checked_language(PG_GETARG_TEXT_PP(1), "sentiment lexicon"));
}
