// Per-backend state of the extension: the ICU-backed segmenter (costly to
// create, so made once, on first use) and the reusable result buffers.
#pragma once

#include "core/segmentation.h"
#include "core/segmenter.h"
#include "core/stop_signal.h"

namespace textsense::pg {

// Call outside run_core() before the first use of the state below: it
// registers the exit callback that frees it (a PostgreSQL call).
void prepare_backend_state();

// Call inside run_core(): creating the segmenter may throw.
Segmenter& backend_segmenter();

// Scratch result of the current call. Static storage: a longjmp out of the
// glue leaves it to be reused, never leaked.
Segmentation& backend_segmentation();

// Releases buffers that a huge document grew, so a pooled backend does not
// keep hundreds of megabytes after one large call. Does not throw.
void trim_backend_buffers() noexcept;

// Polls the backend's pending cancel / terminate flags (main thread only).
StopSignal interrupt_stop_signal();

}  // namespace textsense::pg
