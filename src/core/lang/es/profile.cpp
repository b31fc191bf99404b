// Spanish: CLDR's Spanish sentence suppressions ("Sr.", "etc."), hyphenated words kept whole.
#include "core/lang/packs.h"

namespace textsense::lang::es {

const Profile kProfile{"es", "Spanish", "es@ss=standard", nullptr, nullptr, nullptr, HyphenRule::kJoin};

}  // namespace textsense::lang::es
