// The models shipped in models/, loaded once per benchmark binary (which
// defines TEXTSENSE_SOURCE_DIR).
#pragma once

#include <memory>
#include <string>

#include "core/pos/model.h"
#include "core/sentiment/lexicon.h"

namespace textsense::bench {

inline const sentiment::Lexicon& shipped_lexicon() {
  static const std::unique_ptr<sentiment::Lexicon> l =
      sentiment::Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  return *l;
}

inline const pos::PosModel& shipped_pos_model() {
  static const std::unique_ptr<pos::PosModel> m =
      pos::PosModel::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/pos_en.model");
  return *m;
}

}  // namespace textsense::bench
