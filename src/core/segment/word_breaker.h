// Word boundaries inside one run of text that holds no URL, e-mail, mention
// or hashtag. Two implementations with identical output:
//   * IcuWordBreaker: ICU's rule-based word break iterator (UAX #29 with
//     dictionaries for Chinese, Japanese, Thai, Khmer, Lao, Burmese);
//   * split_words_ascii: a hand-written automaton for pure-ASCII runs that
//     reproduces ICU's boundaries exactly (word_breaker_test checks this on
//     random strings and on a treebank) at several times ICU's speed.
// Whitespace and control characters are dropped: only non-blank pieces are
// appended.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace textsense::segment {

struct ByteRange {
  std::uint32_t begin;
  std::uint32_t end;
  // False when the piece surely holds no apostrophe (' or U+2019):
  // split_words_ascii knows, having joined its letters across any; the
  // other paths leave it true. Spares the language's word-splitting hook
  // (clitics, elision) a pass over every word.
  bool may_have_apostrophe = true;
  // The piece is letters, digits and marks of an alphabetic script, all
  // below U+0700 (split_mixed() found it without ICU): it can be no emoji.
  bool alphabetic = false;
  // The piece is a word of a Chinese or Japanese run that starts with a
  // letter (CjkDictionary::starts_word): classify_segment() would say kWord.
  bool word = false;
};

// Appends a piece with its fields written in place. push_back({...}) built
// the piece on the stack a field at a time and copied it as whole words,
// and a word load over a byte just stored stalls store forwarding: with
// the same pattern for tokens, 9 % of sentiment()'s time in SQL.
inline void append_piece(std::vector<ByteRange>& out, std::uint32_t begin, std::uint32_t end,
                         bool may_have_apostrophe = true, bool alphabetic = false) {
  ByteRange& r = out.emplace_back();
  r.begin = begin;
  r.end = end;
  r.may_have_apostrophe = may_have_apostrophe;
  r.alphabetic = alphabetic;
}

// Appends the non-blank word-break segments of doc[begin, end) to `out`.
// doc[begin, end) must be ASCII.
void split_words_ascii(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                       std::vector<ByteRange>& out);

// Not thread-safe: each thread owns its own instance (ICU break iterators
// keep per-text state).
class IcuWordBreaker {
 public:
  IcuWordBreaker();
  ~IcuWordBreaker();
  IcuWordBreaker(const IcuWordBreaker&) = delete;
  IcuWordBreaker& operator=(const IcuWordBreaker&) = delete;

  // Same contract as split_words_ascii, for any valid UTF-8.
  void split(std::string_view doc, std::uint32_t begin, std::uint32_t end,
             std::vector<ByteRange>& out);

  // The same output as split(), faster on mostly-ASCII text ("the café was
  // great 😍"): ASCII whitespace always separates words (no word-break rule
  // joins across it, and blanks are dropped), so each stretch between it is
  // split on its own: pure-ASCII stretches by split_words_ascii, runs of
  // Han and kana by ICU's dictionary search done here (cjk_dictionary.h),
  // the rest by ICU. A combining mark, format character or ZWJ right after
  // whitespace, which rule WB4 attaches to that whitespace, ends up alone
  // either way once the blank is trimmed. word_breaker_test compares the
  // two on random mixed-script strings that include these.
  void split_mixed(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                   std::vector<ByteRange>& out);

 private:
  // split() for a stretch without ASCII whitespace that holds Chinese or
  // Japanese: the runs of Han and kana by CjkDictionary (ICU's own search
  // over ICU's word list, without its overhead), the rest by ICU. False,
  // with nothing appended, when the stretch has no such run or holds a
  // character that a word-break rule could join to one (cjk_dictionary.h).
  bool split_dictionary_runs(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                             std::vector<ByteRange>& out);
  // Shows ICU's iterator Han once, before any text that may hold a run
  // (word_breaker.cpp says why).
  void warm_up();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace textsense::segment
