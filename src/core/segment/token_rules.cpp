#include "core/segment/token_rules.h"

#include <algorithm>

namespace textsense::segment {
namespace {

bool is_terminal_mark(char c) { return c == '.' || c == '!' || c == '?'; }

// Appends a word token, cut where the language's word rule says ("do|n't",
// "l'|homme").
void append_word(std::string_view doc, RawToken t, const lang::Profile& profile,
                 std::vector<RawToken>& out) {
  std::uint32_t cuts[lang::kMaxWordCuts];
  const std::size_t count =
      profile.split_word != nullptr
          ? profile.split_word(doc.substr(t.begin, t.end - t.begin), t.may_have_apostrophe, cuts)
          : 0;
  std::uint32_t begin = t.begin;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t cut = t.begin + cuts[i];
    if (cut <= begin || cut >= t.end) continue;  // a hook's contract, checked
    append_token(out, begin, cut, TokenKind::kWord);
    begin = cut;
  }
  append_token(out, begin, t.end, TokenKind::kWord);
}

}  // namespace

void apply_token_rules(std::string_view doc, const std::vector<RawToken>& in,
                       const lang::Profile& profile, std::vector<RawToken>& out) {
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
      append_token(out, t);
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
      append_token(out, t);
      continue;
    }
    if (t.kind != TokenKind::kWord) {
      append_token(out, t);
      continue;
    }
    // A period right after the word, not part of a longer run ("etc..."):
    if (k + 1 < n && in[k + 1].begin == t.end && in[k + 1].end == t.end + 1 && doc[t.end] == '.' &&
        !(k + 2 < n && in[k + 2].begin == t.end + 1 && is_terminal_mark(doc[t.end + 1]))) {
      const bool sentence_final = k + 2 == n;
      if (profile.keeps_period != nullptr &&
          profile.keeps_period(doc.substr(t.begin, t.end - t.begin), sentence_final)) {
        append_token(out, t.begin, t.end + 1, TokenKind::kWord);
        ++k;
        continue;
      }
    }
    // "word-word" without spaces: joined, or only after a bound prefix
    // ("e-mail", "co-workers"), or left as ICU split it.
    if (profile.hyphens != lang::HyphenRule::kSplit) {
      while (k + 2 < n && in[k + 1].begin == t.end && in[k + 1].end == t.end + 1 &&
             doc[t.end] == '-' && in[k + 2].begin == t.end + 1 &&
             in[k + 2].kind == TokenKind::kWord &&
             (profile.hyphens == lang::HyphenRule::kJoin
                  ? profile.stays_after_hyphen == nullptr ||
                        !profile.stays_after_hyphen(
                            doc.substr(in[k + 2].begin, in[k + 2].end - in[k + 2].begin))
                  : profile.is_hyphen_prefix(doc.substr(t.begin, t.end - t.begin)))) {
        t.end = in[k + 2].end;
        t.may_have_apostrophe |= in[k + 2].may_have_apostrophe;
        k += 2;
        if (profile.hyphens != lang::HyphenRule::kJoin) break;
      }
    }
    append_word(doc, t, profile, out);
  }
}

}  // namespace textsense::segment
