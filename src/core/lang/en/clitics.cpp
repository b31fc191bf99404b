#include "core/lang/en/clitics.h"

#include <strings.h>

#include <algorithm>
#include <array>

#include "core/common/ascii.h"
#include "core/lang/profile.h"

namespace textsense::lang::en {
namespace {

// Whole words UD splits without an apostrophe, with the split point.
struct FusedWord {
  std::string_view word;
  std::uint32_t split;
};
constexpr std::array<FusedWord, 4> kFusedWords = {
    {{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}}};

// Clitic suffixes after the apostrophe, lower case.
constexpr std::array<std::string_view, 6> kCliticTails = {"s", "m", "re", "ve", "ll", "d"};

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";  // U+2019

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// Position of an apostrophe (' or U+2019) that starts a clitic ending at the
// end of w, or npos. For "n't" the position of the 'n' is returned.
std::size_t clitic_start(std::string_view w) {
  std::size_t pos = std::string_view::npos, width = 0;
  const std::size_t straight = w.rfind('\''), curly = w.rfind(kCurlyApostrophe);
  if (straight != std::string_view::npos && (curly == std::string_view::npos || straight > curly)) {
    pos = straight;
    width = 1;
  } else if (curly != std::string_view::npos) {
    pos = curly;
    width = kCurlyApostrophe.size();
  }
  if (pos == std::string_view::npos || pos == 0) return std::string_view::npos;
  const std::string_view tail = w.substr(pos + width);
  if (iequals(tail, "t") && (w[pos - 1] | 0x20) == 'n')
    return pos - 1 >= 1 && ascii::is_letter(w[pos - 2]) ? pos - 1 : std::string_view::npos;
  for (std::string_view t : kCliticTails)
    if (iequals(tail, t)) return ascii::is_letter(w[pos - 1]) ? pos : std::string_view::npos;
  return std::string_view::npos;
}

// split_clitics() for a word that may be fused or hold an apostrophe; out
// of line, so that the test every word takes is a small function (its
// register saves were half of its cost).
[[gnu::noinline]] std::size_t split_candidate(std::string_view w, bool may_have_apostrophe,
                                              std::uint32_t* cuts) {
  if (w.size() == 5 || w.size() == 6) {
    for (const FusedWord& f : kFusedWords) {
      if ((w[0] | 0x20) != f.word[0] || !iequals(w, f.word)) continue;
      cuts[0] = f.split;
      return 1;
    }
  }
  if (!may_have_apostrophe ||
      std::none_of(w.begin(), w.end(), [](char c) { return c == '\'' || c == '\xE2'; }))
    return 0;
  // Clitics peel off from the end ("we'd've": 've, then 'd).
  std::size_t count = 0;
  std::string_view rest = w;
  while (count < kMaxWordCuts) {
    const std::size_t cut = clitic_start(rest);
    if (cut == std::string_view::npos) break;
    cuts[count++] = static_cast<std::uint32_t>(cut);
    rest = rest.substr(0, cut);
  }
  std::reverse(cuts, cuts + count);
  return count;
}

}  // namespace

std::size_t split_clitics(std::string_view w, bool may_have_apostrophe, std::uint32_t* cuts) {
  // Most words are neither fused (five or six letters) nor hold an apostrophe.
  if (!may_have_apostrophe && w.size() != 5 && w.size() != 6) return 0;
  return split_candidate(w, may_have_apostrophe, cuts);
}

}  // namespace textsense::lang::en
