// Word classes the tagger reads from a lexicon instead of from vectors: a
// tag dictionary of words the treebank may never have seen (for Chinese,
// the part-of-speech tags of jieba's dictionary, models/README.md). They
// fill the same four cluster levels as the distributional clusters
// (word_clusters.h), so the model, its features and its file format are
// those of a model with clusters: a word of the lexicon that training never
// saw is tagged like the training words of its class.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace textsense::train {

// Reads a text file (optionally .gz or .xz) of lines
//   word <TAB> class0 <TAB> class1 <TAB> class2 <TAB> class3
// (the class names of the four levels, coarsest first; any strings) and
// returns (pos::word_key(word), packed class ids) for every word, the
// first line of a key winning. Ids are given per level in order of first
// appearance, from 1; a level with more names than its bits hold
// (pos::kClusterBits) is an error, as is a line without five fields.
std::vector<std::pair<std::uint64_t, std::uint32_t>> read_word_classes(const std::string& path);

}  // namespace textsense::train
