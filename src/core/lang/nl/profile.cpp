// Dutch: ICU's Dutch boundaries, hyphenated words kept whole ("e-mail",
// "Noord-Holland"), abbreviations keep their period.
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/packs.h"

namespace textsense::lang::nl {
namespace {

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("z.B.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"dhr", "mevr", "mw",   "dr",   "prof", "ir",
                                               "ing", "blz",  "nr",   "bijv", "enz",  "ca",
                                               "evt", "zgn",  "resp", "tel",  "jl",   "vnl"};

}  // namespace

const Profile kProfile{"nl",
                       "Dutch",
                       "nl@ss=standard",
                       nullptr,
                       keeps_period_with<kAbbreviations, std::size(kAbbreviations)>,
                       nullptr,
                       HyphenRule::kJoin,
                       nullptr,
                       nullptr,
                       0,
                       "dutch"};

}  // namespace textsense::lang::nl
