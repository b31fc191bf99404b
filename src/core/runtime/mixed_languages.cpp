#include "core/runtime/mixed_languages.h"

#include "core/common/errors.h"

namespace textsense::runtime {

lang::Code sentence_language(std::string_view sentence, const langid::Detector& detector,
                             lang::Code document_language) {
  // A few words ("Great!", "lol") say little and cost a detection each.
  if (sentence.size() < kMinMixedSentenceBytes) return document_language;
  const langid::Guess guess = detector.choose(sentence);
  if (!guess.reliable || guess.lang.empty()) return document_language;
  return lang::Code(guess.lang);
}

bool detect_sentence_languages(std::string_view doc, const segment::Segmentation& seg,
                               const langid::Detector& detector, lang::Code document_language,
                               std::vector<lang::Code>& out, const StopSignal& stop) {
  out.assign(seg.sentences.size(), document_language);
  bool differs = false;
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    if (i % kStopPollSentences == 0 && stop.requested()) throw CancelledError();
    out[i] = sentence_language(seg.sentences[i].span.text(doc), detector, document_language);
    differs |= out[i] != document_language;
  }
  return differs;
}

const sentiment::Lexicon* ForeignLexicons::find(lang::Code code) const {
  for (const Entry& e : entries) {
    if (e.code != code) continue;
    if (e.error) std::rethrow_exception(e.error);
    return e.lexicon;
  }
  return nullptr;
}

}  // namespace textsense::runtime
