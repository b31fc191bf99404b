// Reading CoNLL-U treebanks (Universal Dependencies) for training and
// evaluating the tagger. Only what tagging needs is kept: the form, UPOS
// and XPOS of every syntactic word. A sentence is its list of words, the
// unit UD scores UPOS on; a multi-word token range ("3-4") is remembered on
// its first word (the contractions a language's model learns), empty nodes
// ("8.1") are skipped.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace textsense::train {

struct ConlluWord {
  std::string form, upos, xpos;
  // On the first word of a multi-word token ("du" = "de" + "le"): the
  // token's surface form and how many words it spans; empty and 0 elsewhere.
  std::string token_form;
  int token_words = 0;
};

using ConlluSentence = std::vector<ConlluWord>;

// Parses CoNLL-U text. Throws std::runtime_error naming the line of a
// malformed word line.
std::vector<ConlluSentence> parse_conllu(const std::string& text);

// Splits sentences into (the rest, every k-th sentence from the first):
// the fixed held-out part of a treebank that only has a dev split.
// Throws std::invalid_argument unless k >= 2.
std::pair<std::vector<ConlluSentence>, std::vector<ConlluSentence>> split_every(
    std::vector<ConlluSentence> sentences, int k);

// Reads a file, through `xz -dc` / `gzip -dc` when its name ends in ".xz" / ".gz".
std::string read_file(const std::string& path);

}  // namespace textsense::train
