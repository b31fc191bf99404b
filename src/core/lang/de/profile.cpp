// German: CLDR's German sentence suppressions ("z.B.", "Nr."), hyphenated compounds kept whole ("E-Mail-Adresse"), abbreviations keep their period as in UD German.
#include "core/lang/abbreviations.h"
#include "core/lang/packs.h"

namespace textsense::lang::de {
namespace {

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("z.B.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"Nr", "Str", "Dr", "Hr", "Fr", "Prof", "bzw", "usw", "ca", "evtl", "ggf", "inkl", "zzgl", "vgl", "bspw", "Tel", "Mio", "Mrd", "St", "Jh", "Abs", "Bd", "Kap", "geb", "gest", "etc"};

bool keeps_period(std::string_view word, bool) {
  return is_dotted_letters(word) ||
         in_abbreviation_list(word, kAbbreviations, sizeof kAbbreviations / sizeof kAbbreviations[0]);
}

}  // namespace

const Profile kProfile{"de", "German", "de@ss=standard", nullptr, keeps_period, nullptr, HyphenRule::kJoin};

}  // namespace textsense::lang::de
