// Accuracy of a tagger model on gold-tokenised CoNLL-U sentences.
#pragma once

#include <cstddef>
#include <vector>

#include "core/pos/model.h"
#include "train/conllu.h"

namespace textsense::train {

struct TaggerAccuracy {
  std::size_t words = 0;
  std::size_t upos_correct = 0;
  std::size_t xpos_correct = 0;
  std::size_t unknown_words = 0;  // not in the model's tag dictionary
  std::size_t unknown_upos_correct = 0;

  double upos() const { return words ? double(upos_correct) / double(words) : 0.0; }
  double xpos() const { return words ? double(xpos_correct) / double(words) : 0.0; }
  double unknown_upos() const {
    return unknown_words ? double(unknown_upos_correct) / double(unknown_words) : 0.0;
  }
};

TaggerAccuracy evaluate_tagger(const pos::PosModel& model,
                               const std::vector<ConlluSentence>& sentences);

}  // namespace textsense::train
