// Per-backend state of the extension: the document pipeline (ICU-backed
// segmenters, analyzers and taggers, made on first use, and the reusable
// result buffers), the thread pool it splits large documents across (made
// on the first call that can use it, never at load time), and the
// memory-mapped tagger model and sentiment lexicon (all backends share
// their pages through the page cache).
#pragma once

#include <cstdint>
#include <vector>

#include "core/lang/code.h"
#include "core/lang/installed.h"
#include "core/runtime/document_pipeline.h"
#include "core/runtime/multilingual.h"
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

// The directory of the installed model files, "<share>/textsense" (found
// by prepare_backend_state()).
const char* model_directory();

// What is installed there (scanned once per backend, inside run_core();
// refresh_installed_models() scans again, e.g. after an explicit language
// was not found, so a pack installed meanwhile is seen without reconnect).
const lang::InstalledModels& installed_models();
void refresh_installed_models();

// Call inside run_core(): the model of (kind, language), mapped and
// validated on first use (it may throw ModelError) and kept for the
// backend's lifetime, one per (kind, language).
const pos::PosModel& backend_pos_model(lang::Code language);
const sentiment::Lexicon& backend_sentiment_lexicon(lang::Code language);

// The header of the (kind, language) model this backend has mapped, or
// nullptr when no call has loaded it yet. Never loads anything.
const model::FilePrefix* loaded_model_prefix(lang::ModelKind kind, lang::Code language);

// The same models as a runtime::ModelSource (inside run_core()).
runtime::ModelSource backend_model_source();

// Scratch tags of pos_tag(text[]) (static storage, reused).
std::vector<std::uint8_t>& backend_tags();

// Polls the backend's pending cancel / terminate flags (main thread only).
runtime::StopSignal interrupt_stop_signal();

}  // namespace textsense::pg
