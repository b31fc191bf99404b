// A text scored by the sentiment engine with every result kept, and its
// explain row by token text: shared by the sentiment unit tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"

namespace textsense::sentiment {

struct ScoredText {
  const Lexicon* lexicon = nullptr;
  std::string text;
  segment::Segmentation seg;
  DocumentSentiment doc;
  std::vector<SentenceSentiment> sentences;
  std::vector<TokenSentiment> tokens;

  // The explain row of the first token whose text is `token`.
  const TokenSentiment& row(std::string_view token) const {
    for (std::size_t i = 0; i < seg.tokens.size(); ++i)
      if (seg.tokens[i].span.text(text) == token) return tokens[i];
    ADD_FAILURE() << "no token \"" << token << "\" in \"" << text << "\"";
    static const TokenSentiment none;
    return none;
  }
  // The lexicon source of that row's valence ("vader+afinn", a custom
  // lexicon's name, ...).
  std::string_view source_of(std::string_view token) const {
    return lexicon->source_name(row(token).source);
  }
};

// Segments and scores `text` with `analyzer` (over analyzer.lexicon()).
inline ScoredText score_text(segment::Segmenter& segmenter, Analyzer& analyzer,
                             std::string_view text) {
  ScoredText s;
  s.lexicon = &analyzer.lexicon();
  s.text = std::string(text);
  segmenter.segment(s.text, s.seg);
  s.doc = analyzer.analyze(s.text, s.seg, s.sentences, &s.tokens);
  return s;
}

}  // namespace textsense::sentiment
