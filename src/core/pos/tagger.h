// Greedy left-to-right part-of-speech tagging with an averaged-perceptron
// model (pos_model.h): each token gets the class with the highest sum of
// its features' weights, given the words around it and the two tags just
// predicted. One class is a (UPOS, XPOS) pair, so both come from one
// decision and always agree with each other.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/pos/features.h"
#include "core/pos/model.h"
#include "core/segment/segmentation.h"
#include "core/runtime/stop_signal.h"

namespace textsense::pos {

// The words of one contraction token of a document (model.h), tagged:
// tags[k] is the class of contraction->words[k]. The token's entry in the
// per-token tags holds tags[0].
struct ContractionTags {
  std::uint32_t token;
  const Contraction* contraction;
  std::uint8_t tags[kMaxContractionWords];
};

class PosTagger {
 public:
  // The model must outlive the tagger. A tagger is not thread-safe (it owns
  // scratch buffers); use one per thread over one shared model.
  explicit PosTagger(const PosModel& model);

  // Tags one sentence: tags[i] is the class of words[i] (tags is resized).
  // Polls `stop` every kStopPollTokens tokens and throws CancelledError.
  void tag_sentence(const std::string_view* words, std::size_t count,
                    std::vector<std::uint8_t>& tags, const runtime::StopSignal& stop = {});

  // Tags every sentence of a segmented document: tags[i] for seg.tokens[i].
  // A token the model knows as a contraction ("du") is tagged as its words
  // ("de", "le"); with `contractions`, their tags are appended there (in
  // token order), and tags[i] is its first word's.
  void tag_document(std::string_view doc, const segment::Segmentation& seg,
                    std::vector<std::uint8_t>& tags, const runtime::StopSignal& stop = {},
                    std::vector<ContractionTags>* contractions = nullptr);
  // The same for one sentence of it; tags[0] is the tag of its first token.
  void tag_segmented_sentence(std::string_view doc, const segment::Segmentation& seg,
                              std::size_t sentence, std::uint8_t* tags,
                              std::vector<ContractionTags>* contractions,
                              const runtime::StopSignal& stop = {});

  // Whether a settled word (features.h: WordEntry) takes its settled class
  // without scoring (the default), or is scored like any word: tests and
  // measurements compare the two.
  void use_settled_classes(bool use) { use_settled_ = use; }

  // Frees scratch buffers that a huge sentence grew.
  void release_buffers();

  static constexpr std::size_t kStopPollTokens = 1 << 14;

  const PosModel& model() const { return model_; }

 private:
  void add_weights(const std::uint64_t* keys, int count, std::int32_t* scores) const;
  void add_slot(const FeatureSlot& slot, std::int32_t* scores) const;
  // Static scores of tokens [begin, end) of a sentence of `count` tokens.
  void compute_static_scores(std::size_t begin, std::size_t end, std::size_t count);
  // Static scores are computed in blocks of this many tokens, so a giant
  // "sentence" (10 MB without a full stop) needs no giant scratch buffers.
  static constexpr std::size_t kBlockTokens = 256;

  const PosModel& model_;
  int emoji_class_ = -1;  // the (SYM, NFP) class, if the model has one
  bool use_settled_ = true;
  FeatureExtractor features_;
  std::vector<TokenHashes> hashes_;
  // Per token of the current block: static feature keys, their slots, and
  // the summed static scores (stride int32 per token).
  std::vector<std::uint64_t> static_keys_;
  std::vector<const FeatureSlot*> static_slots_;
  std::vector<int> static_counts_;
  std::vector<const std::int16_t*> static_rows_;  // folded rows, kRoles per token
  std::vector<int> static_row_counts_;
  std::vector<std::int32_t> static_scores_;
  std::vector<std::string_view> words_;
  std::vector<std::uint8_t> sentence_tags_;
  // Per word of the sentence being tagged: its token (within the sentence),
  // and the contraction it comes from (nullptr for a plain token).
  std::vector<std::uint32_t> word_tokens_;
  std::vector<const Contraction*> word_contractions_;
  std::string lower_;
};

}  // namespace textsense::pos
