// One pass over a word for the tagger's features (features.h): its
// lower-case form, its shape, its flags and its length, in every script.
// Letter case, shapes and lower-casing read Unicode properties (ICU, with
// a table for the two-byte alphabets), so a Cyrillic or German capital is
// a capital and an emoji a symbol; models/README.md ("Every script").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace textsense::pos {

struct WordFacts {
  std::uint64_t shape;   // hash of "Xxxx", "dd.dd", "xx'x", "HH", "s" ...
  std::uint32_t flags;   // kFlag* bits (features.h)
  std::uint32_t length;  // in code points, capped at 15
};

// Appends the lower-case form of `word` (normalize()) to `out` and returns
// its shape, flags and length.
WordFacts scan_word(std::string_view word, std::string& out);

}  // namespace textsense::pos
