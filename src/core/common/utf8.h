// Minimal UTF-8 helpers: validation (strict, as PostgreSQL's), decoding one
// code point, and counting code points. Header-only because they sit on hot
// paths of the segmenter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace textsense::utf8 {

inline constexpr std::size_t kValid = static_cast<std::size_t>(-1);

// Returns kValid if `s` is well-formed UTF-8, else the offset of the first
// byte of the first ill-formed sequence. Rejects overlong forms, surrogates
// and code points above U+10FFFF (RFC 3629). Runs 8 bytes at a time over
// ASCII, which dominates real text.
std::size_t find_invalid(std::string_view s);
// The same, and whether `s` is all ASCII (meaningful when it is valid): the
// segmenter's check and its ASCII test in one pass.
std::size_t find_invalid(std::string_view s, bool& all_ascii);

// True when every byte is below 0x80.
bool is_ascii(std::string_view s);

// True for the bytes that continue a multi-byte sequence (10xxxxxx): a
// position holding one is not a code point boundary.
inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point starting at s[i] (which must be valid UTF-8) and
// advances i past it.
inline char32_t decode(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char b = p[i];
  if (b < 0x80) {
    ++i;
    return b;
  }
  if (b < 0xE0) {
    char32_t c = ((b & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
    i += 2;
    return c;
  }
  if (b < 0xF0) {
    char32_t c = ((b & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    i += 3;
    return c;
  }
  char32_t c = ((b & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) |
               (p[i + 3] & 0x3Fu);
  i += 4;
  return c;
}

// Decodes the code point that ends just before s[i] and moves i to its
// first byte.
inline char32_t decode_before(std::string_view s, std::size_t& i) {
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0u) == 0x80u) --start;
  std::size_t j = start;
  i = start;
  return decode(s, j);
}

// Number of code points in s (s must be valid UTF-8).
inline std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0u) != 0x80u;
  return n;
}

}  // namespace textsense::utf8
