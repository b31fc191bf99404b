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

// Beyond this many tokens the buffers are freed after the call.
constexpr std::size_t kKeepTokenCapacity = 1 << 18;

void destroy_backend_state(int, Datum) {
  delete segmenter;
  segmenter = nullptr;
  delete pos_tagger;
  pos_tagger = nullptr;
  delete pos_model;  // unmaps the file
  pos_model = nullptr;
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

void trim_backend_buffers() noexcept {
  if (tags.capacity() > kKeepTokenCapacity) {
    std::vector<std::uint8_t>().swap(tags);
    if (pos_tagger != nullptr) pos_tagger->release_buffers();
  }
  if (segmentation.tokens.capacity() > kKeepTokenCapacity) {
    std::vector<Token>().swap(segmentation.tokens);
    std::vector<Sentence>().swap(segmentation.sentences);
  }
}

StopSignal interrupt_stop_signal() { return StopSignal{interrupt_pending, nullptr}; }

}  // namespace textsense::pg
