// Dutch: ICU's Dutch boundaries, hyphenated words kept whole ("e-mail", "Noord-Holland").
#include "core/lang/packs.h"

namespace textsense::lang::nl {

const Profile kProfile{"nl", "Dutch", "nl@ss=standard", nullptr, nullptr, nullptr, HyphenRule::kJoin};

}  // namespace textsense::lang::nl
