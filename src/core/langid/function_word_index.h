// Lookup of a lower-case word in the seven function-word lists
// (word_lists.h): which languages list it, and in which tier. Built once,
// then read-only, so any number of threads may share it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/langid/word_lists.h"

namespace textsense::langid {

struct WordMembership {
  std::uint8_t top = 0;     // bit l: in language l's `top` list
  std::uint8_t common = 0;  // bit l: in language l's `common` list (and not its top)
  bool any() const { return (top | common) != 0; }
};

class FunctionWordIndex {
 public:
  // The index of the compiled-in lists, built on first use.
  static const FunctionWordIndex& shared();

  WordMembership find(std::string_view word) const;

 private:
  FunctionWordIndex();
  void add(std::string_view word, int language, bool top);

  // Open addressing with linear probing; keys view the static list text.
  struct Slot {
    std::string_view word;
    WordMembership membership;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace textsense::langid
