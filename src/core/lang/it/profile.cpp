// Italian: CLDR's Italian sentence suppressions, elision split as UD Italian
// does ("l'|anno", "dell'|anno", "un'|altra", "c'|è"; "po'" stays whole),
// hyphenated words kept whole.
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/elision.h"
#include "core/lang/packs.h"

namespace textsense::lang::it {
namespace {

// Articles, articulated prepositions, pronouns and adjectives that elide
// (written from the grammar).
constexpr std::string_view kElided[] = {"l",      "un",   "dell", "all",   "dall",  "nell", "sull",
                                        "coll",   "pell", "d",    "c",     "m",     "t",    "s",
                                        "v",      "n",    "ci",   "quell", "quest", "bell", "sant",
                                        "nessun", "tutt", "dev",  "com",   "dov",   "anch"};

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("p.ex.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"Sig",  "Sigg", "Sig.ra", "Dott", "Dott.ssa",
                                               "Prof", "Ing",  "Avv",    "ecc",  "pag",
                                               "pagg", "tel",  "nr",     "ca"};

}  // namespace

const Profile kProfile{"it",
                       "Italian",
                       "it@ss=standard",
                       split_elision_with<kElided, std::size(kElided)>,
                       keeps_period_with<kAbbreviations, std::size(kAbbreviations)>,
                       nullptr,
                       HyphenRule::kJoin,
                       nullptr,
                       nullptr,
                       0,
                       "italian"};

}  // namespace textsense::lang::it
