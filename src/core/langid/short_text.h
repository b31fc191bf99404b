// The layer on top of CLD2 for Latin-script text. CLD2 scores quadgrams
// over 90-odd Latin languages; on a few words that is close to a coin toss
// among them ("O presidente" comes out Indonesian, "De man" English). This
// layer re-ranks among the seven main Latin languages (en de es fr it pt nl)
// with function-word lists and spelling cues (word_lists.h,
// orthographic_cues.h), taking CLD2's top-3 as one piece of evidence, and
// keeps CLD2's own answer for another Latin language only when the text is
// long enough for CLD2 to be trusted or writes letters none of the seven
// use (ł, ø, ş, ...).
#pragma once

#include <string_view>

#include "core/langid/cld2_adapter.h"
#include "core/langid/script_profile.h"
#include "core/langid/word_lists.h"

namespace textsense::langid {

// What the words of a text say, per main language.
struct LatinEvidence {
  float score[kMainLanguageCount] = {};
  int words = 0;         // Latin words looked at
  int listed_words = 0;  // of which in some function-word list
};

// Tokenizes `text` (cleaned, well-formed UTF-8) into lower-case Latin words
// and scores them; looks at the first kMaxWords words only. No allocation.
LatinEvidence gather_latin_evidence(std::string_view text);

struct LatinDecision {
  std::string_view lang;  // empty when there is nothing to say
  double confidence = 0;
  bool reliable = false;
};

// The decision for a text whose dominant script is Latin, from CLD2's
// best-effort result and the word evidence.
LatinDecision decide_latin(const ScriptProfile& profile, const CldResult& cld,
                           const LatinEvidence& evidence);

// For long text CLD2 scores as typical of its top language: CLD2's answer,
// mapped as decide_latin() would (non-Latin codes dropped).
LatinDecision decide_latin_by_cld2(const ScriptProfile& profile, const CldResult& cld);

// Words looked at by gather_latin_evidence(): enough for the word layer,
// which matters on short texts; beyond that CLD2 carries the decision.
inline constexpr int kMaxWords = 64;

}  // namespace textsense::langid
