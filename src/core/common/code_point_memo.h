// A property of a code point (one byte), computed by ICU the first time
// it is asked for and read from a table ever after. For the look-ups the
// segmenter makes per character or per token outside the ranges it has
// tables for (CJK and fullwidth punctuation, emoji, typographic quotes):
// two to five ICU calls each time were a tenth of segmenting a Japanese
// tweet. Covers the BMP and U+1F000..U+1FFFF (emoji); other code points
// are computed every time. Thread-safe: the table's bytes are relaxed
// atomics, and two threads that compute one entry at once store the same
// byte. Only for objects of static storage duration, whose zero
// initialisation is the empty table: 128 KB that the process touches only
// where it asks.
#pragma once

#include <atomic>
#include <cstdint>

namespace textsense {

class CodePointMemo {
 public:
  // `compute(c)` must return the same value for the same c, below 255.
  template <typename Compute>
  std::uint8_t get(char32_t c, Compute compute) {
    std::atomic<std::uint8_t>* slot = slot_of(c);
    if (slot == nullptr) return compute(c);
    const std::uint8_t known = slot->load(std::memory_order_relaxed);
    if (known != 0) return static_cast<std::uint8_t>(known - 1);
    const std::uint8_t value = compute(c);
    slot->store(static_cast<std::uint8_t>(value + 1), std::memory_order_relaxed);
    return value;
  }

 private:
  std::atomic<std::uint8_t>* slot_of(char32_t c) {
    if (c < 0x10000) return &table_[c];
    if (c >= 0x1F000 && c < 0x20000) return &table_[0x10000 + (c - 0x1F000)];
    return nullptr;
  }
  std::atomic<std::uint8_t> table_[0x20000];  // value + 1; 0: not known yet
};

}  // namespace textsense
