#include "pg/backend_state.h"

#include <memory>

#include "pg/postgres_headers.h"

namespace textsense::pg {
namespace {

Segmenter* segmenter = nullptr;
Segmentation segmentation;
pos::PosModel* pos_model = nullptr;
pos::PosTagger* pos_tagger = nullptr;
std::vector<std::uint8_t> tags;
char model_path[MAXPGPATH];
sentiment::Lexicon* sentiment_lexicon = nullptr;
sentiment::Analyzer* sentiment_analyzer = nullptr;
std::vector<sentiment::SentenceSentiment> sentence_sentiments;
std::vector<sentiment::TokenSentiment> token_sentiments;
char lexicon_path[MAXPGPATH];

// Beyond this many tokens the buffers are freed after the call.
constexpr std::size_t kKeepTokenCapacity = 1 << 18;

void destroy_backend_state(int, Datum) {
  delete segmenter;
  segmenter = nullptr;
  delete pos_tagger;
  pos_tagger = nullptr;
  delete pos_model;  // unmaps the file
  pos_model = nullptr;
  delete sentiment_analyzer;
  sentiment_analyzer = nullptr;
  delete sentiment_lexicon;  // unmaps the file
  sentiment_lexicon = nullptr;
}

bool interrupt_pending(void*) { return InterruptPending && (QueryCancelPending || ProcDiePending); }

}  // namespace

void prepare_backend_state() {
  static bool registered = false;
  if (!registered) {
    // Tear down at backend exit, explicitly, not from a static destructor.
    on_proc_exit(destroy_backend_state, 0);
    registered = true;
  }
}

Segmenter& backend_segmenter() {
  if (segmenter == nullptr) segmenter = new Segmenter();
  return *segmenter;
}

Segmentation& backend_segmentation() { return segmentation; }

const char* pos_model_path(const char* language) {
  char share[MAXPGPATH];
  get_share_path(my_exec_path, share);
  snprintf(model_path, sizeof model_path, "%s/textsense/pos_%s.model", share, language);
  return model_path;
}

pos::PosTagger& backend_tagger(const char* path) {
  if (pos_tagger == nullptr) {
    std::unique_ptr<pos::PosModel> model = pos::PosModel::load(path);
    pos_tagger = new pos::PosTagger(*model);
    pos_model = model.release();
  }
  return *pos_tagger;
}

std::vector<std::uint8_t>& backend_tags() { return tags; }

const char* sentiment_lexicon_path(const char* language) {
  char share[MAXPGPATH];
  get_share_path(my_exec_path, share);
  snprintf(lexicon_path, sizeof lexicon_path, "%s/textsense/sentiment_%s.model", share, language);
  return lexicon_path;
}

sentiment::Analyzer& backend_sentiment_analyzer(const char* path) {
  if (sentiment_lexicon == nullptr) {
    std::unique_ptr<sentiment::Lexicon> lexicon = sentiment::Lexicon::load(path);
    sentiment_lexicon = lexicon.release();
  }
  if (sentiment_analyzer == nullptr) sentiment_analyzer = new sentiment::Analyzer(*sentiment_lexicon);
  return *sentiment_analyzer;
}

std::vector<sentiment::SentenceSentiment>& backend_sentence_sentiments() {
  return sentence_sentiments;
}

std::vector<sentiment::TokenSentiment>& backend_token_sentiments() { return token_sentiments; }

void trim_backend_buffers() noexcept {
  if (tags.capacity() > kKeepTokenCapacity) {
    std::vector<std::uint8_t>().swap(tags);
    if (pos_tagger != nullptr) pos_tagger->release_buffers();
  }
  if (token_sentiments.capacity() > kKeepTokenCapacity)
    std::vector<sentiment::TokenSentiment>().swap(token_sentiments);
  if (sentence_sentiments.capacity() > kKeepTokenCapacity)
    std::vector<sentiment::SentenceSentiment>().swap(sentence_sentiments);
  if (segmentation.tokens.capacity() > kKeepTokenCapacity) {
    // The analyzer's scratch grows with the longest sentence it has seen and
    // has no release call: drop the analyzer (the lexicon stays mapped); the
    // next call makes a new one, which costs next to nothing.
    delete sentiment_analyzer;
    sentiment_analyzer = nullptr;
    std::vector<Token>().swap(segmentation.tokens);
    std::vector<Sentence>().swap(segmentation.sentences);
  }
}

StopSignal interrupt_stop_signal() { return StopSignal{interrupt_pending, nullptr}; }

}  // namespace textsense::pg
