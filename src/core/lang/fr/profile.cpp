// French: CLDR's French sentence suppressions, elision split as UD French
// does ("l'|homme", "qu'|il", "jusqu'|à"), hyphenated words kept whole
// ("peut-être", "aujourd'hui" too, having no listed elided form).
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/elision.h"
#include "core/lang/packs.h"

namespace textsense::lang::fr {
namespace {

// Forms that elide before a vowel or mute h (written from the grammar:
// articles, pronouns, "de", "ne", "que" and its compounds).
constexpr std::string_view kElided[] = {"l",      "d",      "j",      "m",      "n",
                                        "s",      "t",      "c",      "qu",     "jusqu",
                                        "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("p.ex.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"M",  "MM",  "Mme", "Mmes", "Mlle", "Mlles", "Dr",
                                               "Pr", "St",  "Ste", "etc",  "cf",   "env",   "p",
                                               "pp", "tél", "av",  "bd",   "n°"};

}  // namespace

const Profile kProfile{"fr",
                       "French",
                       "fr@ss=standard",
                       split_elision_with<kElided, std::size(kElided)>,
                       keeps_period_with<kAbbreviations, std::size(kAbbreviations)>,
                       nullptr,
                       HyphenRule::kJoin,
                       nullptr,
                       nullptr,
                       0,
                       "french"};

}  // namespace textsense::lang::fr
