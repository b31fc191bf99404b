// Counts the letters of a text by writing system, plus the few letters that
// single out one language within its script (Ukrainian ї, Persian پ, ...).
// Script rules (script_rules.h) decide from these counts, and the Latin
// re-ranker (short_text.h) runs only when Latin dominates.
#pragma once

#include <cstdint>
#include <string_view>

namespace textsense::langid {

enum class Script : std::uint8_t {
  kNone,  // no letters: digits, punctuation, symbols, emoji
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,
  kHebrew,
  kHangul,
  kKana,  // hiragana or katakana (Japanese)
  kHan,   // CJK ideographs
  kThai,
  kDevanagari,
  kOther,  // any other letter: left to CLD2, which knows them by script
  kCount
};

struct ScriptProfile {
  std::uint32_t letters[static_cast<int>(Script::kCount)] = {};
  std::uint32_t total_letters = 0;

  // Letters specific to one language of a shared script (counts).
  std::uint32_t cyrillic_ukrainian = 0;        // і ї є ґ
  std::uint32_t cyrillic_belarusian = 0;       // ў
  std::uint32_t cyrillic_russian = 0;          // ы э ё
  std::uint32_t cyrillic_hard_sign = 0;        // ъ: frequent in Bulgarian, rare in Russian
  std::uint32_t cyrillic_serbian = 0;          // ђ ћ
  std::uint32_t cyrillic_macedonian = 0;       // ѓ ќ ѕ
  std::uint32_t cyrillic_south_slavic = 0;     // ј љ њ џ (Serbian and Macedonian)
  std::uint32_t cyrillic_turkic_mongolic = 0;  // ә ғ қ ң ө ұ ү һ
  std::uint32_t arabic_persian_urdu = 0;       // پ چ ژ گ ک ی and Urdu's ٹ ڈ ڑ ں ہ ے ھ
  // Latin letters that none of en, de, es, fr, it, pt, nl write (ł, ř, ş,
  // å, ø, ő, ơ, ...): evidence for a language outside the main seven.
  std::uint32_t latin_foreign = 0;

  std::uint32_t count(Script s) const { return letters[static_cast<int>(s)]; }
  // The script with the most letters, CJK and Hangul weighted x3 (one
  // ideograph carries about as much as three alphabetic letters); kKana and
  // kHan are pooled, kKana reported when the pool has any kana.
  Script dominant() const;
};

// One pass over `utf8` (must be well-formed UTF-8).
ScriptProfile profile_scripts(std::string_view utf8);

}  // namespace textsense::langid
