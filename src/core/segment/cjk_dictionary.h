// Chinese and Japanese words exactly as ICU's word break iterator finds
// them, at a fraction of its cost.
//
// Text without spaces is cut into words by ICU's dictionary engine for
// Han, hiragana and katakana (CjkBreakEngine, icu4c dictbe.cpp): over each
// run of those characters it takes the cheapest split into words of ICU's
// word list (cjdict, a UCharsTrie whose values are word costs; unlisted
// characters cost 255 each, a katakana run of 1-8 characters has a cost of
// its own). Most of ICU's time around that search is overhead: a UTF-16
// copy and a normalisation check of every run, UText look-ups for every
// character, growing vectors, and a binary search of the trie's root (20,000
// first characters) at every position. CjkDictionary runs the same search
// over the same list (opened from ICU's own data, so the two cannot drift
// apart), with the trie state after each first character computed once.
// docs/architecture.md, "Chinese and Japanese words", says where it is used
// and how equality with ICU is checked (word_breaker_test, segmentation_fuzz).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace textsense::segment {

class CjkDictionary {
 public:
  // How a character relates to ICU's dictionary runs.
  enum CharClass : std::uint8_t {
    // Not part of a run, and no word-break rule joins it to a run's first
    // or last character: a boundary always separates the two.
    kOutside,
    // Part of a run: a character of the engine's set (Han, hiragana,
    // katakana, the prolonged sound marks) already in NFKC form (ICU
    // normalises a run that is not, and maps words back; such runs are left
    // to ICU).
    kRun,
    // Everything else that could join a run to what touches it: marks and
    // joiners that attach to the character before them (WB4), connector
    // punctuation and katakana-class symbols that rules WB13-WB13b join to
    // katakana, characters of the other dictionary scripts (Thai, Lao,
    // Khmer, Burmese), and engine characters not in NFKC form. Right
    // before or after a run, one leaves the whole stretch to ICU; away
    // from runs ("最高❤️", the variation selector after the heart), ICU
    // splits the text between the runs that holds it.
    kBlocking,
  };

  // The process's dictionary, opened from ICU's data and indexed on first
  // use (about 10 ms and 1 MB: the trie states of 16,000 first characters,
  // the pair filter, a class a character); nullptr when this ICU has no
  // such word list or it is not in the layout read here, and then ICU does
  // all the work.
  static const CjkDictionary* shared();

  CjkDictionary(const CjkDictionary&) = delete;
  CjkDictionary& operator=(const CjkDictionary&) = delete;
  ~CjkDictionary();

  CharClass classify(char32_t c) const {
    return c < 0x10000 ? static_cast<CharClass>(bmp_flags_[c] & kClassMask)
                       : classify_supplementary(c);
  }

  // A run character that makes a word of any piece it starts: a letter
  // (general category L), no emoji (classify_unicode() says kWord).
  bool starts_word(char32_t c) const {
    return c < 0x10000 ? (bmp_flags_[c] & kStartsWord) != 0 : supplementary_starts_word(c);
  }

  // What ICU does with a character outside runs, when every character
  // around it is a run's or also one of these: kAlone, a piece of its own
  // (word-break class Other: CJK and ASCII punctuation, symbols, emoji
  // without modifiers or joiners); kSpace, nothing (a WSegSpace such as
  // U+3000, trimmed away); kAny, ask ICU (supplementary characters too).
  enum Outside : std::uint8_t { kAny = 0, kAlone = 0x10, kSpace = 0x20 };
  Outside outside(char32_t c) const {
    return c < 0x10000 ? static_cast<Outside>(bmp_flags_[c] & (kAlone | kSpace)) : kAny;
  }

  // False when `utf8` (well-formed) surely holds no run character, read
  // from its bytes alone: the test split_mixed() makes of every stretch
  // with an emoji or a letter beyond Latin, Cyrillic and Arabic, where
  // classifying each code point (emoji through ICU's property look-ups)
  // cost English and Russian tweets 5 %. Run characters are Han and kana:
  // U+2E80..U+9FFF (E2 with a second byte from BA, E3..E9), U+F900..U+FAFF
  // and U+FF00..U+FFEF (EF with a second byte A4..AB or BC..BF), and planes
  // 1-3 without U+1F000..U+1FFFF (F0 with a second byte other than 9F);
  // shared() checks that ICU's sets agree. The general punctuation of
  // English text (U+2013, U+2019, U+201C: E2 80) and the emoji variation
  // selector (U+FE0F: EF B8) are not run characters: loading the
  // dictionary for them cost a process 75M instructions.
  static bool may_hold_run(std::string_view utf8) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n; ++i) {
      const unsigned char b = p[i];
      if (b < 0xE2) continue;
      if (i + 1 == n) return b <= 0xF0;  // cut short: not well-formed
      const unsigned char second = p[i + 1];
      if (b == 0xE2   ? second >= 0xBA
          : b <= 0xE9 ? true
          : b == 0xEF ? (second >= 0xA4 && second <= 0xAB) || second >= 0xBC
                      : b == 0xF0 && second != 0x9F)
        return true;
    }
    return false;
  }

  // Reused buffers of divide(): one per thread.
  struct Scratch {
    std::vector<std::uint32_t> cost;  // [i]: cheapest split of run[0, i)
    std::vector<std::uint32_t> from;  // [i]: where its last word starts
  };

  // Splits run[0, n) (n >= 1 characters, each of class kRun: one whole
  // run, as ICU's engine receives it) and appends the end of each word, in
  // characters from the start, to `ends` (increasing; the last is n).
  void divide(const char32_t* run, std::size_t n, Scratch& scratch,
              std::vector<std::uint32_t>& ends) const;

 private:
  struct Impl;
  static std::unique_ptr<Impl> open();
  explicit CjkDictionary(std::unique_ptr<Impl> impl);
  CharClass classify_supplementary(char32_t c) const;
  bool supplementary_starts_word(char32_t c) const;

  // Per BMP code point: its CharClass (low bits), kStartsWord, and its
  // Outside value.
  static constexpr std::uint8_t kClassMask = 0x03;
  static constexpr std::uint8_t kStartsWord = 0x04;

  std::unique_ptr<Impl> impl_;
  const std::uint8_t* bmp_flags_;  // U+0000..U+FFFF (in impl_)
};

}  // namespace textsense::segment
