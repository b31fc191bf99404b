#include "core/segment/token_rules.h"

#include "core/lang/en/lexical_lists.h"
#include "core/common/ascii.h"

#include <strings.h>

#include <algorithm>
#include <array>

namespace textsense::segment {
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

bool is_terminal_mark(char c) { return c == '.' || c == '!' || c == '?'; }

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

// Appends a word token, split into its clitics ("we'd've" -> we 'd 've).
void append_word(std::string_view doc, RawToken t, std::vector<RawToken>& out) {
  const std::string_view w = doc.substr(t.begin, t.end - t.begin);
  // Cheap filters first: most words are neither fused nor have an apostrophe.
  if (w.size() == 5 || w.size() == 6) {
    for (const FusedWord& f : kFusedWords) {
      if ((w[0] | 0x20) != f.word[0] || !iequals(w, f.word)) continue;
      out.push_back({t.begin, t.begin + f.split, TokenKind::kWord});
      out.push_back({t.begin + f.split, t.end, TokenKind::kWord});
      return;
    }
  }
  if (std::none_of(w.begin(), w.end(), [](char c) { return c == '\'' || c == '\xE2'; })) {
    out.push_back(t);
    return;
  }
  const std::size_t first = out.size();
  std::uint32_t end = t.end;
  for (;;) {
    const std::size_t cut = clitic_start(doc.substr(t.begin, end - t.begin));
    if (cut == std::string_view::npos) break;
    out.push_back({t.begin + static_cast<std::uint32_t>(cut), end, TokenKind::kWord});
    end = t.begin + static_cast<std::uint32_t>(cut);
  }
  out.push_back({t.begin, end, TokenKind::kWord});
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

}  // namespace

void apply_token_rules(std::string_view doc, const std::vector<RawToken>& in,
                       std::vector<RawToken>& out) {
  const std::size_t n = in.size();
  for (std::size_t k = 0; k < n; ++k) {
    RawToken t = in[k];
    if ((t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kSymbol) &&
        t.end - t.begin == 1) {
      // Runs of one ASCII mark ("***", "==", "--", "$$$") are one token, and
      // so are mixed runs of . ! ? ("...", "?!").
      const char c = doc[t.begin];
      const bool terminal = is_terminal_mark(c);
      while (k + 1 < n && in[k + 1].begin == t.end && in[k + 1].end == t.end + 1 &&
             (in[k + 1].kind == TokenKind::kPunctuation || in[k + 1].kind == TokenKind::kSymbol) &&
             (doc[t.end] == c || (terminal && is_terminal_mark(doc[t.end])))) {
        t.end += 1;
        ++k;
      }
      out.push_back(t);
      continue;
    }
    if (t.kind == TokenKind::kNumber) {
      // Dates and times: "08/16/2000", "9/30/01", "11:16:00".
      while (k + 2 < n && in[k + 1].begin == t.end && in[k + 1].end == t.end + 1 &&
             (doc[t.end] == '/' || doc[t.end] == ':') && in[k + 2].begin == t.end + 1 &&
             in[k + 2].kind == TokenKind::kNumber) {
        t.end = in[k + 2].end;
        k += 2;
      }
      out.push_back(t);
      continue;
    }
    if (t.kind != TokenKind::kWord) {
      out.push_back(t);
      continue;
    }
    // A period right after the word, not part of a longer run ("etc..."):
    if (k + 1 < n && in[k + 1].begin == t.end && in[k + 1].end == t.end + 1 &&
        doc[t.end] == '.' && !(k + 2 < n && in[k + 2].begin == t.end + 1 &&
                               is_terminal_mark(doc[t.end + 1]))) {
      const bool sentence_final = k + 2 == n;
      if (lang::en::keeps_period(doc.substr(t.begin, t.end - t.begin), sentence_final)) {
        out.push_back({t.begin, t.end + 1, TokenKind::kWord});
        ++k;
        continue;
      }
    }
    // "e-mail", "co-workers": a bound prefix, a hyphen and a word, no spaces.
    if (k + 2 < n && in[k + 1].begin == t.end && in[k + 1].end == t.end + 1 &&
        doc[t.end] == '-' && in[k + 2].begin == t.end + 1 &&
        in[k + 2].kind == TokenKind::kWord &&
        lang::en::is_hyphen_prefix(doc.substr(t.begin, t.end - t.begin))) {
      t.end = in[k + 2].end;
      k += 2;
    }
    append_word(doc, t, out);
  }
}

}  // namespace textsense::segment
