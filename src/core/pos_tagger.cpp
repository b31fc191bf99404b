#include "core/pos_tagger.h"

#include <algorithm>

namespace textsense::pos {

PosTagger::PosTagger(const PosModel& model) : model_(model), features_(model.word_classes()) {}

void PosTagger::add_weights(const std::uint64_t* keys, int count, std::int32_t* scores) const {
  for (int k = 0; k < count; ++k) {
    const auto [entries, n] = model_.find(keys[k]);
    for (std::uint32_t e = 0; e < n; ++e) scores[entries[e].cls] += entries[e].weight;
  }
}

void PosTagger::tag_sentence(const std::string_view* words, std::size_t count,
                             std::vector<std::uint8_t>& tags) {
  tags.resize(count);
  if (count == 0) return;
  features_.prepare(words, count, hashes_);
  const std::size_t classes = model_.class_count();
  std::uint64_t keys[kMaxStaticFeatures + kMaxHistoryFeatures];
  std::int32_t scores[256];
  int prev1 = -1, prev2 = -1;
  for (std::size_t i = 0; i < count; ++i) {
    int k = features_.static_features(hashes_.data(), count, i, keys);
    k += features_.history_features(hashes_.data(), count, i, prev1, prev2, keys + k);
    std::fill_n(scores, classes, 0);
    add_weights(keys, k, scores);
    // Ties go to the lower class id, which the trainer gives the more
    // frequent class.
    const int best = static_cast<int>(std::max_element(scores, scores + classes) - scores);
    tags[i] = static_cast<std::uint8_t>(best);
    prev2 = prev1;
    prev1 = best;
  }
}

void PosTagger::tag_document(std::string_view doc, const Segmentation& seg,
                             std::vector<std::uint8_t>& tags) {
  tags.resize(seg.tokens.size());
  for (const Sentence& sentence : seg.sentences) {
    words_.clear();
    for (std::uint32_t t = 0; t < sentence.token_count; ++t)
      words_.push_back(seg.tokens[sentence.first_token + t].span.text(doc));
    tag_sentence(words_.data(), words_.size(), sentence_tags_);
    std::copy(sentence_tags_.begin(), sentence_tags_.end(),
              tags.begin() + sentence.first_token);
  }
}

}  // namespace textsense::pos
