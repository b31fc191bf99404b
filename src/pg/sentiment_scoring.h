// Scores one text value with the backend's pipeline and lexicon: the one
// path by which the sentiment functions and the scoring trigger reach the
// core, so a trigger writes exactly what sentiment() returns.
#pragma once

#include "core/runtime/document_pipeline.h"
#include "core/sentiment/lexicon.h"
#include "pg/document.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {

// Segments and scores `value` (detoasted and converted to UTF-8 here) with
// `custom` when given (a custom lexicon over the built-in one, see
// custom_lexicons.h), else the built-in lexicon of `language` ("en"). The
// backend's pipeline keeps what
// `output` asks for (segmentation, sentence and token results) until the
// next call; `pipeline` and `lexicon`, when given, point at what was used.
// Call trim_backend_buffers() once the results have been read.
Document score_text(text* value, const char* language, const sentiment::Lexicon* custom,
                    runtime::SentimentOutput output,
                    sentiment::DocumentSentiment& result,
                    const runtime::DocumentPipeline** pipeline = nullptr,
                    const sentiment::Lexicon** lexicon = nullptr);

}  // namespace textsense::pg
