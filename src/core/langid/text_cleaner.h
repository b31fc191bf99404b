// Prepares text for language detection: blanks what carries no language
// (URLs, e-mail addresses, @mentions, the retweet marker "RT", the '#' of
// hashtags) and what CLD2 refuses as not "interchange-valid" (C0 controls
// other than tab, LF, FF and CR; DEL; C1 controls; noncharacters such as
// U+FFFE). Blanking replaces each byte with a space, so offsets into the
// cleaned text are offsets into the original (CLD2's chunks map back).
#pragma once

#include <string>
#include <string_view>

namespace textsense::langid {

// Replaces `out` with the cleaned copy of `utf8`, which must be well-formed
// UTF-8 (utf8::find_invalid() == kValid). Linear time; `out` keeps its
// capacity between calls.
void clean_for_detection(std::string_view utf8, std::string& out);

// The parts of the cleaning rules that readers of the raw text share
// (scan_function_words() reads a text as if it had been cleaned, without
// the copy):

// Whether the cleaned text has a blank where `utf8` has the ASCII byte `c`:
// whitespace, and the control characters the cleaning blanks.
inline bool is_blank_after_cleaning(unsigned char c) { return c <= 0x20 || c == 0x7F; }

// The length of the code point at utf8[i] (a lead byte >= 0x80 of
// well-formed UTF-8) when the cleaning blanks it (C1 controls,
// noncharacters), else 0.
std::size_t blanked_code_point_length(std::string_view utf8, std::size_t i);

// Whether the cleaning blanks this whole token (the text between blanks):
// a URL, an e-mail address, a mention or the retweet marker.
bool is_nonlinguistic_token(std::string_view token);

// The same for a token holding neither '@' nor ':' (most tokens): only a
// host name ("www.example.com") or the retweet marker can be blanked.
inline bool is_host_or_retweet_marker(std::string_view token) {
  const std::string_view start = token.substr(0, 4);
  return start == "www." || start == "WWW." || start == "Www." || token == "RT";
}

}  // namespace textsense::langid
