// Reading CoNLL-U treebanks (Universal Dependencies) for training and
// evaluating the tagger. Only what tagging needs is kept: the form, UPOS
// and XPOS of every syntactic word. Multi-word token ranges ("3-4") and
// empty nodes ("8.1") are skipped, so a sentence is its list of words, the
// unit UD scores UPOS on.
#pragma once

#include <string>
#include <vector>

namespace textsense::train {

struct ConlluWord {
  std::string form, upos, xpos;
};

using ConlluSentence = std::vector<ConlluWord>;

// Parses CoNLL-U text. Throws std::runtime_error naming the line of a
// malformed word line.
std::vector<ConlluSentence> parse_conllu(const std::string& text);

// Reads a file, through `xz -dc` when its name ends in ".xz".
std::string read_file(const std::string& path);

}  // namespace textsense::train
