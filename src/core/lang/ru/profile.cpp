// Russian: CLDR's Russian sentence suppressions, hyphenated words kept whole
// ("кто-то", "по-русски").
#include "core/lang/packs.h"

namespace textsense::lang::ru {

const Profile kProfile{"ru",    "Russian", "ru@ss=standard",  nullptr,
                       nullptr, nullptr,   HyphenRule::kJoin, nullptr,
                       nullptr, 0,         "russian"};

}  // namespace textsense::lang::ru
