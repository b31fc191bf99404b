// Closed word lists behind the English token and sentence rules (UD English
// EWT conventions). One place, so the tokenizer and the sentence splitter
// agree on what an abbreviation is.
#pragma once

#include <string_view>

namespace textsense::lang::en {

// `word` is followed by '.' in the text: does the period belong to it?
// Dotted letters ("U.S", "e.g"), titles and listed short forms ("Dr",
// "etc", "Inc") always keep it; single capitals (initials) and short forms
// that are also words ("No", "Sun") only inside a sentence.
bool keeps_period(std::string_view word, bool sentence_final);

// `word` + '.' never ends a sentence: titles before a name ("Dr. Smith"),
// initials ("J. R. R. Tolkien"), "e.g.", "i.e.", "vs.", "cf.".
bool never_ends_sentence(std::string_view word);

// A bound prefix that UD keeps attached by a hyphen: "e-mail", "co-workers",
// "pre-owned", "non-human" (other hyphenated words are split: "well - known").
bool is_hyphen_prefix(std::string_view word);

}  // namespace textsense::lang::en
