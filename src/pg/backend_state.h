// Per-backend state of the extension: the ICU-backed segmenter (costly to
// create, so made once, on first use), the memory-mapped tagger model and
// sentiment lexicon (all backends share their pages through the page cache)
// and the reusable result buffers.
#pragma once

#include <cstdint>
#include <vector>

#include "core/pos_tagger.h"
#include "core/segmentation.h"
#include "core/segmenter.h"
#include "core/sentiment_analyzer.h"
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

// The installed part-of-speech model file for `language` ("en"), under the
// server's share directory. Call outside run_core(); returns a pointer to
// static storage.
const char* pos_model_path(const char* language);

// Call inside run_core(): maps and validates the model at `path` on first
// use (it may throw ModelError) and keeps it for the backend's lifetime.
pos::PosTagger& backend_tagger(const char* path);

// Scratch tags of the current call (static storage, reused).
std::vector<std::uint8_t>& backend_tags();

// The installed sentiment lexicon file for `language` ("en"), under the
// server's share directory. Call outside run_core(); returns a pointer to
// static storage.
const char* sentiment_lexicon_path(const char* language);

// Call inside run_core(): maps and validates the lexicon at `path` on first
// use (it may throw ModelError) and keeps it for the backend's lifetime,
// with one analyzer over it (trim_backend_buffers() may drop the analyzer
// to free its scratch; the next call makes a new one).
sentiment::Analyzer& backend_sentiment_analyzer(const char* path);

// Scratch sentence and token results of the current call (static storage,
// reused).
std::vector<sentiment::SentenceSentiment>& backend_sentence_sentiments();
std::vector<sentiment::TokenSentiment>& backend_token_sentiments();

// Polls the backend's pending cancel / terminate flags (main thread only).
StopSignal interrupt_stop_signal();

}  // namespace textsense::pg
