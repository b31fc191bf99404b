#include "core/lang/auto_choice.h"

namespace textsense::lang {

Choice choose_language(Code detected, bool reliable, double confidence,
                       const InstalledModels& installed, ModelKind kind) {
  Choice choice;
  choice.detected = detected;
  choice.reliable = reliable && !detected.empty();
  choice.confidence = confidence;
  if (choice.reliable) {
    if (installed.has(kind, detected)) choice.analyse = detected;
    return choice;
  }
  static const Code fallback(kFallbackLanguage);
  if (installed.has(kind, fallback)) choice.analyse = fallback;
  return choice;
}

}  // namespace textsense::lang
