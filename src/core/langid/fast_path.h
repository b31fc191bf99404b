// A short cut before CLD2 for unaccented Latin text whose function words name
// one main language and no other ("the ... and ... for", not a single
// "der" or "les"): CLD2 and the short-text layer give the same answer for
// such text, and on a tweet they cost more than scoring it (sentiment() with
// lang => 'auto' must cost little more than with an explicit language).
// Text with an accented letter (a spelling cue), a letter of another
// script, or function words of two languages takes the full path; emoji,
// symbols and punctuation do not matter. tools/langid_eval measures the
// detector with it.
#pragma once

#include <string_view>

namespace textsense::langid {

// The main language's code ("en"), or empty when the words do not settle it.
// `text` is well-formed UTF-8.
std::string_view decisive_function_words(std::string_view text);

}  // namespace textsense::langid
