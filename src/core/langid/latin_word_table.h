// The tables of LatinWordIndex::shared(), computed when textsense is built
// (tools/generate_latin_word_table.cpp writes latin_word_table.cpp into the
// build directory) and compiled in as read-only data.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/langid/latin_word_index.h"

namespace textsense::langid::generated {

extern const std::uint64_t kShortKeys[];
extern const std::uint16_t kShortMembers[];
extern const std::size_t kShortCapacity;
extern const int kShortShift;
extern const LatinWordIndex::Key kLongKeys[];
extern const std::uint16_t kLongMembers[];
extern const std::size_t kLongCapacity;
extern const int kLongShift;

}  // namespace textsense::langid::generated
