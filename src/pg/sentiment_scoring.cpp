#include "pg/sentiment_scoring.h"

#include <string_view>

#include "pg/backend_state.h"
#include "pg/bridge.h"

namespace textsense::pg {

Document score_text(text* value, const runtime::LanguageRequest& request,
                    const sentiment::Lexicon* custom, runtime::SentimentOutput output,
                    ScoredText& scored) {
  const Document doc = document_from_text(value);
  prepare_backend_state();
  const CallSettings settings = current_call_settings();
  const runtime::StopSignal stop = interrupt_stop_signal();
  run_core([&] {
    runtime::DocumentPipeline& p = backend_pipeline(settings, doc.size);
    const runtime::ModelSource models = backend_model_source();
    scored.result = runtime::score_document(p, std::string_view(doc.utf8, doc.size), request,
                                            models, custom, output, stop, scored.outcome);
    scored.pipeline = &p;
  });
  return doc;
}

const sentiment::Lexicon* lexicon_of(lang::Code language, const sentiment::Lexicon* custom) {
  return runtime::lexicon_for_language(backend_model_source(), custom, language);
}

}  // namespace textsense::pg
