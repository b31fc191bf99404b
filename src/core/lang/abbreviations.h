// Abbreviations that keep their period, shared by the profiles of languages
// written in Latin script: letters with inner dots ("z.B", "d.h", "p.ex",
// "U.S") always keep it, in every such language; each language adds a
// short list of its commonest short forms ("Nr", "Mme", "Sra").
#pragma once

#include <cstddef>
#include <string_view>

namespace textsense::lang {

// "z.B", "d.h", "e.g": ASCII letters with at least one inner dot.
bool is_dotted_letters(std::string_view word);

// Whether `word` (without its period) is in `list`, ignoring ASCII case of
// the first letter only ("Nr" and "nr", not "NR").
bool in_abbreviation_list(std::string_view word, const std::string_view* list, std::size_t count);

// A profile's keeps_period hook for the list `List` of `Count` short forms:
// dotted letters or a listed form keep their period, wherever the word is.
template <const std::string_view* List, std::size_t Count>
bool keeps_period_with(std::string_view word, bool /*sentence_final*/) {
  return is_dotted_letters(word) || in_abbreviation_list(word, List, Count);
}

}  // namespace textsense::lang
