// Arabic: ICU's boundaries (Arabic script, no word rules yet).
#include "core/lang/packs.h"

namespace textsense::lang::ar {

const Profile kProfile{"ar", "Arabic", "ar", nullptr, nullptr, nullptr, HyphenRule::kSplit};

}  // namespace textsense::lang::ar
