// Line and field splitting for the trainer's text inputs (CoNLL-U,
// word-class lists): lines end in "\n" or "\r\n"; fields are separated by
// tabs.
#pragma once

#include <cstddef>
#include <string_view>

namespace textsense::train {

// Calls visit(line, line_number) for every line of `text` (numbered from
// 1, without its line end), including an empty last one.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    visit(line, ++line_number);
  }
}

// Splits `line` at its tabs into fields[0..max): returns the number of
// fields, or max + 1 when the line has more than `max`.
inline std::size_t split_tabs(std::string_view line, std::string_view* fields, std::size_t max) {
  std::size_t n = 0;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    if (n == max) return max + 1;
    fields[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) return n;
    start = tab + 1;
  }
}

}  // namespace textsense::train
