#include "core/segment/token_classifier.h"

#include <unicode/uchar.h>

#include <cstdint>

#include "core/common/code_point_memo.h"
#include "core/common/utf8.h"

namespace textsense::segment {
namespace {

constexpr char32_t kVariationSelector16 = 0xFE0F;  // "render as emoji"
constexpr char32_t kCombiningKeycap = 0x20E3;      // 1️⃣ #️⃣

bool is_punctuation_category(std::int8_t category) {
  switch (category) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: return true;
    default: return false;
  }
}

// Per ASCII byte: letter, digit, or the kind of a lone character (Unicode
// general category P* -> punctuation, S* and controls -> symbol).
struct AsciiKinds {
  std::uint8_t flags[128];  // 1 letter, 2 digit, 4 punctuation
  constexpr AsciiKinds() : flags() {
    for (int c = 'a'; c <= 'z'; ++c) flags[c] = flags[c - 32] = 1;
    for (int c = '0'; c <= '9'; ++c) flags[c] = 2;
    for (unsigned char c : std::string_view("!\"#%&'()*,-./:;?@[\\]_{}")) flags[c] = 4;
  }
};
constexpr AsciiKinds kAsciiKinds;

}  // namespace

TokenKind classify_ascii(std::string_view s) {
  // A piece that starts with a letter is a word (most pieces): no need to
  // look further.
  if (kAsciiKinds.flags[static_cast<unsigned char>(s[0])] & 1) return TokenKind::kWord;
  std::uint8_t seen = 0;
  for (unsigned char c : s) seen |= kAsciiKinds.flags[c];
  if (seen & 1) return TokenKind::kWord;
  if (seen & 2) return TokenKind::kNumber;
  // Segments without letters or digits are single characters (or "_" runs).
  return (kAsciiKinds.flags[static_cast<unsigned char>(s[0])] & 4) ? TokenKind::kPunctuation
                                                                   : TokenKind::kSymbol;
}

TokenKind classify_alphabetic(std::string_view s) {
  // No code point below U+0700 is an emoji, a keycap or a variation
  // selector, so classify_unicode() says "word" for any letter here.
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::decode(s, i);
    const bool letter = c < 0x80
                            ? (kAsciiKinds.flags[c] & 1) != 0
                            : (c >= 0x410 && c <= 0x44F) || (c >= 0x621 && c <= 0x63A) ||
                                  (c >= 0x641 && c <= 0x64A) || u_isalpha(static_cast<UChar32>(c));
    if (letter) return TokenKind::kWord;
  }
  return classify_unicode(s);  // digits, or characters ICU's rules count as letters only
}

TokenKind classify_segment(std::string_view s) {
  if (utf8::is_ascii(s)) return classify_ascii(s);
  return classify_unicode(s);
}

namespace {

TokenKind classify_code_points(std::string_view s);

}  // namespace

TokenKind classify_unicode(std::string_view s) {
  std::size_t i = 0;
  const char32_t first = utf8::decode(s, i);
  // A token of one code point (punctuation, symbols, an emoji) is
  // classified once a process (common/code_point_memo.h).
  if (i == s.size()) {
    static CodePointMemo kinds;
    return static_cast<TokenKind>(kinds.get(
        first, [s](char32_t) { return static_cast<std::uint8_t>(classify_code_points(s)); }));
  }
  return classify_code_points(s);
}

namespace {

TokenKind classify_code_points(std::string_view s) {
  std::size_t i = 0;
  const char32_t first = utf8::decode(s, i);
  // Emoji first: a keycap sequence starts with a digit, a flag with two
  // regional indicators, and ICU keeps modifiers and ZWJ parts together.
  // (No code point below U+2000 has either property: words of alphabetic
  // scripts skip the two look-ups.)
  if (first >= 0x2000 && (u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION) ||
                          u_hasBinaryProperty(first, UCHAR_REGIONAL_INDICATOR)))
    return TokenKind::kEmoji;
  bool letter = false, digit = false, emoji_selector = false;
  for (std::size_t j = 0; j < s.size();) {
    const char32_t c = utf8::decode(s, j);
    if (c == kCombiningKeycap) return TokenKind::kEmoji;
    emoji_selector |= c == kVariationSelector16;
    // The letters of Cyrillic and Arabic, without ICU: most of the
    // characters of Russian and Arabic text.
    if ((c >= 0x410 && c <= 0x44F) || (c >= 0x621 && c <= 0x63A) || (c >= 0x641 && c <= 0x64A)) {
      letter = true;
    } else if (u_isalpha(c)) {
      letter = true;
    } else {
      const std::int8_t t = u_charType(c);
      digit |= t == U_DECIMAL_DIGIT_NUMBER || t == U_LETTER_NUMBER || t == U_OTHER_NUMBER;
    }
  }
  if (emoji_selector && u_hasBinaryProperty(first, UCHAR_EXTENDED_PICTOGRAPHIC))
    return TokenKind::kEmoji;
  if (letter) return TokenKind::kWord;
  if (digit) return TokenKind::kNumber;
  return is_punctuation_category(u_charType(first)) ? TokenKind::kPunctuation : TokenKind::kSymbol;
}

}  // namespace

}  // namespace textsense::segment
