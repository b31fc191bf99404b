// Italian: CLDR's Italian sentence suppressions, elision split as UD Italian
// does ("l'|anno", "dell'|anno", "un'|altra", "c'|è"; "po'" stays whole),
// hyphenated words kept whole.
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

}  // namespace

const Profile kProfile{"it", "Italian", "it@ss=standard", split_word, nullptr, nullptr,
                       HyphenRule::kJoin};

}  // namespace textsense::lang::it
