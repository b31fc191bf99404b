#include "core/lang/elision.h"

#include <strings.h>

namespace textsense::lang {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";  // U+2019

}  // namespace

std::size_t split_elision(std::string_view w, std::uint32_t* cuts, const std::string_view* elided,
                          std::size_t elided_count) {
  // The first apostrophe only: "jusqu'à" and "l'homme" are each one
  // elision, and longer chains are written with spaces.
  std::size_t pos = std::string_view::npos, width = 0;
  for (std::size_t i = 1; i + 1 < w.size() && i <= 8; ++i) {
    if (w[i] == '\'') {
      pos = i;
      width = 1;
      break;
    }
    if (w.compare(i, kCurlyApostrophe.size(), kCurlyApostrophe) == 0) {
      pos = i;
      width = kCurlyApostrophe.size();
      break;
    }
  }
  if (pos == std::string_view::npos || pos + width >= w.size()) return 0;
  const std::string_view head = w.substr(0, pos);
  for (std::size_t i = 0; i < elided_count; ++i) {
    if (elided[i].size() == head.size() &&
        strncasecmp(elided[i].data(), head.data(), head.size()) == 0) {
      cuts[0] = static_cast<std::uint32_t>(pos + width);
      return 1;
    }
  }
  return 0;
}

}  // namespace textsense::lang
