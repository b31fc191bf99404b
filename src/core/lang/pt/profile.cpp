// Portuguese: CLDR's Portuguese sentence suppressions, hyphenated words kept whole ("guarda-chuva").
#include "core/lang/packs.h"

namespace textsense::lang::pt {

const Profile kProfile{"pt", "Portuguese", "pt@ss=standard", nullptr, nullptr, nullptr, HyphenRule::kJoin};

}  // namespace textsense::lang::pt
