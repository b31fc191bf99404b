// A small, fast, deterministic 64-bit hash for feature keys and model
// tables. The model files store these hashes, so the function is part of the
// model format: changing it requires a new format version (pos_model.h).
// Words are read 8 bytes at a time in little-endian order; the model loader
// rejects files on a big-endian host (the magic would not match).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace textsense::hashing {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
inline std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

inline std::uint64_t bytes(std::string_view s, std::uint64_t seed = 0) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = seed ^ (static_cast<std::uint64_t>(n) * kGolden);
  while (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ mix(v)) * kGolden;
    p += 8;
    n -= 8;
  }
  std::uint64_t v = 0;
  std::memcpy(&v, p, n);
  h = (h ^ mix(v ^ n)) * kGolden;
  return mix(h);
}

// Order-sensitive combination of a feature template id and up to two values.
inline std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
  return mix((a * kGolden) ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2)));
}
inline std::uint64_t combine(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return combine(combine(a, b), c);
}

}  // namespace textsense::hashing
