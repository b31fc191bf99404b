// Portuguese: CLDR's Portuguese sentence suppressions, hyphenated words kept
// whole ("guarda-chuva") but for enclitic pronouns ("diga-me": "diga" "-"
// "me"), abbreviations keep their period.
#include <algorithm>
#include <iterator>

#include "core/lang/abbreviations.h"
#include "core/lang/packs.h"

namespace textsense::lang::pt {
namespace {

// Common short forms written with a period (from the language's usage, not
// from any data set); letters with inner dots ("z.B.") keep it anyway.
constexpr std::string_view kAbbreviations[] = {"Sr",  "Sra",   "Dr",  "Dra",  "Av",    "pág", "nº",
                                               "etc", "aprox", "tel", "Prof", "Profa", "Eng"};

// The pronouns written after a verb with a hyphen, alone and contracted
// ("dá-mo" = me + o), from the language's grammar; sorted.
constexpr std::string_view kEnclitics[] = {
    "a",   "as",  "la", "las", "lha", "lhas", "lhe", "lhes", "lho", "lhos",
    "lo",  "los", "ma", "mas", "me",  "mo",   "mos", "na",   "nas", "no",
    "nos", "o",   "os", "se",  "ta",  "tas",  "te",  "to",   "tos", "vos"};

// An enclitic pronoun, in any case ("Diga-ME").
bool is_enclitic(std::string_view part) {
  if (part.empty() || part.size() > 4) return false;
  char lower[4];
  for (std::size_t i = 0; i < part.size(); ++i) {
    const char c = part[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
  }
  return std::binary_search(std::begin(kEnclitics), std::end(kEnclitics),
                            std::string_view(lower, part.size()));
}

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
                       "portuguese",
                       is_enclitic};

}  // namespace textsense::lang::pt
