#include "core/common/utf8.h"

namespace textsense::utf8 {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

inline bool word_is_ascii(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return (w & kHighBits) == 0;
}

// 32 bytes with one test: text is mostly ASCII, and a branch per 8 bytes
// cost more than the loads (both functions below run on every document).
constexpr std::size_t kBlockBytes = 32;
inline bool block_is_ascii(const unsigned char* p) {
  std::uint64_t w[4];
  std::memcpy(w, p, sizeof w);
  return ((w[0] | w[1] | w[2] | w[3]) & kHighBits) == 0;
}

}  // namespace

bool is_ascii(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  for (; i + kBlockBytes <= n; i += kBlockBytes)
    if (!block_is_ascii(p + i)) return false;
  for (; i + 8 <= n; i += 8)
    if (!word_is_ascii(p + i)) return false;
  for (; i < n; ++i)
    if (p[i] & 0x80u) return false;
  return true;
}

std::size_t find_invalid(std::string_view s) {
  bool all_ascii;
  return find_invalid(s, all_ascii);
}

std::size_t find_invalid(std::string_view s, bool& all_ascii) {
  all_ascii = true;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (n - i >= kBlockBytes && block_is_ascii(p + i)) {
      i += kBlockBytes;
      continue;
    }
    if (n - i >= 8 && word_is_ascii(p + i)) {
      i += 8;
      continue;
    }
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    all_ascii = false;
    // Two-byte characters (Latin beyond ASCII, Greek, Cyrillic, Arabic,
    // Hebrew) come in runs: a word of them is checked in one tight loop.
    if (b >= 0xC2 && b <= 0xDF) {
      do {
        if (i + 1 >= n || (p[i + 1] & 0xC0u) != 0x80u) return i;
        i += 2;
      } while (i < n && p[i] >= 0xC2 && p[i] <= 0xDF);
      continue;
    }
    // So do three-byte characters (kana, Han, Hangul, full-width forms):
    // leads E1..EC, EE and EF take any continuation bytes.
    const auto plain_three = [](unsigned char lead) {
      return static_cast<unsigned char>(lead - 0xE1) < 12 || (lead & 0xFEu) == 0xEE;
    };
    if (plain_three(b)) {
      do {
        if (i + 2 >= n || (p[i + 1] & 0xC0u) != 0x80u || (p[i + 2] & 0xC0u) != 0x80u) return i;
        i += 3;
      } while (i < n && plain_three(p[i]));
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;       // overlong
      else if (b == 0xED) hi = 0x9F;  // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;       // overlong
      else if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;  // continuation byte, C0/C1 overlong lead, or F5..FF
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0u) != 0x80u) return i;
    i += len;
  }
  return kValid;
}

}  // namespace textsense::utf8
