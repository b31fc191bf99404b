#include "core/langid/detection_sample.h"

#include <algorithm>

#include "core/common/ascii.h"
#include "core/common/utf8.h"

namespace textsense::langid {
namespace {

// How far a window's edge may move to land on a space.
constexpr std::size_t kMaxEdgeShift = 128;

// The first position at or after `pos` that starts a word (just after a
// space), else the first character boundary at or after `pos`.
std::size_t forward_edge(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  const std::size_t limit = std::min(s.size(), pos + kMaxEdgeShift);
  for (std::size_t i = pos; i < limit; ++i)
    if (ascii::is_space(s[i - 1])) return i;
  while (pos < s.size() && utf8::is_continuation(s[pos])) ++pos;
  return pos;
}

// The last position at or before `pos` that ends a word (at a space), else
// the last character boundary at or before `pos`.
std::size_t backward_edge(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return s.size();
  const std::size_t limit = pos > kMaxEdgeShift ? pos - kMaxEdgeShift : 0;
  for (std::size_t i = pos; i > limit; --i)
    if (ascii::is_space(s[i])) return i;
  while (pos > 0 && utf8::is_continuation(s[pos])) --pos;
  return pos;
}

}  // namespace

std::string_view detection_sample(std::string_view utf8, std::string& scratch) {
  if (utf8.size() <= kDetectionSampleBytes) return utf8;
  const std::size_t window = kDetectionSampleBytes / kDetectionSampleWindows;
  const std::size_t span = utf8.size() - window;  // where the last window starts
  scratch.clear();
  scratch.reserve(kDetectionSampleBytes + kDetectionSampleWindows);
  for (std::size_t w = 0; w < kDetectionSampleWindows; ++w) {
    const std::size_t start = span * w / (kDetectionSampleWindows - 1);
    const std::size_t begin = forward_edge(utf8, start);
    const std::size_t end = backward_edge(utf8, start + window);
    if (end <= begin) continue;
    if (!scratch.empty()) scratch.push_back('\n');
    scratch.append(utf8.data() + begin, end - begin);
  }
  return scratch;
}

}  // namespace textsense::langid
