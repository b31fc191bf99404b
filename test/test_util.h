// Small helpers shared by the unit tests.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/segment/segmenter.h"

namespace textsense::testing {

inline segment::Segmentation segment(std::string_view text) {
  static segment::Segmenter segmenter;  // creating ICU iterators is the slow part
  segment::Segmentation out;
  segmenter.segment(text, out);
  return out;
}

inline std::vector<std::string> token_texts(std::string_view text) {
  const segment::Segmentation seg = segment(text);
  std::vector<std::string> out;
  for (const segment::Token& t : seg.tokens) out.emplace_back(t.span.text(text));
  return out;
}

inline std::vector<std::string> sentence_texts(std::string_view text) {
  const segment::Segmentation seg = segment(text);
  std::vector<std::string> out;
  for (const segment::Sentence& s : seg.sentences) out.emplace_back(s.span.text(text));
  return out;
}

// "kind:text" for every token.
inline std::vector<std::string> kinded_tokens(std::string_view text) {
  const segment::Segmentation seg = segment(text);
  std::vector<std::string> out;
  for (const segment::Token& t : seg.tokens)
    out.push_back(std::string(segment::token_kind_name(t.kind)) + ":" +
                  std::string(t.span.text(text)));
  return out;
}

// The UTF-8 bytes of one code point (tests that walk the code space).
inline std::string utf8_of(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// ../shared/data, or "" when this checkout has none beside it.
inline std::string shared_data_dir() {
  if (const char* env = std::getenv("TEXTSENSE_SHARED_DATA")) return env;
#ifdef TEXTSENSE_SHARED_DATA
  std::ifstream probe(std::string(TEXTSENSE_SHARED_DATA) + "/README.md");
  if (probe) return TEXTSENSE_SHARED_DATA;
#endif
  return "";
}

// Reads a file that may be xz-compressed (through the xz command).
inline std::string read_data_file(const std::string& path) {
  std::string out;
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".xz") == 0) {
    FILE* pipe = popen(("xz -dc '" + path + "'").c_str(), "r");
    if (pipe == nullptr) return out;
    char buf[1 << 16];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace textsense::testing
