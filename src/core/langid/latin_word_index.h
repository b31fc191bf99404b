// Lookup of a lower-case Latin-script word: which of the seven main
// languages' function-word lists hold it, in which tier (word_lists.h), and
// whether it is one of the most frequent English words
// (english_vocabulary.h). Its tables are computed when textsense is built
// (latin_word_table_builder.h, tools/generate_latin_word_table.cpp) and
// compiled in as read-only data: nothing to build when a process starts,
// and the pages are shared by every backend. Read-only, so any number of
// threads may share it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/langid/word_lists.h"

namespace textsense::langid {

struct WordMembership {
  std::uint8_t top = 0;            // bit l: in language l's `top` list
  std::uint8_t common = 0;         // bit l: in language l's `common` list (and not its top)
  bool frequent_english = false;   // in the English vocabulary (either list)
  bool english_sentiment = false;  // in its sentiment words (seldom a name)
  // In a function-word list.
  bool any() const { return (top | common) != 0; }
};

class LatinWordIndex {
 public:
  // No listed word is longer (the constructor checks); longer words are in
  // no list.
  static constexpr std::size_t kMaxWordBytes = 16;

  // A word of at most kMaxWordBytes bytes as two integers: its bytes in
  // order, zero-padded (no word holds a zero byte, so the key is the word).
  // Two integer compares make a probe cheap on the hot path of
  // scan_function_words().
  struct Key {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
  };
  // `word` must be at most kMaxWordBytes long.
  static Key key_of(std::string_view word) {
    char padded[kMaxWordBytes] = {};
    std::memcpy(padded, word.data(), word.size());
    Key key;
    std::memcpy(&key.low, padded, 8);
    std::memcpy(&key.high, padded + 8, 8);
    return key;
  }

  // The index of the compiled-in lists, built on first use.
  static const LatinWordIndex& shared();

  WordMembership find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWordBytes) return {};
    return find(key_of(word));
  }

  // Words of up to 8 bytes (most words of any text) have a zero high half
  // and live in a table of 8-byte keys: 256 KB for 22,000 words, so that
  // the common words stay in the CPU's cache; longer words have their own.
  WordMembership find(const Key& key) const { return unpack(find_bits(key)); }

  // The membership as stored, for the scan's hot loop: bits 0-6 the
  // languages listing the word (`top` or `common`), 7 frequent_english,
  // 8 english_sentiment, 9-15 `top`. The low nine bits are what the scan
  // counts a word by (fast_path.cpp: WordEvidence), with no shifting.
  std::uint16_t find_bits(const Key& key) const {
    if (key.high == 0) {
      for (std::size_t i = short_.home(key.low, 0);; i = (i + 1) & short_.mask) {
        const std::uint64_t k = short_.keys[i];
        if (k == key.low) return short_.members[i];
        if (k == 0) return 0;
      }
    }
    for (std::size_t i = long_.home(key.low, key.high);; i = (i + 1) & long_.mask) {
      const Key& k = long_.keys[i];
      if (k.low == key.low && k.high == key.high) return long_.members[i];
      if (k.low == 0) return 0;
    }
  }
  static constexpr std::uint16_t kFrequentEnglishBit = 1u << 7;
  static constexpr std::uint16_t kEnglishSentimentBit = 1u << 8;
  static constexpr int kTopShift = 9;
  static constexpr std::uint16_t kEvidenceBits = 0x1FF;

  // Open addressing with linear probing, at most three quarters full; an
  // empty slot has a zero key. Keys and memberships apart: a probe reads
  // keys only.
  template <typename K>
  struct Table {
    const K* keys = nullptr;
    const std::uint16_t* members = nullptr;
    std::size_t mask = 0;  // capacity - 1 (a power of 2)
    int shift = 64;        // 64 - log2(capacity)
    // Multiply-shift: the top bits of the products mix every byte.
    std::size_t home(std::uint64_t low, std::uint64_t high) const {
      return static_cast<std::size_t>(
          ((low * 0x9E3779B97F4A7C15ull) ^ (high * 0xC2B2AE3D27D4EB4Full)) >> shift);
    }
  };

  // An index over tables someone else owns: the generated read-only tables
  // (shared()), or a LatinWordTables (latin_word_table_builder.h).
  LatinWordIndex(Table<std::uint64_t> short_words, Table<Key> long_words)
      : short_(short_words), long_(long_words) {}

 private:
  // A WordMembership in 16 bits: top, common, frequent English, sentiment.
  static WordMembership unpack(std::uint16_t bits) {
    WordMembership m;
    m.top = static_cast<std::uint8_t>((bits >> kTopShift) & 0x7F);
    m.common = static_cast<std::uint8_t>(bits & 0x7F & ~m.top);
    m.frequent_english = (bits & kFrequentEnglishBit) != 0;
    m.english_sentiment = (bits & kEnglishSentimentBit) != 0;
    return m;
  }

  Table<std::uint64_t> short_;
  Table<Key> long_;
};

}  // namespace textsense::langid
