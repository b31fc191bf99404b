// A language code as a small value: ISO 639-1 ("en", "zh"), or up to seven
// characters for the few without one; empty means "no language". Fits in a
// register, compares by value, and needs no allocation per sentence.
#pragma once

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
  std::string_view view() const { return std::string_view(bytes_, std::strlen(bytes_)); }
  const char* c_str() const { return bytes_; }
  bool empty() const { return bytes_[0] == '\0'; }
  friend bool operator==(const Code& a, const Code& b) {
    return std::memcmp(a.bytes_, b.bytes_, sizeof a.bytes_) == 0;
  }
  friend bool operator!=(const Code& a, const Code& b) { return !(a == b); }

  static constexpr std::size_t kMax = 7;

 private:
  char bytes_[kMax + 1] = {};
};

}  // namespace textsense::lang
