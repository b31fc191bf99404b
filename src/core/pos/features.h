// Feature extraction for the part-of-speech tagger, shared by the trainer
// and the tagger so that both see exactly the same features.
//
// Each token's strings are hashed once (TokenHashes); a feature is then a
// 64-bit mix of a template id with one or two of those hashes, so building
// the ~30 features of a token costs arithmetic, not string work. Features
// fall in two groups: static ones depend only on the words (computed once
// per token, reusable across decoding passes) and history ones depend on
// the tags already predicted to the left.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace textsense::pos {

// Changes whenever the feature set changes: a model trained with another
// feature set is rejected on load instead of silently mis-tagging.
constexpr std::uint32_t kFeatureSetVersion = 2;

constexpr int kMaxStaticFeatures = 40;
constexpr int kMaxHistoryFeatures = 8;

// The model's vocabulary: word -> ambiguity class (hash of the set of tags
// the word took in the training data; kRareWord for words too rare to have
// one), an open-addressing table with 0 as the empty key. Lives inside the
// model file; the trainer builds the same layout in memory.
constexpr std::uint64_t kRareWord = 0x5EED5EED5EED5EEDULL;

struct WordClassTable {
  const std::uint64_t* keys = nullptr;    // [capacity]
  const std::uint64_t* values = nullptr;  // [capacity]
  std::uint64_t mask = 0;                 // capacity - 1 (capacity is a power of 2)

  std::uint64_t find(std::uint64_t key) const {
    if (keys == nullptr) return 0;
    for (std::uint64_t i = key & mask;; i = (i + 1) & mask) {
      if (keys[i] == key) return values[i];
      if (keys[i] == 0) return 0;
    }
  }
};

// What the features need to know about one token, hashed once.
struct TokenHashes {
  std::uint64_t word;       // exact form
  std::uint64_t lower;      // lower-cased, digits folded to 0
  std::uint64_t shape;      // "Xxxx", "dd.dd", "x'x"
  std::uint64_t ambiguity;  // ambiguity class from the tag dictionary, kRareWord, or 0 (unknown word)
  std::uint64_t prefix[3];  // 1..3 leading characters of `lower`
  std::uint64_t suffix[4];  // 1..4 trailing characters of `lower`
  std::uint32_t flags;      // kFlag* bits
  std::uint32_t length;     // in bytes, capped at 15
};

enum : std::uint32_t {
  kFlagHasUpper = 1u << 0,
  kFlagAllUpper = 1u << 1,
  kFlagHasDigit = 1u << 2,
  kFlagHasHyphen = 1u << 3,
  kFlagHasNonAscii = 1u << 4,
  kFlagTitle = 1u << 5,
  kFlagUrlLike = 1u << 6,
  kFlagEmailLike = 1u << 7,
  kFlagNoLetters = 1u << 8,
};

// The key under which a word is stored in the tag dictionary.
std::uint64_t word_key(std::string_view word);

// Lower-cases ASCII letters and folds every ASCII digit to '0'; other bytes
// (including non-ASCII letters) are kept as they are.
void normalize(std::string_view word, std::string& out);

class FeatureExtractor {
 public:
  explicit FeatureExtractor(WordClassTable dictionary) : dictionary_(dictionary) {}

  // Hashes every word of one sentence into `out` (resized to words.size()).
  void prepare(const std::string_view* words, std::size_t count, std::vector<TokenHashes>& out);

  // Static features of token i of a sentence of n tokens; returns how many
  // keys were written to out (at most kMaxStaticFeatures).
  int static_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                      std::uint64_t* out) const;

  // Features of token i given the two previous predicted tags (-1 before
  // the sentence start); at most kMaxHistoryFeatures.
  int history_features(const TokenHashes* tokens, std::size_t n, std::size_t i, int prev1,
                       int prev2, std::uint64_t* out) const;

 private:
  WordClassTable dictionary_;
  std::string scratch_;
};

}  // namespace textsense::pos
