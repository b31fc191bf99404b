#include "pg/backend_state.h"

#include <sys/stat.h>

#include <cerrno>
#include <memory>
#include <string>

#include "core/common/errors.h"
#include "core/lang/auto_choice.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {
namespace {

runtime::ThreadPool* pool = nullptr;
std::size_t pool_threads = 0;  // what the pool was made for (it may hold fewer)
runtime::DocumentPipeline* pipeline = nullptr;
std::vector<std::uint8_t> tags;
char model_dir[MAXPGPATH];
lang::InstalledModels* installed = nullptr;
// One model per (kind, language), loaded on first use. A handful of
// languages at most: a vector searched linearly beats a map.
template <typename Model>
using ModelCache = std::vector<std::pair<lang::Code, std::unique_ptr<Model>>>;
ModelCache<pos::PosModel>* pos_models = nullptr;
ModelCache<sentiment::Lexicon>* lexicons = nullptr;

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
  delete pos_models;  // unmaps the files
  pos_models = nullptr;
  delete lexicons;
  lexicons = nullptr;
  delete installed;
  installed = nullptr;
}

bool interrupt_pending(void*) { return InterruptPending && (QueryCancelPending || ProcDiePending); }

// Maps and validates a model file (inside run_core()). The core reports a
// failed open() in errno's words ("could not open model file ...: No such
// file or directory"); when the file is simply not there, say that.
// Nothing is cached on failure: the next call tries the file again.
template <typename Model>
std::unique_ptr<Model> load_model(const char* path) {
  try {
    return Model::load(path);
  } catch (const ModelError& e) {
    struct stat st;
    if (e.kind() == ModelError::kMissing && ::stat(path, &st) != 0 && errno == ENOENT)
      throw ModelError(ModelError::kMissing, std::string("model file \"") + path + "\" is missing");
    throw;
  }
}

// The model of (kind, language) from `cache`, loaded on first use.
template <typename Model>
const Model& cached_model(ModelCache<Model>*& cache, lang::ModelKind kind, lang::Code language) {
  if (cache == nullptr) cache = new ModelCache<Model>();
  for (const auto& entry : *cache)
    if (entry.first == language) return *entry.second;
  char path[MAXPGPATH];
  snprintf(path, sizeof path, "%s/%s", model_dir,
           lang::model_file_name(kind, language.view()).c_str());
  cache->emplace_back(language, load_model<Model>(path));
  return *cache->back().second;
}

}  // namespace

void prepare_backend_state() {
  static bool registered = false;
  if (!registered) {
    on_proc_exit(destroy_backend_state, 0);
    registered = true;
  }
  if (model_dir[0] == '\0') {
    // get_share_path() canonicalises paths with string work that showed in
    // per-row profiles: once a backend.
    char share[MAXPGPATH];
    get_share_path(my_exec_path, share);
    snprintf(model_dir, sizeof model_dir, "%s/textsense", share);
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

const char* model_directory() { return model_dir; }

const lang::InstalledModels& installed_models() {
  if (installed == nullptr) {
    installed = new lang::InstalledModels(lang::scan_installed_models(model_dir));
    // English ships with every installation: its missing file is damage,
    // reported when it is loaded (58P01, reinstall), not an uninstalled
    // language.
    lang::require_language(*installed, lang::kFallbackLanguage);
  }
  return *installed;
}

void refresh_installed_models() {
  delete installed;
  installed = nullptr;
  installed_models();
}

const pos::PosModel& backend_pos_model(lang::Code language) {
  return cached_model(pos_models, lang::ModelKind::kPos, language);
}

const sentiment::Lexicon& backend_sentiment_lexicon(lang::Code language) {
  return cached_model(lexicons, lang::ModelKind::kSentiment, language);
}

namespace {

template <typename Model>
const model::FilePrefix* cached_prefix(const ModelCache<Model>* cache, lang::Code language) {
  if (cache == nullptr) return nullptr;
  for (const auto& entry : *cache)
    if (entry.first == language) return &entry.second->file_prefix();
  return nullptr;
}

}  // namespace

const model::FilePrefix* loaded_model_prefix(lang::ModelKind kind, lang::Code language) {
  return kind == lang::ModelKind::kPos ? cached_prefix(pos_models, language)
                                       : cached_prefix(lexicons, language);
}

namespace {

const sentiment::Lexicon* source_lexicon(lang::Code code, void*) {
  return &backend_sentiment_lexicon(code);
}

const pos::PosModel* source_pos_model(lang::Code code, void*) { return &backend_pos_model(code); }

}  // namespace

runtime::ModelSource backend_model_source() {
  runtime::ModelSource source;
  source.installed = &installed_models();
  source.lexicon = source_lexicon;
  source.pos_model = source_pos_model;
  return source;
}

std::vector<std::uint8_t>& backend_tags() { return tags; }

void trim_backend_buffers() noexcept {
  const bool huge_token_array = tags.capacity() > kKeepTokenCapacity;
  if (huge_token_array) std::vector<std::uint8_t>().swap(tags);
  // After a huge pos_tag(text[]) the tagger's scratch is what grew.
  if (pipeline != nullptr)
    pipeline->release_large_buffers(huge_token_array ? 0 : kKeepTokenCapacity);
}

runtime::StopSignal interrupt_stop_signal() {
  return runtime::StopSignal{interrupt_pending, nullptr};
}

}  // namespace textsense::pg
