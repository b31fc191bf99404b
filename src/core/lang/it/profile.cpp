// Italian: CLDR's Italian sentence suppressions, elision split as UD Italian
// does ("l'|anno", "dell'|anno", "un'|altra", "c'|è"; "po'" stays whole),
// hyphenated words kept whole.
#include "core/lang/abbreviations.h"
#include "core/lang/elision.h"
#include "core/lang/packs.h"

namespace textsense::lang::it {
namespace {

// Articles, articulated prepositions, pronouns and adjectives that elide
// (written from the grammar).
constexpr std::string_view kElided[] = {
    "l",     "un",    "dell", "all",  "dall",  "nell",  "sull", "coll", "pell",
    "d",     "c",     "m",    "t",    "s",     "v",     "n",    "ci",   "quell",
    "quest", "bell",  "sant", "nessun", "tutt", "dev",  "com",  "dov",  "anch"};

std::size_t split_word(std::string_view word, std::uint32_t* cuts) {
  return split_elision(word, cuts, kElided, sizeof kElided / sizeof kElided[0]);
}

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("p.ex.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"Sig", "Sigg", "Sig.ra", "Dott", "Dott.ssa", "Prof", "Ing", "Avv", "ecc", "pag", "pagg", "tel", "nr", "ca"};

bool keeps_period(std::string_view word, bool) {
  return is_dotted_letters(word) ||
         in_abbreviation_list(word, kAbbreviations, sizeof kAbbreviations / sizeof kAbbreviations[0]);
}

}  // namespace

const Profile kProfile{"it", "Italian", "it@ss=standard", split_word, keeps_period, nullptr,
                       HyphenRule::kJoin};

}  // namespace textsense::lang::it
