#include "core/langid/fast_path.h"

#include "core/langid/function_word_index.h"
#include "core/langid/word_lists.h"

namespace textsense::langid {
namespace {

// At least this many words listed for the language alone, and they make up
// at least 1 / kMinShareDivisor of the words: a tweet of 15 words with 3
// English-only function words and none of another language's qualifies; a
// name list or a URL-heavy line does not.
constexpr int kMinExclusiveWords = 2;
constexpr int kMinShareDivisor = 6;
constexpr std::size_t kMaxWordBytes = 16;

bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Non-ASCII characters that are not letters of any script and carry no
// language: punctuation (curly quotes, dashes, ellipsis), symbols, emoji and
// their joiners. Anything else (accented Latin letters, which are spelling
// cues, and every other script) sends the text down the full path.
bool is_languageless(char32_t c) {
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||  // Latin-1 signs: « © ° ·
         (c >= 0x2000 && c <= 0x2BFF) ||                          // punctuation, arrows, symbols
         (c >= 0x1F000 && c <= 0x1FAFF) ||                        // emoji
         c == 0xFE0F || c == 0xFE0E || c == 0x20E3;               // variation selectors, keycap
}

// Decodes the code point at text[i] (well-formed UTF-8, lead byte >= 0x80)
// and advances i past it.
char32_t decode(std::string_view text, std::size_t& i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = b(i);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (i + length > text.size()) {
    i = text.size();
    return 0xFFFD;
  }
  char32_t c = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (b(i + k) & 0x3F);
  i += length;
  return c;
}

}  // namespace

FunctionWordScan scan_function_words(std::string_view text) {
  const FunctionWordIndex& index = FunctionWordIndex::shared();
  FunctionWordScan scan;
  char lower[kMaxWordBytes];
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!is_languageless(decode(text, i))) {
        scan.plain = false;
        return scan;
      }
      continue;
    }
    if (!is_letter(c)) {
      ++i;
      continue;
    }
    // A word: letters with inner apostrophes ("don't").
    std::size_t length = 0;
    bool fits = true;
    while (i < n && (is_letter(text[i]) ||
                     (text[i] == '\'' && i + 1 < n && is_letter(text[i + 1]) && length > 0))) {
      if (length < kMaxWordBytes)
        lower[length] = static_cast<char>(text[i] | (is_letter(text[i]) ? 0x20 : 0));
      else
        fits = false;
      ++length;
      ++i;
    }
    ++scan.words;
    if (!fits) continue;
    const WordMembership m = index.find(std::string_view(lower, length));
    const unsigned languages = m.top | m.common;
    // Exactly one language lists it.
    if (languages != 0 && (languages & (languages - 1)) == 0)
      for (int l = 0; l < kMainLanguageCount; ++l)
        if (languages == (1u << l)) ++scan.exclusive[l];
  }
  return scan;
}

std::string_view FunctionWordScan::decisive() const {
  if (!plain) return {};
  int best = -1;
  for (int l = 0; l < kMainLanguageCount; ++l) {
    if (exclusive[l] == 0) continue;
    if (best >= 0) return {};  // two languages' words: let the full path decide
    best = l;
  }
  if (best < 0 || exclusive[best] < kMinExclusiveWords ||
      exclusive[best] * kMinShareDivisor < words)
    return {};
  return kMainLanguageCodes[best];
}

bool FunctionWordScan::nothing_against(MainLanguage language) const {
  if (!plain) return false;
  for (int l = 0; l < kMainLanguageCount; ++l)
    if (l != language && exclusive[l] > 0) return false;
  return true;
}

std::string_view decisive_function_words(std::string_view text) {
  return scan_function_words(text).decisive();
}

}  // namespace textsense::langid
