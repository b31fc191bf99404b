// A short cut before CLD2 for Latin-script text whose function words name
// one main language and no other ("the ... and ... for", not a single
// "der" or "les"): CLD2 and the short-text layer give the same answer for
// such text, and on a tweet they cost more than scoring it (sentiment() with
// lang => 'auto' must cost little more than with an explicit language).
// Accented letters are read as parts of words ("très" is French's, "café"
// nobody's); a letter of another script or function words of two languages
// send the text down the full path; emoji, symbols and punctuation do not
// matter. tools/langid_eval measures the detector with it. The same scan
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
  int words = 0;  // ASCII words looked at
  // Words listed for exactly one main language, per language (word_lists.h).
  int exclusive[kMainLanguageCount] = {};

  // The main language whose function words settle it, or empty.
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

// Scans `text` (well-formed UTF-8). Stops early once it is not plain.
FunctionWordScan scan_function_words(std::string_view text);

// scan_function_words(text).decisive(): the main language's code ("en"), or
// empty when the words do not settle it.
std::string_view decisive_function_words(std::string_view text);

}  // namespace textsense::langid
