#include "core/runtime/mixed_languages.h"

#include "core/common/errors.h"

namespace textsense::runtime {

bool detect_sentence_languages(std::string_view doc, const segment::Segmentation& seg,
                               const langid::Detector& detector, lang::Code document_language,
                               std::vector<lang::Code>& out, const StopSignal& stop) {
  out.assign(seg.sentences.size(), document_language);
  bool differs = false;
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    if (i % kStopPollSentences == 0 && stop.requested()) throw CancelledError();
    // A few words ("Great!", "lol") say little and cost a detection each.
    if (seg.sentences[i].span.byte_length < kMinMixedSentenceBytes) continue;
    const langid::Guess guess = detector.detect(seg.sentences[i].span.text(doc));
    if (!guess.reliable || guess.lang.empty()) continue;
    out[i] = lang::Code(guess.lang);
    differs |= out[i] != document_language;
  }
  return differs;
}

}  // namespace textsense::runtime
