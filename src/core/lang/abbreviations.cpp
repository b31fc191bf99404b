#include "core/lang/abbreviations.h"

#include <algorithm>

#include "core/common/ascii.h"

namespace textsense::lang {

bool is_dotted_letters(std::string_view w) {
  return w.size() >= 3 && w.find('.') != std::string_view::npos && w.front() != '.' &&
         std::all_of(w.begin(), w.end(), [](char c) { return c == '.' || ascii::is_letter(c); });
}

bool in_abbreviation_list(std::string_view word, const std::string_view* list, std::size_t count) {
  if (word.empty()) return false;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view a = list[i];
    if (a.size() != word.size() || (a[0] | 0x20) != (word[0] | 0x20)) continue;
    if (a.substr(1) == word.substr(1)) return true;
  }
  return false;
}

}  // namespace textsense::lang
