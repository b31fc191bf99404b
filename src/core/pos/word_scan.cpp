#include "core/pos/word_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/common/ascii.h"
#include "core/common/hash.h"
#include "core/pos/features.h"

namespace textsense::pos {
namespace {

// What the features read about one character beyond ASCII: its simple
// lower-case mapping (decimal digits of any script fold to '0'), its shape
// symbol and its letter case.
enum CharKind : std::uint8_t {
  kCharOther,
  kCharUpper,
  kCharLower,
  kCharCaseless,
  kCharDigit,
  kCharDash
};
struct CharInfo {
  char32_t lower;
  char shape;  // 0: shapes skip it (combining marks, joiners, variation selectors, skin tones)
  CharKind kind;
};

// The shape symbol of a non-ASCII code point. Letters read as their case
// where the script has one ('X', 'x'), else by script (Han 'H', hiragana
// 'k', katakana 'K', any other 'l'); emoji and other symbols 's', currency
// '$'; punctuation as its ASCII look-alike class.
char shape_symbol(UChar32 c, std::int8_t type) {
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER: return 'X';
    case U_LOWERCASE_LETTER: return 'x';
    case U_OTHER_LETTER:
    case U_MODIFIER_LETTER:
      if (c >= 0x3040 && c <= 0x309F) return 'k';
      if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
          (c >= 0xFF66 && c <= 0xFF9F))
        return 'K';
      if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return 'H';
      return 'l';
    case U_DECIMAL_DIGIT_NUMBER: return 'd';
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER: return 'n';
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR: return 0;
    case U_CURRENCY_SYMBOL: return '$';
    case U_MATH_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL: return 's';
    case U_DASH_PUNCTUATION: return '-';
    case U_START_PUNCTUATION: return '(';
    case U_END_PUNCTUATION: return ')';
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: return '"';
    case U_OTHER_PUNCTUATION: return '.';
    default: return 'u';
  }
}

CharInfo icu_char_info(UChar32 c) {
  const std::int8_t type = u_charType(c);
  CharInfo info{static_cast<char32_t>(u_tolower(c)), shape_symbol(c, type), kCharOther};
  if (c >= 0x1F3FB && c <= 0x1F3FF) info.shape = 0;  // skin tones: part of the emoji before
  if (type == U_DECIMAL_DIGIT_NUMBER) {
    info.lower = '0';
    info.kind = kCharDigit;
  } else if (u_isupper(c) || u_istitle(c)) {
    info.kind = kCharUpper;
  } else if (u_islower(c)) {
    info.kind = kCharLower;
  } else if (u_isalpha(c)) {
    info.kind = kCharCaseless;
  } else if (type == U_DASH_PUNCTUATION) {
    info.kind = kCharDash;
  }
  return info;
}

// The two-byte code points (U+0080..U+07FF: Latin-1 and Extended, Greek,
// Cyrillic, Armenian, Hebrew, Arabic), precomputed from ICU: a table
// look-up a character where most non-English words spend their time.
struct TwoByteInfo {
  CharInfo info[0x800 - 0x80];
  TwoByteInfo() {
    for (UChar32 c = 0x80; c < 0x800; ++c) info[c - 0x80] = icu_char_info(c);
  }
};
// Built on first use, not when the library loads: a backend that never
// tags (or tags only ASCII) does not pay its 1,920 ICU look-ups.
const TwoByteInfo& two_byte_info() {
  static const TwoByteInfo table;
  return table;
}

inline CharInfo char_info(UChar32 c) {
  if (c < 0x800) return two_byte_info().info[c - 0x80];
  // The letters of most Chinese and Japanese text, whose ICU properties
  // (Lo, no case, ideographic or kana) are known: skip six look-ups.
  if (c >= 0x4E00 && c <= 0x9FFF) return {static_cast<char32_t>(c), 'H', kCharCaseless};
  if (c >= 0x3041 && c <= 0x3096) return {static_cast<char32_t>(c), 'k', kCharCaseless};
  if (c >= 0x30A1 && c <= 0x30FA) return {static_cast<char32_t>(c), 'K', kCharCaseless};
  return icu_char_info(c);
}

// One code point of `word` at i, advancing i; an ill-formed sequence reads
// as U+FFFD (its bytes are kept by the lower-case form), so that a damaged
// word still hashes without reading past its end.
inline UChar32 next_code_point(std::string_view word, std::size_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), i, word.size(), c);
  return c;
}

inline void append_utf8(std::string& out, char32_t c) {
  char bytes[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  out.append(bytes, static_cast<std::size_t>(length));
}

// The shape, "Xxxx", "dd.dd", "xx'x", "HH", "s": character classes with
// runs capped at two, at most 12 symbols.
class ShapeBuilder {
 public:
  void add(char s) {
    if (s == 0 || n_ == static_cast<int>(sizeof shape_)) return;
    run_ = (s == last_) ? run_ + 1 : 1;
    last_ = s;
    if (run_ <= 2) shape_[n_++] = s;
  }
  std::uint64_t hash() const {
    return hashing::bytes(std::string_view(shape_, static_cast<std::size_t>(n_)), 0x5A);
  }

 private:
  char shape_[12];
  int n_ = 0;
  char last_ = 0;
  int run_ = 0;
};

char ascii_shape(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (ascii::is_digit(c)) return 'd';
  return static_cast<char>(c);
}

}  // namespace

WordFacts scan_word(std::string_view word, std::string& out) {
  ShapeBuilder shape;
  std::uint32_t flags = 0, length = 0;
  int upper = 0, lower = 0, caseless = 0;
  bool first_upper = false;
  for (std::size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    ++length;
    if (c < 0x80) {
      ++i;
      shape.add(ascii_shape(c));
      if (c >= 'A' && c <= 'Z') {
        ++upper;
        first_upper |= length == 1;
        out.push_back(static_cast<char>(c | 0x20));
        continue;
      }
      if (c >= 'a' && c <= 'z') ++lower;
      else if (ascii::is_digit(c)) flags |= kFlagHasDigit;
      else if (c == '-') flags |= kFlagHasHyphen;
      out.push_back(ascii::is_digit(c) ? '0' : static_cast<char>(c));
      continue;
    }
    flags |= kFlagHasNonAscii;
    const std::size_t start = i;
    const UChar32 cp = next_code_point(word, i);
    if (cp < 0) {
      out.append(word.data() + start, i - start);
      shape.add('u');
      continue;
    }
    const CharInfo info = char_info(cp);
    shape.add(info.shape);
    append_utf8(out, info.lower);
    switch (info.kind) {
      case kCharUpper:
        ++upper;
        first_upper |= length == 1;
        break;
      case kCharLower: ++lower; break;
      case kCharCaseless: ++caseless; break;
      case kCharDigit: flags |= kFlagHasDigit; break;
      case kCharDash: flags |= kFlagHasHyphen; break;
      case kCharOther: break;
    }
  }
  if (upper > 0) flags |= kFlagHasUpper;
  if (upper > 0 && lower == 0) flags |= kFlagAllUpper;
  if (first_upper && lower > 0) flags |= kFlagTitle;
  if (upper + lower + caseless == 0) flags |= kFlagNoLetters;
  if (word.find("://") != std::string_view::npos || word.compare(0, 4, "www.") == 0)
    flags |= kFlagUrlLike;
  const std::size_t at = word.find('@');
  if (at != std::string_view::npos && at > 0 && word.find('.', at) != std::string_view::npos)
    flags |= kFlagEmailLike;
  return {shape.hash(), flags, std::min<std::uint32_t>(length, 15)};
}

void normalize(std::string_view word, std::string& out) {
  // scan_word()'s lower-case form without its shape and flags: the raw-text
  // tagger checks every token against the model's contractions with it.
  out.assign(word.data(), word.size());
  std::size_t i = 0;
  for (const std::size_t n = out.size(); i < n; ++i) {
    const unsigned char u = static_cast<unsigned char>(out[i]);
    if (u >= 0x80) break;
    if (u >= 'A' && u <= 'Z') out[i] = static_cast<char>(u | 0x20);
    else if (ascii::is_digit(u)) out[i] = '0';
  }
  if (i == out.size()) return;
  out.resize(i);
  while (i < word.size()) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20)
                    : ascii::is_digit(c) ? '0'
                                         : static_cast<char>(c));
      ++i;
      continue;
    }
    const std::size_t start = i;
    const UChar32 cp = next_code_point(word, i);
    if (cp < 0) out.append(word.data() + start, i - start);
    else append_utf8(out, char_info(cp).lower);
  }
}

}  // namespace textsense::pos
