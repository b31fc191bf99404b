// Sentence and word segmentation of UTF-8 text.
//
// One language at a time, from its profile (lang/profile.h): sentences come
// from ICU's sentence break rules for the profile's locale with CLDR's
// abbreviation suppressions ("Mr. Smith", "z.B. heute" are one sentence),
// applied by SentenceBreaker (sentence_breaker.h: ICU's boundaries without
// ICU's rule engine);
// words from ICU's word break iterator (dictionary-based for Chinese,
// Japanese, Thai, ...), with an exact ASCII fast path, plus URLs, e-mails,
// mentions and hashtags kept whole (special_spans.h) and the token rules of
// the language (token_rules.h).
// Blank text yields no sentence; a sentence always has at least one token.
//
// Long sentences. The sentence rules read 64 KiB of text at a time,
// starting at the current sentence (boundaries in a window's last 1 KiB
// are looked for again in the next window, or in one twice as long). When
// a window of 64 KiB holds no sentence end, the text up to a cut is taken
// as a sentence of its own: the cut is the last word start (after ASCII
// whitespace) between 32 KiB and 63 KiB into it, else the last character
// boundary there (text without spaces: CJK, one long "word"), never inside
// a URL, e-mail, mention or hashtag. So a 100 MB "sentence" is analysed as
// pieces of at most 64 KiB; every call into ICU and the word breaker is
// bounded and the stop signal is polled between windows, so a cancel is
// seen within milliseconds. Ordinary text (sentences shorter than 32 KiB)
// is segmented exactly as one pass of ICU over the whole text would.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "core/segment/segmentation.h"
#include "core/lang/profile.h"
#include "core/runtime/stop_signal.h"

namespace textsense::segment {

class Segmenter {
 public:
  // Throws IcuError if ICU's break iterator data cannot be loaded. The
  // profile is static data (lang::profiles()) and outlives the segmenter.
  explicit Segmenter(const lang::Profile& profile = lang::english());
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Replaces `out` with the segmentation of `utf8`. Throws InvalidUtf8Error
  // on ill-formed input, InputTooLargeError at 4 GiB - 1 or more, and
  // CancelledError when `stop` asks for it. Not thread-safe: one Segmenter
  // per thread. Reuses its own buffers and those of `out`.
  // Character offsets (what SQL reports) cost a pass over the text and
  // about 5 % of sentiment(), which reports none: with kBytesOnly they are
  // left 0.
  enum class Offsets { kBytesAndChars, kBytesOnly };
  void segment(std::string_view utf8, Segmentation& out, const runtime::StopSignal& stop = {},
               Offsets offsets = Offsets::kBytesAndChars);

  // segment() for a caller that consumes sentences as they are found and
  // keeps no positions (a document score): after each window (see "Long
  // sentences") `batch` holds that window's sentences, byte offsets only,
  // their sentence and token indexes counted from 0 within the batch, and
  // consume(batch) is called unless it is empty. The batches put together
  // are segment()'s result, so nothing ever holds more than a window's
  // tokens. Throws what segment() throws, and what `consume` throws.
  void segment_by_window(std::string_view utf8, Segmentation& batch,
                         const std::function<void(const Segmentation&)>& consume,
                         const runtime::StopSignal& stop = {});

  // Cuts `utf8` into chunks of about `target_bytes` for parallel work:
  // `starts` becomes the chunks' first bytes (starts[0] == 0; chunk i ends
  // where chunk i + 1 starts). Each cut is a sentence boundary where the
  // chunks segment independently exactly as the whole text does (offsets
  // aside), so per-chunk results put back in order equal the whole's. Text
  // without such a boundary stays one chunk. Throws InputTooLargeError,
  // CancelledError when `stop` asks for it (polled every window), and
  // IcuError if ICU's sentence iterator (made on first use) cannot be built.
  void find_chunk_starts(std::string_view utf8, std::size_t target_bytes,
                         std::vector<std::uint32_t>& starts, const runtime::StopSignal& stop = {});

  const lang::Profile& profile() const;

  // Testing hook: route every run through ICU alone, not split_words_ascii,
  // IcuWordBreaker::split_mixed or SentenceBreaker (the outputs must agree).
  void set_fast_paths(bool enabled);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace textsense::segment
