// Japanese: ICU's dictionary-based word boundaries for kanji and kana.
#include "core/lang/packs.h"

namespace textsense::lang::ja {

const Profile kProfile{"ja", "Japanese", "ja", nullptr, nullptr, nullptr, HyphenRule::kSplit};

}  // namespace textsense::lang::ja
