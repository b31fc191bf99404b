// Sentence boundaries of UTF-8 text, exactly where ICU's sentence iterator
// for a locale puts them (UAX #29 sentence rules, then CLDR's "ss=standard"
// suppressions: no break after "Mr." or "U.S."), without ICU's rule
// engine. On a tweet ICU's iterator cost a fifth of sentiment(); here most
// bytes are letters that one table look-up passes over, and only '.', '!',
// '?', line ends and non-ASCII characters are looked at more closely.
//
// Exact by construction where it can be and by test where it cannot:
//   * every character's Sentence_Break class is ICU's
//     (u_getIntPropertyValue), not written down here;
//   * the suppressions are the locale's CLDR list as ICU loads it
//     (brkitr/<locale>.res, exceptions/SentenceBreak), kept in ICU's own
//     tries built as ICU's FilteredBreakIteratorBuilder builds them, and
//     matched as its filtered iterator matches them;
//   * the rules themselves (SB3-SB11) are checked against ICU's iterator
//     by test/sentence_breaker_test.cpp (every profile; hand-made, random
//     and corpus text in every script of the language packs) and by
//     fuzz/segmentation_fuzz.cpp (the segmenter with and without it).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace textsense::segment {

struct SentenceClassTables;

class SentenceBreaker {
 public:
  // No more boundaries (icu::BreakIterator::DONE).
  static constexpr std::int32_t kDone = -1;

  // `icu_locale` as for ICU ("en@ss=standard"); the suppressions apply when
  // it asks for them, as with ICU. Throws IcuError when ICU's data cannot
  // be read.
  explicit SentenceBreaker(const char* icu_locale);
  ~SentenceBreaker();
  SentenceBreaker(const SentenceBreaker&) = delete;
  SentenceBreaker& operator=(const SentenceBreaker&) = delete;

  // Starts on `utf8` (well-formed; it must stay alive), at 0.
  void set_text(std::string_view utf8);
  // The next boundary after the current position, as icu::BreakIterator::
  // next() on a UTF-8 UText: byte offsets into the text, ascending, the
  // last one its size; then kDone.
  std::int32_t next();

 private:
  struct Suppressions;
  struct Unit;

  // The class of the code point at `i` and its length in bytes.
  std::uint8_t class_at(std::int32_t i, std::int32_t& length) const;
  // The code point at `i` with what SB5 attaches to it.
  Unit unit_at(std::int32_t i) const;
  // The class of the unit that ends at `i`.
  std::uint8_t class_before(std::int32_t i) const;
  // The next UAX #29 boundary after `from` (no suppressions).
  std::int32_t next_rule_boundary(std::int32_t from) const;
  // Whether CLDR's list suppresses the boundary at `at` (not the text's end).
  bool suppressed(std::int32_t at) const;

  // Past the characters from `i` on that no rule needs to look at.
  std::int32_t skip_plain(std::int32_t i) const;
  static std::int32_t next_wide_stop_candidate(const unsigned char* s, std::int32_t i,
                                               std::int32_t n);

  const SentenceClassTables* tables_ = nullptr;  // shared, built once a process
  // Bytes the scan must stop at: line ends, ASCII terminators, and the
  // lead bytes of non-ASCII code points (decoded to decide). Derived from
  // the shared tables but kept here, next to the text: read from the shared
  // tables it cost 0.5 % more instructions on tweets.
  bool stop_byte_[256] = {};
  // The ASCII stop bytes are among the line ends and terminators that
  // skip_plain() looks for 16 bytes at a time (true with every ICU we know;
  // checked when the breaker is made).
  bool wide_skip_ = false;
  std::unique_ptr<Suppressions> suppressions_;  // null: none
  std::string_view text_;
  std::int32_t position_ = 0;
};

}  // namespace textsense::segment
