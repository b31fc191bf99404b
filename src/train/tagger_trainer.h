// Trains the averaged-perceptron part-of-speech model (pos_model.h) from
// CoNLL-U sentences: builds the tag dictionary, runs greedy left-to-right
// perceptron epochs over the training sentences in a seeded shuffled order,
// scores the averaged model on the dev sentences after every epoch (through
// the same serialise / load / tag path the extension uses) and keeps the
// best epoch. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/pos/model.h"
#include "train/conllu.h"
#include "train/tagger_evaluation.h"
#include "train/word_classes.h"
#include "train/word_clusters.h"

namespace textsense::train {

struct TrainerOptions {
  int epochs = 15;
  std::uint64_t seed = 1;
  // Tag dictionary: words seen at least this often, with the tags that
  // make up at least this share of their occurrences.
  int dictionary_min_count = 3;
  // Vocabulary: words seen at least this often keep their identity; the
  // others (and unseen words at run time) share one "unknown" identity.
  int vocabulary_min_count = 2;
  double dictionary_min_share = 0.05;
  // Words of the vocabulary seen at least this often get folded rows
  // (pos/model.h): one row a role instead of a look-up a feature when
  // tagging, at kRoles x the class stride x 2 bytes each in the file.
  // Three keeps 94 % of EWT's training tokens folded at 70 % of the rows
  // of folding every vocabulary word (models/README.md).
  int fold_min_count = 3;
  // Settled words (pos::WordEntry): a word seen at least this often (and
  // at least dictionary_min_count times: only tag-dictionary words settle)
  // whose most frequent class makes up at least this share of its
  // occurrences is tagged with that class without scoring; 0 turns them
  // off. Chosen on the dev splits (models/README.md, "Settled words").
  int settled_min_count = 20;
  double settled_min_share = 0.995;
  // Weights whose quantised magnitude is below this many int16 steps are
  // dropped from the model file.
  int prune_below = 1;
  // The model's language (its header) and whether its classes keep the
  // treebank's XPOS: false gives (UPOS, "_") classes, for treebanks whose
  // XPOS is missing or not worth a larger model (models/README.md).
  std::string language = "en";
  bool xpos = true;
  // Word vectors (word2vec text, .gz/.xz allowed) to cluster into the
  // model's distributional classes; empty: no clusters.
  std::string vectors;
  ClusterOptions clusters;
  // Or a lexicon's word classes in their place (word_classes.h); at most
  // one of the two.
  std::string word_classes;
  std::function<void(const std::string&)> log;
};

struct TrainingResult {
  pos::ModelContents model;
  int best_epoch = 0;
  TaggerAccuracy dev;  // of the kept model
};

TrainingResult train_tagger(const std::vector<ConlluSentence>& train,
                            const std::vector<ConlluSentence>& dev, const TrainerOptions& options);

}  // namespace textsense::train
