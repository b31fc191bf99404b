// Building blocks of the model file writers (pos_model, sentiment_lexicon):
// sections are appended to one byte string at 64-byte boundaries, so a
// mapped file's tables are cache-line aligned.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace textsense::model {

constexpr std::size_t kAlign = 64;

// `n` rounded up to the next section boundary.
inline std::uint64_t aligned(std::uint64_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

inline void pad_to_alignment(std::string& out) { out.resize(aligned(out.size()), '\0'); }

// Appends `items` at the next aligned offset and returns that offset.
template <typename T>
std::uint64_t append_array(std::string& out, const std::vector<T>& items) {
  pad_to_alignment(out);
  const std::uint64_t offset = out.size();
  out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
  return offset;
}

}  // namespace textsense::model
