// English: UD English EWT tokenization (clitics, abbreviations that keep
// their period, bound prefixes before a hyphen), CLDR's English sentence
// suppressions, and the "like" rule of the sentiment engine.
#include "core/lang/en/clitics.h"
#include "core/lang/en/lexical_lists.h"
#include "core/lang/packs.h"

namespace textsense::lang::en {
namespace {

// Words after which "like" is the verb ("I like", "really like", "don't
// like"); elsewhere it is mostly a preposition ("looks like rain").
constexpr std::string_view kLikeSubjects[] = {
    "i",    "we",    "you",   "they",    "he",         "she",    "who",      "u",     "really",
    "n't",  "not",   "never", "do",      "does",       "did",    "would",    "'d",    "to",
    "also", "still", "just",  "totally", "definitely", "always", "actually", "kinda", "people"};

}  // namespace

const Profile kProfile{"en",
                       "English",
                       "en@ss=standard",  // "ss=standard": CLDR's suppressions ("Mr.", "U.S.")
                       split_clitics,
                       keeps_period,
                       never_ends_sentence,
                       HyphenRule::kSplitUnlessPrefix,
                       is_hyphen_prefix,
                       kLikeSubjects,
                       sizeof kLikeSubjects / sizeof kLikeSubjects[0]};

}  // namespace textsense::lang::en
