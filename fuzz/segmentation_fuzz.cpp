// libFuzzer target: sentence and word segmentation (Segmenter, the ASCII
// word-break automaton, IcuWordBreaker) over arbitrary bytes, invalid UTF-8
// included. The whole input is the document; its first byte also picks the
// options below, so every input is a valid test case.
//
// Checks (any failure aborts, i.e. is a crash for libFuzzer):
//   * ill-formed UTF-8 throws InvalidUtf8Error at utf8::find_invalid()'s
//     offset, and nothing else; well-formed UTF-8 never throws;
//   * the segmentation's structure (fuzz_util.h: ordered, disjoint spans
//     inside the document, on code point boundaries, with correct
//     character offsets, every sentence non-empty and owning its tokens);
//   * the fast paths and ICU alone give the same segmentation
//     (Segmenter::set_fast_paths), split_words_ascii() the same word
//     boundaries as IcuWordBreaker::split() on ASCII text, and split_mixed()
//     (which splits runs of Han and kana with CjkDictionary) the same as
//     split() on any text;
//   * segmenting twice with the same (warm) segmenter gives the same result,
//     and Offsets::kBytesOnly the same byte spans (character offsets 0);
//   * find_chunk_starts(): starts[0] == 0, strictly increasing, on code
//     point boundaries, and each chunk segmented alone equals the whole
//     document's segmentation of that range (offsets shifted), which is what
//     DocumentPipeline relies on to analyse chunks in parallel. One input in
//     64 is also repeated past 64 KiB, so that the cut search slides its
//     window (there only the cuts themselves are checked).
// Plus AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/errors.h"
#include "core/segment/segmenter.h"
#include "core/common/utf8.h"
#include "core/segment/word_breaker.h"
#include "fuzz_util.h"

namespace {

using namespace textsense;

segment::Segmenter* fast_segmenter;  // ASCII fast path on (the default)
segment::Segmenter* icu_segmenter;   // everything through ICU
segment::IcuWordBreaker* word_breaker;

void check_word_breakers(std::string_view doc, std::uint8_t options) {
  if (!utf8::is_ascii(doc)) {
    // The whole text as one run: ICU alone, and split_mixed (ICU only on
    // the whitespace-separated stretches that are not ASCII) must agree.
    std::vector<segment::ByteRange> icu, mixed;
    word_breaker->split(doc, 0, static_cast<std::uint32_t>(doc.size()), icu);
    word_breaker->split_mixed(doc, 0, static_cast<std::uint32_t>(doc.size()), mixed);
    FUZZ_CHECK(icu.size() == mixed.size());
    std::uint32_t floor = 0;
    for (std::size_t i = 0; i < icu.size(); ++i) {
      const segment::ByteRange& r = icu[i];
      FUZZ_CHECK(r.begin == mixed[i].begin && r.end == mixed[i].end);
      FUZZ_CHECK(r.begin >= floor && r.begin < r.end && r.end <= doc.size());
      floor = r.end;
    }
    return;
  }
  // Any sub-range of ASCII text is a valid run.
  const std::uint32_t n = static_cast<std::uint32_t>(doc.size());
  const std::uint32_t begin = n == 0 ? 0 : (options * 7u) % (n + 1);
  const std::uint32_t end = n - (n - begin == 0 ? 0 : (options * 13u) % (n - begin + 1));
  std::vector<segment::ByteRange> ascii, icu;
  segment::split_words_ascii(doc, begin, end, ascii);
  word_breaker->split(doc, begin, end, icu);
  FUZZ_CHECK(ascii.size() == icu.size());
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    FUZZ_CHECK(ascii[i].begin == icu[i].begin && ascii[i].end == icu[i].end);
    FUZZ_CHECK(ascii[i].begin >= begin && ascii[i].begin < ascii[i].end && ascii[i].end <= end);
  }
}

// Each chunk of `whole` (the segmentation of `doc`) must segment alone as
// the whole does over its range.
void check_chunks(std::string_view doc, const segment::Segmentation& whole,
                  std::size_t target_bytes) {
  std::vector<std::uint32_t> starts;
  fast_segmenter->find_chunk_starts(doc, target_bytes, starts);
  FUZZ_CHECK(!starts.empty() && starts[0] == 0);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    FUZZ_CHECK(starts[i] > starts[i - 1] && starts[i] < doc.size());
    FUZZ_CHECK((static_cast<unsigned char>(doc[starts[i]]) & 0xC0u) != 0x80u);
  }
  if (starts.size() < 2) return;
  segment::Segmentation part;
  std::size_t sentence = 0, token = 0;
  std::uint32_t chars = 0;
  for (std::size_t c = 0; c < starts.size(); ++c) {
    const std::uint32_t begin = starts[c];
    const std::uint32_t end =
        c + 1 < starts.size() ? starts[c + 1] : static_cast<std::uint32_t>(doc.size());
    fast_segmenter->segment(doc.substr(begin, end - begin), part);
    for (const segment::Sentence& s : part.sentences) {
      FUZZ_CHECK(sentence < whole.sentences.size());
      const segment::Sentence& w = whole.sentences[sentence];
      FUZZ_CHECK(w.span.byte_begin == s.span.byte_begin + begin);
      FUZZ_CHECK(w.span.byte_length == s.span.byte_length);
      FUZZ_CHECK(w.span.char_begin == s.span.char_begin + chars);
      FUZZ_CHECK(w.span.char_length == s.span.char_length);
      FUZZ_CHECK(w.first_token == s.first_token + token);
      FUZZ_CHECK(w.token_count == s.token_count);
      ++sentence;
    }
    for (const segment::Token& t : part.tokens) {
      FUZZ_CHECK(token < whole.tokens.size());
      const segment::Token& w = whole.tokens[token];
      FUZZ_CHECK(w.span.byte_begin == t.span.byte_begin + begin);
      FUZZ_CHECK(w.span.byte_length == t.span.byte_length);
      FUZZ_CHECK(w.span.char_begin == t.span.char_begin + chars);
      FUZZ_CHECK(w.kind == t.kind);
      ++token;
    }
    chars += static_cast<std::uint32_t>(utf8::count_code_points(doc.substr(begin, end - begin)));
  }
  FUZZ_CHECK(sentence == whole.sentences.size());
  FUZZ_CHECK(token == whole.tokens.size());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fast_segmenter = new segment::Segmenter();
  icu_segmenter = new segment::Segmenter();
  icu_segmenter->set_fast_paths(false);
  word_breaker = new segment::IcuWordBreaker();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::uint8_t options = size > 0 ? data[0] : 0;
  const std::size_t bad = utf8::find_invalid(input);

  segment::Segmentation seg;
  try {
    fast_segmenter->segment(input, seg);
    FUZZ_CHECK(bad == utf8::kValid);
  } catch (const InvalidUtf8Error& e) {
    FUZZ_CHECK(bad != utf8::kValid);
    FUZZ_CHECK(e.byte_offset() == bad);
    // The chunk search must cope with bad bytes too (the pipeline cuts
    // before it segments); its result does not matter here.
    std::vector<std::uint32_t> starts;
    fast_segmenter->find_chunk_starts(input, 1 + options % 64, starts);
    FUZZ_CHECK(!starts.empty() && starts[0] == 0);
    return 0;
  }
  fuzz::check_segmentation(input, seg);
  FUZZ_CHECK(input.find_first_not_of(" \t\n\v\f\r") != std::string_view::npos ||
             seg.sentences.empty());

  segment::Segmentation through_icu;
  icu_segmenter->segment(input, through_icu);
  FUZZ_CHECK(fuzz::same_segmentation(seg, through_icu));

  segment::Segmentation again;
  fast_segmenter->segment(input, again);
  FUZZ_CHECK(fuzz::same_segmentation(seg, again));

  // Without character offsets (what sentiment() asks for): the same byte
  // spans, character offsets left 0.
  fast_segmenter->segment(input, again, {}, segment::Segmenter::Offsets::kBytesOnly);
  FUZZ_CHECK(again.sentences.size() == seg.sentences.size());
  FUZZ_CHECK(again.tokens.size() == seg.tokens.size());
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& x = seg.tokens[i];
    const segment::Token& y = again.tokens[i];
    FUZZ_CHECK(x.span.byte_begin == y.span.byte_begin && x.span.byte_length == y.span.byte_length);
    FUZZ_CHECK(x.sentence == y.sentence && x.kind == y.kind);
    FUZZ_CHECK(y.span.char_begin == 0 && y.span.char_length == 0);
  }
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    const segment::Sentence& x = seg.sentences[i];
    const segment::Sentence& y = again.sentences[i];
    FUZZ_CHECK(x.span.byte_begin == y.span.byte_begin && x.span.byte_length == y.span.byte_length);
    FUZZ_CHECK(x.first_token == y.first_token && x.token_count == y.token_count);
  }

  check_word_breakers(input, options);
  check_chunks(input, seg, 1 + (options >> 2) % 48);

  if ((options & 0x3F) == 0x3F && !input.empty()) {
    // Past the 64 KiB window of find_chunk_starts(), so that the search
    // slides its window when it finds no cut. Only the cuts' own contract
    // is checked here: segmenting 64 KiB under the fuzzer's instrumentation
    // takes tens of milliseconds, and the inputs that reach this branch
    // would soon fill the corpus.
    std::string big;
    while (big.size() < 66 * 1024) big.append(input).push_back(' ');
    std::vector<std::uint32_t> starts;
    fast_segmenter->find_chunk_starts(big, 1000 + options * 97u, starts);
    FUZZ_CHECK(!starts.empty() && starts[0] == 0);
    for (std::size_t i = 1; i < starts.size(); ++i) {
      FUZZ_CHECK(starts[i] > starts[i - 1] && starts[i] < big.size());
      FUZZ_CHECK((static_cast<unsigned char>(big[starts[i]]) & 0xC0u) != 0x80u);
    }
  }
  return 0;
}
