// Elision, shared by the French and Italian profiles: a listed word written
// with its final vowel replaced by an apostrophe is its own token, as in
// Universal Dependencies ("l'|homme", "qu'|il", "dell'|anno", "c'|è"). The
// apostrophe stays with the first part; straight and curly apostrophes both
// count. Words whose apostrophe is not after a listed form stay whole
// ("aujourd'hui", "po'").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace textsense::lang {

// `elided` is a list of lower-case forms without their apostrophe.
std::size_t split_elision(std::string_view word, std::uint32_t* cuts,
                          const std::string_view* elided, std::size_t elided_count);

// A profile's split_word hook for the list `List` of `Count` elided forms.
template <const std::string_view* List, std::size_t Count>
std::size_t split_elision_with(std::string_view word, bool may_have_apostrophe,
                               std::uint32_t* cuts) {
  return may_have_apostrophe ? split_elision(word, cuts, List, Count) : 0;
}

}  // namespace textsense::lang
