// A short cut before CLD2 for Latin-script text whose words settle its
// language: CLD2 and the short-text layer give the same answer for such
// text, and on a tweet they cost more than scoring it (sentiment() with
// lang => 'auto' must cost little more than with an explicit language).
// A text is settled when
//   - the function words of one main language are there and no other's
//     ("the ... and ... for", not a single "der" or "les"), or outnumber
//     every other's four to one ("I didn't think that the 3D would be that
//     good ... Super Mario": one Dutch-only word in ten English-only); or
//   - it reads as English: its words speak for English (English-only
//     function words and frequent English words no other list has, written
//     in lower case or capitals: "bad mood", "WTF"), four to one against
//     any other language's, and at most a quarter of its words are unknown
//     to English (names, hashtags, slang).
// Accented letters are read as parts of words ("très" is French's, "café"
// nobody's); a letter of another script sends the text down the full path;
// emoji, symbols and punctuation do not matter. tools/langid_eval measures
// the detector with it (docs/languages.md, "The short cut"). The same scan
// tells the automatic choice whether anything in a document points to a
// second language (runtime/multilingual.cpp).
#pragma once

#include <string_view>

#include "core/langid/word_lists.h"

namespace textsense::langid {

// What one pass over the words of a text found.
struct FunctionWordScan {
  // No letter of a script other than Latin.
  bool plain = true;
  int words = 0;  // words looked at
  // Words listed for exactly one main language, per language (word_lists.h).
  int exclusive[kMainLanguageCount] = {};
  // Words that can count for or against English (two or more letters, or
  // one letter another language lists and English does not: "o", "e"):
  // all of them, those English knows neither as a function word nor as a
  // frequent word (or knows only as another language's word too: "la",
  // "con"), and those that speak for English.
  int long_words = 0;
  int unknown_to_english = 0;
  int for_english = 0;

  // The main language the words settle (empty when they do not), and
  // whether the evidence is strong enough to call reliable: function words
  // settle reliably; English settled by its vocabulary needs three words
  // for it ("bad mood" is English, but not reliably).
  struct Settled {
    std::string_view language;
    bool reliable = false;
  };
  Settled settle() const;
  // settle().language
  std::string_view decisive() const;
  // Nothing in the text points to a main language other than `language`:
  // plain, and no word listed for another language alone. (A text can still
  // be in another language: CLD2's quadgrams may know its content words.)
  // Not used to skip detection (tools/langid_eval: English-by-default for
  // such texts would score 4-8 % of the de, es, fr, it, pt, nl dev items
  // with English rules), only to skip looking at each sentence of a
  // document detected in `language` on its own.
  bool nothing_against(MainLanguage language) const;
};

// Scans `text` (well-formed UTF-8) as clean_for_detection() would leave it
// (text_cleaner.h), without the copy. Stops early once it is not plain.
FunctionWordScan scan_function_words(std::string_view text);

// scan_function_words(text).decisive(): the main language's code ("en"), or
// empty when the words do not settle it.
std::string_view decisive_function_words(std::string_view text);

}  // namespace textsense::langid
