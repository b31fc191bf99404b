// Spelling cues for words that are in no function-word list: letters and
// letter groups that each main language writes often and the others rarely
// (ñ, ß, ã/õ, "ij", "gli", "nh"), and word endings typical of its
// morphology (-ción, -ção, -zione, -ung, -heid, -eaux, -ing). Written from
// knowledge of the seven orthographies, like the word lists.
#pragma once

#include <string_view>

#include "core/langid/word_lists.h"

namespace textsense::langid {

// Adds the cue weights of one lower-case word (UTF-8) to `scores`, indexed
// by MainLanguage. The total a word can add to a language is capped, so a
// long word cannot outvote several function words.
void add_orthographic_cues(std::string_view word, float scores[kMainLanguageCount]);

}  // namespace textsense::langid
