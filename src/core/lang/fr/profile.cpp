// French: CLDR's French sentence suppressions, elision split as UD French
// does ("l'|homme", "qu'|il", "jusqu'|à"), hyphenated words kept whole
// ("peut-être", "aujourd'hui" too, having no listed elided form).
#include "core/lang/elision.h"
#include "core/lang/packs.h"

namespace textsense::lang::fr {
namespace {

// Forms that elide before a vowel or mute h (written from the grammar:
// articles, pronouns, "de", "ne", "que" and its compounds).
constexpr std::string_view kElided[] = {"l",      "d",      "j",      "m",      "n",
                                        "s",      "t",      "c",      "qu",     "jusqu",
                                        "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};

std::size_t split_word(std::string_view word, std::uint32_t* cuts) {
  return split_elision(word, cuts, kElided, sizeof kElided / sizeof kElided[0]);
}

}  // namespace

const Profile kProfile{"fr", "French", "fr@ss=standard", split_word, nullptr, nullptr,
                       HyphenRule::kJoin};

}  // namespace textsense::lang::fr
