// Chinese: ICU's dictionary-based word boundaries for Han text.
#include "core/lang/packs.h"

namespace textsense::lang::zh {

const Profile kProfile{"zh", "Chinese", "zh", nullptr, nullptr, nullptr, HyphenRule::kSplit};

}  // namespace textsense::lang::zh
