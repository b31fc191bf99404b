// Tagging accuracy on raw text, as the UD shared tasks score it: each
// sentence's "# text" is segmented by textsense (the language's profile)
// and tagged (contractions split as pos_tag() splits them); a predicted
// word counts when its span matches a gold word's span (a multi-word
// token's words share its span and are matched in order), and a matched
// word is tagged right when its UPOS is the gold one. Precision, recall
// and F1 are over words: tokenisation F1 and UPOS F1. Sentences whose
// gold words cannot be located in their text are skipped and counted.
#pragma once

#include <cstddef>
#include <string>

#include "core/pos/model.h"

namespace textsense::train {

struct RawTextAccuracy {
  std::size_t gold_words = 0, predicted_words = 0, matched_words = 0, upos_matched = 0;
  std::size_t sentences = 0, skipped_sentences = 0;
  static double f1(std::size_t hits, std::size_t predicted, std::size_t gold) {
    return predicted + gold == 0 ? 0.0 : 2.0 * double(hits) / double(predicted + gold);
  }
  double words_f1() const { return f1(matched_words, predicted_words, gold_words); }
  double upos_f1() const { return f1(upos_matched, predicted_words, gold_words); }
};

// `conllu` is a CoNLL-U file's text; with hold_out_every >= 2 only every
// such sentence (the 1st, the k+1th: train::split_every's held-out part)
// is scored.
RawTextAccuracy evaluate_raw_text(const pos::PosModel& model, const std::string& conllu,
                                  int hold_out_every = 0);

}  // namespace textsense::train
