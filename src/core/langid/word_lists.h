// The seven Latin-script languages the short-text layer re-ranks among, and
// their function-word lists (word_lists.cpp, which says how they were made).
#pragma once

#include <cstdint>
#include <string_view>

namespace textsense::langid {

// Order matters only as an index into the arrays below.
enum MainLanguage : std::uint8_t { kEn, kDe, kEs, kFr, kIt, kPt, kNl, kMainLanguageCount };

inline constexpr std::string_view kMainLanguageCodes[kMainLanguageCount] = {"en", "de", "es", "fr",
                                                                            "it", "pt", "nl"};

// Index of `code` in kMainLanguageCodes, or kMainLanguageCount.
inline int main_language_index(std::string_view code) {
  for (int i = 0; i < kMainLanguageCount; ++i)
    if (kMainLanguageCodes[i] == code) return i;
  return kMainLanguageCount;
}

// Lower-case words separated by single spaces, in UTF-8 (NFC). `top` holds
// the few dozen words that make up a large share of any running text of the
// language (articles, the commonest prepositions, pronouns, conjunctions and
// auxiliaries); `common` the next few hundred frequent short words. Elided
// forms keep their apostrophe ("l'", "qu'"); English contractions are whole
// ("don't").
struct WordList {
  const char* top;
  const char* common;
};

const WordList& word_list(MainLanguage language);

}  // namespace textsense::langid
