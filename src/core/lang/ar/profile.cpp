// Arabic: ICU's boundaries (Arabic script, no word rules yet).
#include "core/lang/packs.h"

namespace textsense::lang::ar {

const Profile kProfile{"ar",    "Arabic", "ar", nullptr, nullptr, nullptr, HyphenRule::kSplit,
                       nullptr, nullptr,  0,    "arabic"};

}  // namespace textsense::lang::ar
