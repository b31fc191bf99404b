// Language identification: CLD2 (Compact Language Detector 2) as the base,
// plus a layer for what short texts need (short_text.h, script_rules.h):
// the writing system decides where it can, and Latin-script text is
// re-ranked among en, de, es, fr, it, pt, nl with function words and
// spelling cues, so that a few words go to the likelier main language
// rather than to a rare one CLD2's quadgrams happen to prefer.
//
// No PostgreSQL headers. Every method is const and thread-safe (CLD2 and
// the word index are read-only static tables; scratch space is per thread).
// A text longer than 64 KiB is judged on a sample spread over all of it
// (detection_sample.h), so the cost of detection is bounded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace textsense::langid {

struct Guess {
  // ISO 639-1 code ("zh" for Chinese in either script, "he" not "iw"; ISO
  // 639-2/3 for the few CLD2 languages without a two-letter code, e.g.
  // "haw"); empty when nothing can be said: empty text, no letters (digits,
  // punctuation, emoji, URLs, @mentions only) or ill-formed UTF-8.
  std::string lang;
  double confidence = 0;  // 0..1
  // True when the evidence is strong: a script that settles it, CLD2
  // reliable on enough text, or a clear margin in the short-text layer.
  bool reliable = false;
  // True when the text showed evidence of this one language only (plain
  // ASCII whose function words are all of one language, fast_path.h): no
  // part of it can be in another, so callers need not look sentence by
  // sentence.
  bool single_language = false;
  // False when nothing in the text points to a language other than `lang`
  // (a main Latin language, no function word of another, no letter of
  // another script): a caller looking for sentences in other languages
  // need not look. True whenever that cannot be said.
  bool others_possible = true;
};

struct Share {
  std::string lang;
  double percent = 0;  // 0..100 of the text's letter bytes
  double score = 0;    // CLD2's normalized score for the language (higher = more typical)
};

class Detector {
 public:
  // Builds the function-word index (once per process) so that the first
  // detect() does not pay for it.
  Detector();

  // The language of the whole text. Ill-formed UTF-8 (in the sample of a
  // long text) gives an empty Guess (PostgreSQL text in a UTF8 database is
  // always well-formed).
  Guess detect(std::string_view utf8) const;

  // detect()'s language, reliability, single_language and others_possible,
  // for choosing the models to analyse a text with: where the script alone
  // settles the language (script_rules.h, script_decides_alone: kana,
  // Hangul, most Han, Cyrillic and Arabic text), CLD2 is not run, and the
  // confidence is the script's alone. On Japanese sentences the choice
  // costs a quarter of detect()'s (docs/languages.md, "What 'auto' costs").
  Guess choose(std::string_view utf8) const;

  // Replaces `out` with up to 3 languages of a mixed document, largest
  // share first. The first is detect()'s answer for a one-language text.
  // Empty for the inputs where detect() is empty.
  void detect_all(std::string_view utf8, std::vector<Share>& out) const;
};

}  // namespace textsense::langid
