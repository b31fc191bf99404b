// Computes the tables of LatinWordIndex from the word lists (word_lists.h)
// and the English vocabulary (english_vocabulary.h). Run when textsense is
// built, by tools/generate_latin_word_table.cpp, which writes them out as
// read-only data; a unit test checks that the compiled-in tables are these.
#pragma once

#include <cstdint>
#include <vector>

#include "core/langid/latin_word_index.h"

namespace textsense::langid {

struct LatinWordTables {
  std::vector<std::uint64_t> short_keys;  // words of up to 8 bytes
  std::vector<std::uint16_t> short_members;
  int short_shift = 64;
  std::vector<LatinWordIndex::Key> long_keys;  // words of 9 to 16 bytes
  std::vector<std::uint16_t> long_members;
  int long_shift = 64;

  // An index viewing these tables (which must outlive it).
  LatinWordIndex index() const;
};

// Throws std::logic_error when a listed word is longer than
// LatinWordIndex::kMaxWordBytes.
LatinWordTables build_latin_word_tables();

}  // namespace textsense::langid
