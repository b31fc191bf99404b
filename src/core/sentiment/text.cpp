#include "core/sentiment/text.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <cstring>

#include "core/common/utf8.h"

namespace textsense::sentiment {

namespace {

// The lower-case of a two-byte code point (U+0080..U+07FF) in the
// alphabets of the shipped languages, itself for every other one; the
// result always has the same UTF-8 length.
constexpr char32_t lower_two_byte(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;  // Latin-1: À..Þ except ×
  if (cp >= 0x100 && cp <= 0x17F) {                              // Latin Extended-A
    const bool even_upper =
        (cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if ((even_upper && cp % 2 == 0) || (odd_upper && cp % 2 == 1)) return cp + 1;
    if (cp == 0x178) return 0xFF;  // Ÿ
    return cp;
  }
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;  // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;  // Ѐ..Џ (Ё)
  return cp;
}
constexpr bool is_lower_two_byte(char32_t cp) {
  return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x100 && cp <= 0x17F) ||
         (cp >= 0x430 && cp <= 0x45F);
}
static_assert(lower_two_byte(0xC4) == 0xE4 && lower_two_byte(0x416) == 0x436 &&
              lower_two_byte(0x401) == 0x451 && lower_two_byte(0x152) == 0x153 &&
              lower_two_byte(0x141) == 0x142 && lower_two_byte(0xE4) == 0xE4);

// lower_two_byte() and the letter case of the code points of lead bytes
// 0xC3..0xD1 (U+00C0..U+047F), precomputed: a table look-up a character
// instead of a chain of range tests (Russian text is mostly these).
constexpr char32_t kFoldFirst = 0xC0, kFoldEnd = 0x480;
struct TwoByteFold {
  std::uint16_t lowered[kFoldEnd - kFoldFirst];
  std::uint8_t is_upper[kFoldEnd - kFoldFirst];
  std::uint8_t is_lower[kFoldEnd - kFoldFirst];
  constexpr TwoByteFold() : lowered(), is_upper(), is_lower() {
    for (char32_t cp = kFoldFirst; cp < kFoldEnd; ++cp) {
      const char32_t l = lower_two_byte(cp);
      lowered[cp - kFoldFirst] = static_cast<std::uint16_t>(l);
      is_upper[cp - kFoldFirst] = l != cp;
      is_lower[cp - kFoldFirst] = l == cp && is_lower_two_byte(cp);
    }
  }
};
constexpr TwoByteFold kTwoByteFold;

// Arabic code points (U+0600..U+067F) that lookups drop: the tatweel that
// stretches a word ("جمـــيل") and the short vowels and other marks above
// and below letters (U+064B..U+065F, superscript alef U+0670). Letters are
// kept: folding the hamza forms of alef, alef maqsura and teh marbuta as
// well (the rest of Lucene's ArabicNormalizer) merged words the lists keep
// apart (a final ه is also the pronoun "his") and scored 0.006-0.012 lower
// on the Arabic dev sets.
constexpr bool is_dropped_arabic_mark(char32_t cp) {
  return cp == 0x640 || (cp >= 0x64B && cp <= 0x65F) || cp == 0x670;
}
static_assert(is_dropped_arabic_mark(0x640) && is_dropped_arabic_mark(0x64E) &&
              !is_dropped_arabic_mark(0x628));

}  // namespace

namespace detail {

std::size_t write_lookup_form_rest(std::string_view token, std::size_t i, char* out,
                                   std::size_t upper, std::size_t lower, Casing& casing) {
  casing.ascii = false;
  char* w = out + i;
  for (const std::size_t n = token.size(); i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    if (static_cast<unsigned>(c - 'A') < 26u) {
      ++upper;
      *w++ = static_cast<char>(c + ('a' - 'A'));
    } else if (static_cast<unsigned>(c - 'a') < 26u) {
      ++lower;
      *w++ = static_cast<char>(c);
    } else if (c >= 0xC3 && c <= 0xD1 && i + 1 < token.size() &&
               (static_cast<unsigned char>(token[i + 1]) & 0xC0u) == 0x80u) {
      // Two-byte letters: Latin-1, Latin Extended-A and Cyrillic capitals
      // lower-case to two bytes ("Gut"/"gut", "Très", "Отлично"); other
      // two-byte characters are copied.
      const char32_t cp =
          (char32_t{c} & 0x1Fu) << 6 | (static_cast<unsigned char>(token[i + 1]) & 0x3Fu);
      const char32_t lowered = kTwoByteFold.lowered[cp - kFoldFirst];
      upper += kTwoByteFold.is_upper[cp - kFoldFirst];
      lower += kTwoByteFold.is_lower[cp - kFoldFirst];
      *w++ = static_cast<char>(0xC0 | (lowered >> 6));
      *w++ = static_cast<char>(0x80 | (lowered & 0x3F));
      ++i;
    } else if ((c == 0xD8 || c == 0xD9) && i + 1 < token.size() &&
               (static_cast<unsigned char>(token[i + 1]) & 0xC0u) == 0x80u) {
      // Arabic (U+0600..U+067F): without tatweel and vowel marks, which
      // tweets and subtitles add or leave out freely (is_dropped_arabic_mark).
      const char32_t cp =
          (char32_t{c} & 0x1Fu) << 6 | (static_cast<unsigned char>(token[i + 1]) & 0x3Fu);
      if (!is_dropped_arabic_mark(cp)) {
        *w++ = static_cast<char>(c);
        *w++ = token[i + 1];
      }
      ++i;
    } else if (c == 0xE2 && i + 2 < token.size() && token[i + 1] == '\x80' &&
               token[i + 2] == '\x99') {
      *w++ = '\'';  // U+2019 RIGHT SINGLE QUOTATION MARK
      i += 2;
    } else if (c >= 0xE3 && c <= 0xE9 && i + 2 < token.size()) {
      // U+3000..U+9FFF (kana, Han): no case, copied whole, a character at
      // a time instead of a byte (Chinese and Japanese words are nothing else).
      std::memcpy(w, token.data() + i, 3);
      w += 3;
      i += 2;
    } else {
      *w++ = static_cast<char>(c);
    }
  }
  casing.has_letters = upper + lower > 0;
  casing.all_caps = upper >= 2 && lower == 0;
  return static_cast<std::size_t>(w - out);
}

}  // namespace detail

Casing lookup_form(std::string_view token, std::string& out) {
  out.resize(token.size());
  Casing casing;
  out.resize(write_lookup_form(token, out.data(), casing));
  return casing;
}

namespace {
bool is_modifier(char32_t c) {
  return (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0xFE0E || c == 0xFE0F;
}
}  // namespace

bool strip_emoji_modifiers(std::string_view emoji, std::string& out) {
  out.clear();
  bool changed = false;
  for (std::size_t i = 0; i < emoji.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(emoji, i);
    if (is_modifier(c)) {
      changed = true;
      continue;
    }
    out.append(emoji.substr(start, i - start));
  }
  return changed;
}

bool first_zwj_component(std::string_view emoji, std::string& out) {
  constexpr std::string_view kZwj = "\xE2\x80\x8D";  // U+200D
  const std::size_t zwj = emoji.find(kZwj);
  if (zwj == std::string_view::npos || zwj == 0) return false;
  strip_emoji_modifiers(emoji.substr(0, zwj), out);
  return true;
}

bool collapse_elongation(std::string_view form, std::size_t keep, std::string& out, bool ascii) {
  // Runs of one letter, ASCII or not ("goooood", "حلووووو", "оооочень"),
  // as code points. Most words have no run of three: find that out in one
  // pass over the bytes before decoding or writing anything (this runs on
  // every word the lexicon does not hold).
  // A character of 1, 2 or 3 bytes three times in a row; false positives
  // (unaligned matches) only cost the exact pass below.
  bool any = false;
  const auto* p = reinterpret_cast<const unsigned char*>(form.data());
  const std::size_t n = form.size();
  if (ascii) {
    for (std::size_t i = 0; i + 2 < n && !any; ++i) any = p[i] == p[i + 1] && p[i] == p[i + 2];
    if (!any) return false;
  }
  for (std::size_t i = 0; i + 2 < n && !any; ++i) {
    any = (p[i] == p[i + 1] && p[i] == p[i + 2]) ||
          (i + 5 < n && p[i] == p[i + 2] && p[i] == p[i + 4] && p[i + 1] == p[i + 3] &&
           p[i + 1] == p[i + 5]) ||
          (i + 8 < n && p[i] == p[i + 3] && p[i] == p[i + 6] && p[i + 1] == p[i + 4] &&
           p[i + 1] == p[i + 7] && p[i + 2] == p[i + 5] && p[i + 2] == p[i + 8]);
  }
  if (!any) return false;
  out.clear();
  bool elongated = false;
  for (std::size_t i = 0; i < form.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(form, i);
    const std::string_view unit = form.substr(start, i - start);
    std::size_t count = 1;
    while (form.compare(i, unit.size(), unit) == 0 && i < form.size()) {
      i += unit.size();
      ++count;
    }
    const bool letter = c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                                 : u_isalpha(static_cast<UChar32>(c)) != 0;
    if (letter && count >= 3) {
      elongated = true;
      for (std::size_t k = 0; k < keep; ++k) out.append(unit);
    } else {
      for (std::size_t k = 0; k < count; ++k) out.append(unit);
    }
  }
  return elongated;
}

}  // namespace textsense::sentiment
