#include "core/langid/script_profile.h"

#include "core/common/utf8.h"

namespace textsense::langid {

namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Latin letters written in none of the seven main languages' orthographies.
// The main ones: a-z, and à á â ã ä ç è é ê ë ì í î ï ñ ò ó ô õ ö ù ú û ü ý
// ÿ ß æ œ (lower or upper case). Everything else in Latin-1 and Latin
// Extended-A/B is "foreign" (å ø ð þ, and all of U+0100-024F but œ/Œ).
bool is_foreign_latin(char32_t c) {
  if (c < 0xC0) return false;
  if (c <= 0xFF) {
    // clang-format off
    switch (c) {
      case 0xC5: case 0xE5:  // å
      case 0xD8: case 0xF8:  // ø
      case 0xD0: case 0xF0:  // ð
      case 0xDE: case 0xFE:  // þ
        return true;
      default:
        return false;
    }
    // clang-format on
  }
  if (c == 0x152 || c == 0x153) return false;  // œ (French)
  return true;
}

Script classify(char32_t c) {
  if (c < 0x80) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Script::kLatin : Script::kNone;
  }
  if (c < 0x250) {
    if (c == 0xD7 || c == 0xF7 || c < 0xC0)
      return c == 0xAA || c == 0xBA ? Script::kLatin : Script::kNone;
    return Script::kLatin;
  }
  if (in(c, 0x370, 0x3FF)) return (c >= 0x386 && c != 0x387) ? Script::kGreek : Script::kNone;
  if (in(c, 0x400, 0x52F)) return in(c, 0x482, 0x489) ? Script::kNone : Script::kCyrillic;
  if (in(c, 0x5D0, 0x5F2)) return Script::kHebrew;
  if (in(c, 0x620, 0x64A) || in(c, 0x66E, 0x6D3) || in(c, 0x6FA, 0x6FF) || in(c, 0x750, 0x77F) ||
      in(c, 0x8A0, 0x8FF) || in(c, 0xFB50, 0xFDFF) || in(c, 0xFE70, 0xFEFC))
    return Script::kArabic;
  if (in(c, 0x900, 0x963) || in(c, 0x966, 0x97F))
    return in(c, 0x966, 0x96F) ? Script::kNone : Script::kDevanagari;
  if (in(c, 0xE01, 0xE3A) || in(c, 0xE40, 0xE4E)) return Script::kThai;
  if (in(c, 0x1E00, 0x1EFF)) return Script::kLatin;
  if (in(c, 0x1F00, 0x1FFF)) return Script::kGreek;
  if (in(c, 0xFB1D, 0xFB4F)) return Script::kHebrew;
  if (in(c, 0x3041, 0x309F) || in(c, 0x30A1, 0x30FA) || in(c, 0x30FC, 0x30FF) ||
      in(c, 0x31F0, 0x31FF) || in(c, 0xFF66, 0xFF9D))
    return Script::kKana;
  if (in(c, 0x4E00, 0x9FFF) || in(c, 0x3400, 0x4DBF) || in(c, 0xF900, 0xFAFF) ||
      in(c, 0x20000, 0x3134F) || c == 0x3005 /* 々 */)
    return Script::kHan;
  if (in(c, 0xAC00, 0xD7A3) || in(c, 0x1100, 0x11FF) || in(c, 0x3131, 0x318E))
    return Script::kHangul;
  if (in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A)) return Script::kLatin;  // fullwidth
  // Other alphabets and syllabaries CLD2 knows by script: Armenian,
  // Syriac, Thaana, the Indic scripts after Devanagari, Lao, Tibetan,
  // Myanmar, Georgian, Ethiopic, Cherokee, Khmer, Mongolian, ...
  if (in(c, 0x531, 0x587) || in(c, 0x700, 0x7B1) || in(c, 0x980, 0xDFF) || in(c, 0xE81, 0xEDF) ||
      in(c, 0xF00, 0xFFF) || in(c, 0x1000, 0x109F) || in(c, 0x10A0, 0x10FF) ||
      in(c, 0x1200, 0x139F) || in(c, 0x13A0, 0x13FF) || in(c, 0x1780, 0x17FF) ||
      in(c, 0x1800, 0x18AF))
    return Script::kOther;
  return Script::kNone;
}

void count_distinctive(char32_t c, ScriptProfile& p) {
  // clang-format off
  switch (c) {
    case 0x456: case 0x406:  // і І
    case 0x457: case 0x407:  // ї Ї
    case 0x454: case 0x404:  // є Є
    case 0x491: case 0x490:  // ґ Ґ
      ++p.cyrillic_ukrainian;
      return;
    case 0x45E: case 0x40E:  // ў
      ++p.cyrillic_belarusian;
      return;
    case 0x44B: case 0x42B:  // ы
    case 0x44D: case 0x42D:  // э
    case 0x451: case 0x401:  // ё
      ++p.cyrillic_russian;
      return;
    case 0x44A: case 0x42A:  // ъ
      ++p.cyrillic_hard_sign;
      return;
    case 0x452: case 0x402:  // ђ
    case 0x45B: case 0x40B:  // ћ
      ++p.cyrillic_serbian;
      return;
    case 0x453: case 0x403:  // ѓ
    case 0x45C: case 0x40C:  // ќ
    case 0x455: case 0x405:  // ѕ
      ++p.cyrillic_macedonian;
      return;
    case 0x458: case 0x408:  // ј
    case 0x459: case 0x409:  // љ
    case 0x45A: case 0x40A:  // њ
    case 0x45F: case 0x40F:  // џ
      ++p.cyrillic_south_slavic;
      return;
    case 0x4D9: case 0x4D8:  // ә
    case 0x493: case 0x492:  // ғ
    case 0x49B: case 0x49A:  // қ
    case 0x4A3: case 0x4A2:  // ң
    case 0x4E9: case 0x4E8:  // ө
    case 0x4B1: case 0x4B0:  // ұ
    case 0x4AF: case 0x4AE:  // ү
    case 0x4BB: case 0x4BA:  // һ
      ++p.cyrillic_turkic_mongolic;
      return;
    case 0x67E: case 0x686: case 0x698: case 0x6AF: case 0x6A9: case 0x6CC:  // پ چ ژ گ ک ی
    case 0x679: case 0x688: case 0x691: case 0x6BA: case 0x6C1: case 0x6D2: case 0x6BE:
      ++p.arabic_persian_urdu;
      return;
    default:
      return;
  }
  // clang-format on
}

}  // namespace

Script ScriptProfile::dominant() const {
  if (total_letters == 0) return Script::kNone;
  Script best = Script::kNone;
  std::uint64_t best_weight = 0;
  const std::uint64_t cjk = 3ull * (count(Script::kHan) + count(Script::kKana));
  for (int s = static_cast<int>(Script::kLatin); s < static_cast<int>(Script::kCount); ++s) {
    const Script script = static_cast<Script>(s);
    std::uint64_t weight = letters[s];
    if (script == Script::kHan) continue;  // pooled with kana below
    if (script == Script::kKana) weight = cjk;
    if (script == Script::kHangul) weight *= 3;
    if (weight > best_weight) {
      best_weight = weight;
      best = script;
    }
  }
  if (best == Script::kKana && count(Script::kKana) == 0) best = Script::kHan;
  return best;
}

ScriptProfile profile_scripts(std::string_view utf8) {
  ScriptProfile p;
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path: most text is mostly ASCII.
    const unsigned char b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++p.letters[static_cast<int>(Script::kLatin)];
      ++i;
      continue;
    }
    const char32_t c = utf8::decode(utf8, i);
    const Script s = classify(c);
    if (s == Script::kNone) continue;
    ++p.letters[static_cast<int>(s)];
    if (s == Script::kLatin) {
      if (is_foreign_latin(c)) ++p.latin_foreign;
    } else {
      count_distinctive(c, p);
    }
  }
  for (std::uint32_t count : p.letters) p.total_letters += count;
  return p;
}

}  // namespace textsense::langid
