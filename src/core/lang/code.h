// A language code as a small value: ISO 639-1 ("en", "zh"), or up to seven
// characters for the few without one; empty means "no language". Fits in a
// register, compares by value, and needs no allocation per sentence.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace textsense::lang {

class Code {
 public:
  Code() = default;
  // Truncates beyond kMax characters (no real code is that long).
  explicit Code(std::string_view s) {
    const std::size_t n = s.size() < kMax ? s.size() : kMax;
    std::memcpy(bytes_, s.data(), n);
  }
  // The length from the bytes as one integer (the first NUL byte), not
  // strlen(): a view is taken for every text scored (the lexicon and the
  // profile of its language).
  std::string_view view() const {
    std::uint64_t v;
    std::memcpy(&v, bytes_, sizeof v);
    constexpr std::uint64_t kSeven = 0x7F7F7F7F7F7F7F7Full;
    const std::uint64_t nul = ~(((v & kSeven) + kSeven) | v | kSeven);  // high bit: byte is 0
    return std::string_view(bytes_, static_cast<std::size_t>(__builtin_ctzll(nul)) / 8);
  }
  const char* c_str() const { return bytes_; }
  bool empty() const { return bytes_[0] == '\0'; }
  friend bool operator==(const Code& a, const Code& b) {
    return std::memcmp(a.bytes_, b.bytes_, sizeof a.bytes_) == 0;
  }
  friend bool operator!=(const Code& a, const Code& b) { return !(a == b); }

  static constexpr std::size_t kMax = 7;  // bytes_[kMax] is always NUL

 private:
  char bytes_[kMax + 1] = {};
};

}  // namespace textsense::lang
