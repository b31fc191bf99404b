#include "train/tagger_evaluation.h"

#include <string_view>

#include "core/pos/tagger.h"

namespace textsense::train {

TaggerAccuracy evaluate_tagger(const pos::PosModel& model,
                               const std::vector<ConlluSentence>& sentences) {
  TaggerAccuracy acc;
  pos::PosTagger tagger(model);
  const pos::WordClassTable dictionary = model.word_classes();
  std::vector<std::string_view> words;
  std::vector<std::uint8_t> tags;
  for (const ConlluSentence& sentence : sentences) {
    words.clear();
    for (const ConlluWord& w : sentence) words.push_back(w.form);
    tagger.tag_sentence(words.data(), words.size(), tags);
    for (std::size_t i = 0; i < sentence.size(); ++i) {
      const bool upos_ok = model.upos(tags[i]) == sentence[i].upos;
      ++acc.words;
      acc.upos_correct += upos_ok;
      acc.xpos_correct += model.xpos(tags[i]) == sentence[i].xpos;
      if (dictionary.find(pos::word_key(sentence[i].form)) == 0) {
        ++acc.unknown_words;
        acc.unknown_upos_correct += upos_ok;
      }
    }
  }
  return acc;
}

}  // namespace textsense::train
