// Scores one text value with the backend's pipeline and models: the one
// path by which the sentiment functions and the scoring trigger reach the
// core, so a trigger writes exactly what sentiment() returns.
#pragma once

#include "core/runtime/document_pipeline.h"
#include "core/runtime/multilingual.h"
#include "core/sentiment/lexicon.h"
#include "pg/document.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {

// What score_text() leaves for the row functions to read (valid until the
// next call).
struct ScoredText {
  sentiment::DocumentSentiment result;
  runtime::LanguageOutcome outcome;
  const runtime::DocumentPipeline* pipeline = nullptr;
};

// Segments and scores `value` (detoasted and converted to UTF-8 here) in
// the language `request` asks for (runtime/multilingual.h), with `custom`
// when given (a custom lexicon over its language's built-in one, see
// custom_lexicons.h) for the text in its language. The backend's pipeline
// keeps what `output` asks for (segmentation, sentence and token results)
// until the next call. Call trim_backend_buffers() once the results have
// been read.
Document score_text(text* value, const runtime::LanguageRequest& request,
                    const sentiment::Lexicon* custom, runtime::SentimentOutput output,
                    ScoredText& scored);

// The lexicon that scored the sentences in `language` of the last call
// (for the source names of sentiment_explain); nullptr when none did.
// Call inside run_core().
const sentiment::Lexicon* lexicon_of(lang::Code language, const sentiment::Lexicon* custom);

}  // namespace textsense::pg
