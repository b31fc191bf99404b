// Token rules applied after word breaking, one sentence at a time, so that
// tokens follow Universal Dependencies conventions. The rules for every
// language:
//
//   punctuation    runs of one ASCII mark ("--", "***", "$$$") and mixed runs
//                  of . ! ? ("...", "?!") are one token.
//   numbers        dates and times joined by / or : are one number ("08/16/2000",
//                  "11:16:00", "10:30").
//
// and the language's own, from its profile (lang/profile.h), e.g. English
// (UD English EWT):
//
//   clitics        "don't" -> "do" "n't", "can't" -> "ca" "n't", "I'm" -> "I" "'m",
//                  "it's" -> "it" "'s", also 're 've 'll 'd and the curly
//                  apostrophe (’); "cannot" -> "can" "not", "gonna" -> "gon" "na",
//                  "wanna" -> "wan" "na", "gotta" -> "got" "ta".
//   abbreviations  "U.S." "e.g." "a.m." (letters with inner dots) keep their
//                  final period; so do listed titles and short forms ("Dr."
//                  "Mr." "etc." "Inc." "vs." "Sept."), and single capital
//                  letters and ambiguous forms ("No." "Sun.") unless they end
//                  the sentence.
//   hyphens        split ("well" "-" "known") except after a bound prefix
//                  ("e-mail", "co-workers", "non-human").
//
// French and Italian split elision ("l'|homme", "dell'|anno"); German,
// French and most others keep hyphenated words whole ("E-Mail-Adresse").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/lang/profile.h"
#include "core/segment/segmentation.h"

namespace textsense::segment {

struct RawToken {
  std::uint32_t begin;
  std::uint32_t end;
  TokenKind kind;
  bool may_have_apostrophe = true;  // ByteRange::may_have_apostrophe
};

// Appends a token with its fields written in place (see append_piece() in
// word_breaker.h: a temporary copied as words stalls store forwarding).
inline void append_token(std::vector<RawToken>& out, std::uint32_t begin, std::uint32_t end,
                         TokenKind kind, bool may_have_apostrophe = true) {
  RawToken& r = out.emplace_back();
  r.begin = begin;
  r.end = end;
  r.kind = kind;
  r.may_have_apostrophe = may_have_apostrophe;
}
inline void append_token(std::vector<RawToken>& out, const RawToken& t) {
  append_token(out, t.begin, t.end, t.kind, t.may_have_apostrophe);
}

// Reads the tokens of one sentence from `in` (in order) and appends the
// result of the rules of `profile`'s language to `out`.
void apply_token_rules(std::string_view doc, const std::vector<RawToken>& in,
                       const lang::Profile& profile, std::vector<RawToken>& out);

}  // namespace textsense::segment
