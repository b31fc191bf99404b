// Distributional word clusters for the tagger, learned from word vectors
// (GloVe, ../shared/data/vectors/): words that occur in similar contexts
// get the same cluster id, so a word the treebank never saw is tagged
// like the training words of its cluster. k-means on the unit-length
// vectors (cosine), then k-means on the centroids for the coarser levels,
// so the levels nest like the prefixes of Brown clusters.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace textsense::train {

struct ClusterOptions {
  // Clusters per level, coarsest first; pos::kClusterLevels of them.
  std::vector<int> levels = {16, 64, 256, 1024};
  int iterations = 12;
  std::uint64_t seed = 1;
};

// Reads a word2vec text file (optionally .gz or .xz: first line "count
// dimensions", then "word v1 v2 ..."), clusters the vectors and returns
// (pos::word_key(word), packed cluster ids) for every word. Words that
// fold to the same key (digits fold to 0) keep the first, most frequent,
// one. Deterministic for given options.
std::vector<std::pair<std::uint64_t, std::uint32_t>> cluster_word_vectors(
    const std::string& path, const ClusterOptions& options);

}  // namespace textsense::train
