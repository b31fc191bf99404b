// Spanish: CLDR's Spanish sentence suppressions, hyphenated words kept whole,
// abbreviations keep their period.
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/packs.h"

namespace textsense::lang::es {
namespace {

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("z.B.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"Sr",    "Sra", "Srta", "Dr",  "Dra", "Ud",
                                               "Uds",   "Vd",  "Vds",  "pág", "núm", "etc",
                                               "aprox", "Av",  "Avda", "tel", "Lic", "Ing"};

}  // namespace

const Profile kProfile{"es",
                       "Spanish",
                       "es@ss=standard",
                       nullptr,
                       keeps_period_with<kAbbreviations, std::size(kAbbreviations)>,
                       nullptr,
                       HyphenRule::kJoin,
                       nullptr,
                       nullptr,
                       0,
                       "spanish"};

}  // namespace textsense::lang::es
