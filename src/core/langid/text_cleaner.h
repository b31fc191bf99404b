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

}  // namespace textsense::langid
