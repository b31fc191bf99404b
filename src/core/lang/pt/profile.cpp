// Portuguese: CLDR's Portuguese sentence suppressions, hyphenated words kept
// whole ("guarda-chuva"), abbreviations keep their period.
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/packs.h"

namespace textsense::lang::pt {
namespace {

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("z.B.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"Sr",  "Sra",   "Dr",  "Dra",  "Av",    "pág", "nº",
                                               "etc", "aprox", "tel", "Prof", "Profa", "Eng"};

}  // namespace

const Profile kProfile{"pt",
                       "Portuguese",
                       "pt@ss=standard",
                       nullptr,
                       keeps_period_with<kAbbreviations, std::size(kAbbreviations)>,
                       nullptr,
                       HyphenRule::kJoin,
                       nullptr,
                       nullptr,
                       0,
                       "portuguese"};

}  // namespace textsense::lang::pt
