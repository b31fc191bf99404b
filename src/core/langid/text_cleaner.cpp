#include "core/langid/text_cleaner.h"

#include <cstddef>
#include <cstring>
#include <utility>

#include "core/common/ascii.h"

namespace textsense::langid {

namespace {

void blank(std::string& s, std::size_t begin, std::size_t end) {
  std::memset(&s[begin], ' ', end - begin);
}

// Length of the UTF-8 sequence at `p` that CLD2's interchange check rejects
// (probed over the whole code space: U+0000-0008, U+000B, U+000E-001F,
// U+007F-009F, U+FDD0-FDEF and U+xxFFFE-xxFFFF), else 0. `lead` >= 0x80 is
// the first byte of a well-formed sequence.
std::size_t non_interchange_length(const unsigned char* p, unsigned char lead) {
  if (lead < 0xE0) return (lead == 0xC2 && p[1] < 0xA0) ? 2 : 0;  // C1 controls
  if (lead < 0xF0) {
    const bool fdd0_fdef = lead == 0xEF && p[1] == 0xB7 && p[2] >= 0x90 && p[2] <= 0xAF;
    const bool fffe_ffff = lead == 0xEF && p[1] == 0xBF && p[2] >= 0xBE;
    return fdd0_fdef || fffe_ffff ? 3 : 0;
  }
  // U+xFFFE / U+xFFFF in the supplementary planes.
  return ((p[1] & 0x0F) == 0x0F && p[2] == 0xBF && p[3] >= 0xBE) ? 4 : 0;
}

std::size_t sequence_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Blanks the rejected code points. Printable ASCII and whitespace, most of
// most text, are skipped a run at a time.
void blank_non_interchange(std::string& out) {
  auto* s = reinterpret_cast<unsigned char*>(&out[0]);
  const std::size_t n = out.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = s[i];
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      while (i < n && s[i] >= 0x20 && s[i] < 0x7F) ++i;
      continue;
    }
    if (b < 0x80) {
      if (b < 0x20 || b == 0x7F) {
        if (b != '\t' && b != '\n' && b != '\f' && b != '\r') s[i] = ' ';
      }
      ++i;
      continue;
    }
    if (const std::size_t bad = non_interchange_length(s + i, b)) blank(out, i, i + bad);
    i += sequence_length(b);
  }
}

// The whitespace-delimited token around byte `at`.
std::pair<std::size_t, std::size_t> token_around(const std::string& s, std::size_t at) {
  std::size_t begin = at, end = at;
  while (begin > 0 && !ascii::is_space(static_cast<unsigned char>(s[begin - 1]))) --begin;
  while (end < s.size() && !ascii::is_space(static_cast<unsigned char>(s[end]))) ++end;
  return {begin, end};
}

// Blanks every token that holds `needle` (anywhere, or only at the token's
// start with `at_start`) and that is_nonlinguistic_token() rejects. Only the
// tokens around the needle's occurrences are looked at: most texts have
// none, and the search (memchr-based) is much faster than a token scan.
void blank_tokens_with(std::string& s, std::string_view needle, bool at_start) {
  std::size_t from = 0;
  while ((from = std::string_view(s).find(needle, from)) != std::string_view::npos) {
    const auto [begin, end] = token_around(s, from);
    if ((!at_start || begin == from) &&
        is_nonlinguistic_token(std::string_view(s).substr(begin, end - begin)))
      blank(s, begin, end);
    from = end;
  }
}

}  // namespace

// A whitespace-delimited token that is a URL, an e-mail address or a
// mention: its letters are names and hosts, not words of any language.
// ("wWw." is not a host prefix here: the cleaning looks for these three
// spellings only.)
bool is_nonlinguistic_token(std::string_view token) {
  return token.find("://") != std::string_view::npos || token.find('@') != std::string_view::npos ||
         token == "RT:" || is_host_or_retweet_marker(token);
}

std::size_t blanked_code_point_length(std::string_view utf8, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data()) + i;
  return non_interchange_length(p, p[0]);
}

void clean_for_detection(std::string_view utf8, std::string& out) {
  out.assign(utf8.data(), utf8.size());
  blank_non_interchange(out);
  // Keep a hashtag's words, which are usually in the tweet's language;
  // drop only the '#'s that open a token. Before the token rules below, so
  // that they judge what is left: "#www.example.com" is a host, "#RT" the
  // retweet marker (scan_function_words() reads tokens the same way).
  std::size_t from = 0;
  while ((from = out.find('#', from)) != std::string::npos) {
    if (from == 0 || ascii::is_space(static_cast<unsigned char>(out[from - 1]))) out[from] = ' ';
    ++from;
  }
  blank_tokens_with(out, "://", false);
  blank_tokens_with(out, "@", false);
  blank_tokens_with(out, "www.", true);
  blank_tokens_with(out, "WWW.", true);
  blank_tokens_with(out, "Www.", true);
  blank_tokens_with(out, "RT", true);
}

}  // namespace textsense::langid
