// Per-backend state of the extension: the document pipeline (ICU-backed
// segmenters, analyzers and taggers, made on first use, and the reusable
// result buffers), the thread pool it splits large documents across (made
// on the first call that can use it, never at load time), and the
// memory-mapped tagger model and sentiment lexicon (all backends share
// their pages through the page cache).
#pragma once

#include <cstdint>
#include <vector>

#include "core/runtime/document_pipeline.h"
#include "core/pos/model.h"
#include "core/sentiment/lexicon.h"
#include "core/runtime/stop_signal.h"
#include "pg/settings.h"

namespace textsense::pg {

// Call outside run_core() before the first use of the state below: it
// registers the exit callback that frees it (a PostgreSQL call).
void prepare_backend_state();

// Call inside run_core(): the backend's pipeline, set up for one document
// of `doc_bytes` under `settings`. The pool is created (or resized after a
// change of textsense.max_threads) only when this document will use it.
runtime::DocumentPipeline& backend_pipeline(const CallSettings& settings, std::size_t doc_bytes);

// Releases buffers that a huge document grew, so a pooled backend does not
// keep hundreds of megabytes after one large call. Does not throw.
void trim_backend_buffers() noexcept;

// The installed part-of-speech model file for `language` ("en"), under the
// server's share directory. Call outside run_core(); returns a pointer to
// static storage.
const char* pos_model_path(const char* language);

// Call inside run_core(): maps and validates the model at `path` on first
// use (it may throw ModelError) and keeps it for the backend's lifetime.
const pos::PosModel& backend_pos_model(const char* path);

// Scratch tags of pos_tag(text[]) (static storage, reused).
std::vector<std::uint8_t>& backend_tags();

// The installed sentiment lexicon file for `language` ("en"), under the
// server's share directory. Call outside run_core(); returns a pointer to
// static storage.
const char* sentiment_lexicon_path(const char* language);

// Call inside run_core(): maps and validates the lexicon at `path` on first
// use (it may throw ModelError) and keeps it for the backend's lifetime.
const sentiment::Lexicon& backend_sentiment_lexicon(const char* path);

// Polls the backend's pending cancel / terminate flags (main thread only).
runtime::StopSignal interrupt_stop_signal();

}  // namespace textsense::pg
