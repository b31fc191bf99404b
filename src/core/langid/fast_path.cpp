#include "core/langid/fast_path.h"

#include "core/common/ascii.h"
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

bool is_letter(char c) { return ascii::is_letter(static_cast<unsigned char>(c)); }

// Non-ASCII characters that are not letters of any script and carry no
// language: punctuation (curly quotes, dashes, ellipsis), symbols, emoji and
// their joiners. Accented Latin letters are read as parts of words; a
// letter of any other script sends the text down the full path.
bool is_languageless(char32_t c) {
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||  // Latin-1 signs: « © ° ·
         (c >= 0x2000 && c <= 0x2BFF) ||                        // punctuation, arrows, symbols
         (c >= 0x1F000 && c <= 0x1FAFF) ||                      // emoji
         c == 0xFE0F || c == 0xFE0E || c == 0x20E3;             // variation selectors, keycap
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

// The length in bytes of a Latin letter beyond ASCII at text[i] (U+00C0 to
// U+024F, but × and ÷), or 0.
std::size_t latin_letter_bytes(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (i + 1 >= text.size()) return 0;
  const auto b2 = static_cast<unsigned char>(text[i + 1]);
  if (b == 0xC3) return b2 == 0x97 || b2 == 0xB7 ? 0 : 2;  // U+00C0..U+00FF
  return b >= 0xC4 && b <= 0xC9 ? 2 : 0;                   // U+0100..U+024F
}

FunctionWordScan scan_function_words(std::string_view text) {
  const FunctionWordIndex& index = FunctionWordIndex::shared();
  FunctionWordScan scan;
  char lower[kMaxWordBytes];
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    const bool ascii_letter = is_letter(c);
    if (!ascii_letter && static_cast<unsigned char>(c) >= 0x80 &&
        latin_letter_bytes(text, i) == 0) {
      if (!is_languageless(decode(text, i))) {
        scan.plain = false;  // another script
        return scan;
      }
      continue;
    }
    if (!ascii_letter && static_cast<unsigned char>(c) < 0x80) {
      ++i;
      continue;
    }
    // A word: Latin letters with inner apostrophes ("don't", "l'été"),
    // lower-cased (ASCII and Latin-1: the letters of the word lists).
    std::size_t length = 0;
    bool fits = true;
    while (i < n) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (is_letter(text[i])) {
        if (length < kMaxWordBytes) lower[length] = static_cast<char>(b | 0x20);
        ++length;
        ++i;
      } else if (b >= 0x80 && latin_letter_bytes(text, i) == 2) {
        auto b2 = static_cast<unsigned char>(text[i + 1]);
        if (b == 0xC3 && b2 >= 0x80 && b2 <= 0x9E) b2 += 0x20;  // À..Þ -> à..þ
        if (length + 1 < kMaxWordBytes) {
          lower[length] = static_cast<char>(b);
          lower[length + 1] = static_cast<char>(b2);
        }
        length += 2;
        i += 2;
      } else if (b == '\'' && length > 0 && i + 1 < n &&
                 (is_letter(text[i + 1]) || latin_letter_bytes(text, i + 1) == 2)) {
        if (length < kMaxWordBytes) lower[length] = '\'';
        ++length;
        ++i;
      } else {
        break;
      }
    }
    fits = length <= kMaxWordBytes;
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
