#include "pg/backend_state.h"

#include <sys/stat.h>

#include <cerrno>
#include <memory>
#include <string>

#include "core/common/errors.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {
namespace {

runtime::ThreadPool* pool = nullptr;
std::size_t pool_threads = 0;  // what the pool was made for (it may hold fewer)
runtime::DocumentPipeline* pipeline = nullptr;
pos::PosModel* pos_model = nullptr;
std::vector<std::uint8_t> tags;
char model_path[MAXPGPATH];
sentiment::Lexicon* sentiment_lexicon = nullptr;
char lexicon_path[MAXPGPATH];

// Beyond this many tokens the buffers are freed after the call.
constexpr std::size_t kKeepTokenCapacity = 1 << 18;

void destroy_pool() noexcept {
  if (pipeline != nullptr) pipeline->set_pool(nullptr);
  delete pool;  // joins the (idle) workers
  pool = nullptr;
  pool_threads = 0;
}

// Tear down at backend exit, explicitly, not from a static destructor:
// the pool's threads are joined while the process is still whole.
void destroy_backend_state(int, Datum) {
  delete pipeline;
  pipeline = nullptr;
  destroy_pool();
  delete pos_model;  // unmaps the file
  pos_model = nullptr;
  delete sentiment_lexicon;  // unmaps the file
  sentiment_lexicon = nullptr;
}

bool interrupt_pending(void*) { return InterruptPending && (QueryCancelPending || ProcDiePending); }

// Maps and validates a model file (inside run_core()). The core reports a
// failed open() in errno's words ("could not open model file ...: No such
// file or directory"); when the file is simply not there, say that.
// Nothing is cached on failure: the next call tries the file again.
template <typename Model>
Model* load_model(const char* path) {
  try {
    return Model::load(path).release();
  } catch (const ModelError& e) {
    struct stat st;
    if (e.kind() == ModelError::kMissing && ::stat(path, &st) != 0 && errno == ENOENT)
      throw ModelError(ModelError::kMissing, std::string("model file \"") + path + "\" is missing");
    throw;
  }
}

}  // namespace

void prepare_backend_state() {
  static bool registered = false;
  if (!registered) {
    on_proc_exit(destroy_backend_state, 0);
    registered = true;
  }
}

runtime::DocumentPipeline& backend_pipeline(const CallSettings& settings, std::size_t doc_bytes) {
  if (pipeline == nullptr) pipeline = new runtime::DocumentPipeline(nullptr);
  // The pool follows textsense.max_threads: a SET to 1 removes its threads.
  if (pool != nullptr && pool_threads != settings.pool_threads) destroy_pool();
  const bool split = settings.threads > 1 && doc_bytes >= settings.min_bytes;
  if (split && pool == nullptr) {
    pool = new runtime::ThreadPool(settings.pool_threads - 1);
    pool_threads = settings.pool_threads;
  }
  pipeline->set_pool(pool);
  pipeline->settings().min_bytes = settings.min_bytes;
  pipeline->settings().max_threads = settings.threads;
  return *pipeline;
}

// The server's share directory, found once: get_share_path() canonicalises
// paths with string work that showed in per-row profiles (about 1 % of
// sentiment()).
static const char* share_directory() {
  static char share[MAXPGPATH];
  if (share[0] == '\0') get_share_path(my_exec_path, share);
  return share;
}

const char* pos_model_path(const char* language) {
  snprintf(model_path, sizeof model_path, "%s/textsense/pos_%s.model", share_directory(), language);
  return model_path;
}

const pos::PosModel& backend_pos_model(const char* path) {
  if (pos_model == nullptr) pos_model = load_model<pos::PosModel>(path);
  return *pos_model;
}

std::vector<std::uint8_t>& backend_tags() { return tags; }

const char* sentiment_lexicon_path(const char* language) {
  snprintf(lexicon_path, sizeof lexicon_path, "%s/textsense/sentiment_%s.model",
           share_directory(), language);
  return lexicon_path;
}

const sentiment::Lexicon& backend_sentiment_lexicon(const char* path) {
  if (sentiment_lexicon == nullptr) sentiment_lexicon = load_model<sentiment::Lexicon>(path);
  return *sentiment_lexicon;
}

void trim_backend_buffers() noexcept {
  const bool huge_token_array = tags.capacity() > kKeepTokenCapacity;
  if (huge_token_array) std::vector<std::uint8_t>().swap(tags);
  // After a huge pos_tag(text[]) the tagger's scratch is what grew.
  if (pipeline != nullptr)
    pipeline->release_large_buffers(huge_token_array ? 0 : kKeepTokenCapacity);
}

runtime::StopSignal interrupt_stop_signal() { return runtime::StopSignal{interrupt_pending, nullptr}; }

}  // namespace textsense::pg
