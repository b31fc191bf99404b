#include "pg/backend_state.h"

#include "pg/postgres_headers.h"

namespace textsense::pg {
namespace {

Segmenter* segmenter = nullptr;
Segmentation segmentation;

// Beyond this many tokens the buffers are freed after the call.
constexpr std::size_t kKeepTokenCapacity = 1 << 18;

void destroy_segmenter(int, Datum) {
  delete segmenter;
  segmenter = nullptr;
}

bool interrupt_pending(void*) { return InterruptPending && (QueryCancelPending || ProcDiePending); }

}  // namespace

void prepare_backend_state() {
  static bool registered = false;
  if (!registered) {
    // Tear down at backend exit, explicitly, not from a static destructor.
    on_proc_exit(destroy_segmenter, 0);
    registered = true;
  }
}

Segmenter& backend_segmenter() {
  if (segmenter == nullptr) segmenter = new Segmenter();
  return *segmenter;
}

Segmentation& backend_segmentation() { return segmentation; }

void trim_backend_buffers() noexcept {
  if (segmentation.tokens.capacity() > kKeepTokenCapacity) {
    std::vector<Token>().swap(segmentation.tokens);
    std::vector<Sentence>().swap(segmentation.sentences);
  }
}

StopSignal interrupt_stop_signal() { return StopSignal{interrupt_pending, nullptr}; }

}  // namespace textsense::pg
