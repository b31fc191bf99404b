#include "pg/sentiment_scoring.h"

#include <string_view>

#include "pg/backend_state.h"
#include "pg/bridge.h"

namespace textsense::pg {

Document score_text(text* value, const char* language, const sentiment::Lexicon* custom,
                    runtime::SentimentOutput output,
                    sentiment::DocumentSentiment& result, const runtime::DocumentPipeline** pipeline,
                    const sentiment::Lexicon** lexicon) {
  const Document doc = document_from_text(value);
  const char* path = sentiment_lexicon_path(language);
  prepare_backend_state();
  const CallSettings settings = current_call_settings();
  const runtime::StopSignal stop = interrupt_stop_signal();
  run_core([&] {
    const sentiment::Lexicon& lex = custom != nullptr ? *custom : backend_sentiment_lexicon(path);
    runtime::DocumentPipeline& p = backend_pipeline(settings, doc.size);
    result = p.score(std::string_view(doc.utf8, doc.size), lex, sentiment::Params(), output, stop);
    if (pipeline != nullptr) *pipeline = &p;
    if (lexicon != nullptr) *lexicon = &lex;
  });
  return doc;
}

}  // namespace textsense::pg
