// German: CLDR's German sentence suppressions ("z.B.", "Nr."), hyphenated
// compounds kept whole ("E-Mail-Adresse"), abbreviations keep their period as
// in UD German.
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/packs.h"

namespace textsense::lang::de {
namespace {

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("z.B.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {
    "Nr",  "Str",  "Dr",  "Hr",  "Fr",  "Prof", "bzw", "usw", "ca", "evtl", "ggf", "inkl", "zzgl",
    "vgl", "bspw", "Tel", "Mio", "Mrd", "St",   "Jh",  "Abs", "Bd", "Kap",  "geb", "gest", "etc"};

}  // namespace

const Profile kProfile{"de",
                       "German",
                       "de@ss=standard",
                       nullptr,
                       keeps_period_with<kAbbreviations, std::size(kAbbreviations)>,
                       nullptr,
                       HyphenRule::kJoin,
                       nullptr,
                       nullptr,
                       0,
                       "german"};

}  // namespace textsense::lang::de
