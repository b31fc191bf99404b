// Decisions the writing system makes by itself, whatever CLD2's statistics
// say on a few characters: Hangul is Korean, any kana is Japanese, Han
// without kana is Chinese (unless it writes character forms only Japanese
// uses, see count_han_variants()), Thai script is Thai, Greek is Greek, Hebrew is
// Hebrew; Arabic script is Arabic unless CLD2 clearly says Persian or Urdu
// (and the text has their letters); Cyrillic is narrowed to the languages
// whose letters the text has, Russian when nothing singles another out;
// Devanagari is Hindi unless CLD2 reliably says Marathi or Nepali on a
// text long enough to tell.
#pragma once

#include <string_view>

#include "core/langid/cld2_adapter.h"
#include "core/langid/script_profile.h"

namespace textsense::langid {

struct ScriptDecision {
  std::string_view lang;  // empty: no decision (e.g. Latin, or no letters)
  double confidence = 0;
  bool reliable = false;
};

// Counts of ideographs that only one of Japanese and PRC-simplified Chinese
// writes in that form (see script_rules.cpp).
struct HanVariants {
  std::uint32_t japanese_only = 0;    // shinjitai and kokuji: 駅 広 気 込 働 ...
  std::uint32_t simplified_only = 0;  // 这 们 说 个 时 ...
  std::uint32_t traditional = 0;      // traditional forms Japanese writes too: 師 間 語 時 ...
};
HanVariants count_han_variants(std::string_view utf8);

// For a text whose dominant() script is not Latin. `han_variants` matters
// only when the dominant script is Han (count_han_variants()).
ScriptDecision decide_by_script(Script dominant, const ScriptProfile& profile, const CldResult& cld,
                                const HanVariants& han_variants);

// Whether decide_by_script() gives the same language and reliability
// whatever CLD2 says (only the confidence, a degree of agreement with
// CLD2, may differ): kana, Hangul, Thai, Greek; Han but for the one case
// CLD2 tips (traditional forms alone); Cyrillic but where CLD2 names the
// language (South Slavic, Turkic, Bulgarian-like text) or makes a short
// text reliable; Arabic without Persian or Urdu letters.
// Detector::choose() then skips CLD2.
bool script_decides_alone(Script dominant, const ScriptProfile& profile,
                          const HanVariants& han_variants);

}  // namespace textsense::langid
