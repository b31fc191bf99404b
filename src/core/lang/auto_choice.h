// lang => 'auto': which language pack analyses a text, from what detection
// said and which models are installed (docs/languages.md):
//   * reliably detected and installed: that language;
//   * reliably detected, not installed: nothing (the text is never analysed
//     with another language's rules: sentiment() returns NULL);
//   * not reliable (short text, no letters, nothing detected): English,
//     the language of most short unmarked text, when it is installed.
// Deterministic: the same text and the same installed models give the same
// choice, which keeps the automatic forms IMMUTABLE for a given version.
#pragma once

#include "core/lang/code.h"
#include "core/lang/installed.h"

namespace textsense::lang {

// The language used when detection cannot tell.
inline constexpr std::string_view kFallbackLanguage = "en";

struct Choice {
  Code analyse;   // the pack that analyses the text; empty: not analysed
  Code detected;  // what detection said; empty: nothing could be said
  bool reliable = false;
  double confidence = 0;
};

Choice choose_language(Code detected, bool reliable, double confidence,
                       const InstalledModels& installed, ModelKind kind);

}  // namespace textsense::lang
