#include "core/langid/latin_word_index.h"

#include "core/langid/latin_word_table.h"

namespace textsense::langid {

const LatinWordIndex& LatinWordIndex::shared() {
  using namespace generated;
  static const LatinWordIndex index({kShortKeys, kShortMembers, kShortCapacity - 1, kShortShift},
                                    {kLongKeys, kLongMembers, kLongCapacity - 1, kLongShift});
  return index;
}

}  // namespace textsense::langid
