// German: CLDR's German sentence suppressions ("z.B.", "Nr."), hyphenated compounds kept whole ("E-Mail-Adresse").
#include "core/lang/packs.h"

namespace textsense::lang::de {

const Profile kProfile{"de", "German", "de@ss=standard", nullptr, nullptr, nullptr, HyphenRule::kJoin};

}  // namespace textsense::lang::de
