#include "core/lang/auto_choice.h"

namespace textsense::lang {

Choice choose_language(Code detected, bool reliable, double confidence,
                       const InstalledModels& installed, ModelKind kind) {
  Choice choice;
  choice.detected = detected;
  choice.reliable = reliable && !detected.empty();
  choice.confidence = confidence;
  if (choice.reliable) {
    if (installed.has(kind, detected.view())) choice.analyse = detected;
    return choice;
  }
  if (installed.has(kind, kFallbackLanguage)) choice.analyse = Code(kFallbackLanguage);
  return choice;
}

}  // namespace textsense::lang
