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
constexpr std::uint32_t kFeatureSetVersion = 4;

constexpr int kMaxStaticFeatures = 48;
constexpr int kMaxHistoryFeatures = 8;

// The model's vocabulary: the words of the training data, each with its
// ambiguity class (hash of the set of tags the word took; kRareWord for
// words too rare to have one), its clusters (below) and its folded rows, in
// an open-addressing table with 0 as the empty key. Words known only from
// word vectors or a lexicon (train/word_clusters.h, train/word_classes.h)
// are not in it: they have clusters and nothing else, and live in the
// compact WordClusterLexicon beside it. Both live inside the model file;
// the trainer builds the same layout in memory.
constexpr std::uint64_t kRareWord = 0x5EED5EED5EED5EEDULL;

// Cluster ids of one word, coarsest first, packed into 32 bits as id + 1
// (0 means "no vector") in kClusterBits[level] bits a level: levels of up
// to 16, 64, 256 and 1,024 clusters (the trainer checks its options fit).
constexpr int kClusterLevels = 4;
constexpr int kClusterBits[kClusterLevels] = {5, 7, 9, 11};
constexpr int kClusterShift[kClusterLevels] = {0, 5, 12, 21};
static_assert(kClusterShift[3] + kClusterBits[3] == 32, "clusters fill 32 bits");
inline std::uint32_t cluster_at(std::uint32_t packed, int level) {
  return (packed >> kClusterShift[level]) & ((1u << kClusterBits[level]) - 1u);
}

// One slot of the vocabulary: everything prepare() reads about a word,
// 24 bytes.
struct WordEntry {
  std::uint64_t key;        // word_key(word); 0: empty slot
  std::uint64_t ambiguity;  // ambiguity class, kRareWord, or 0 (training never saw it)
  std::uint32_t clusters;   // packed cluster ids, 0 without a vector
  // Bits 0-23: the word's folded rows in the model + 1, 0: none. Bits
  // 24-31: its settled class + 1, 0: none (a frequent word that training
  // saw with one class almost always, which the tagger takes without
  // scoring: models/README.md, "Settled words").
  std::uint32_t folded_and_settled;
};
static_assert(sizeof(WordEntry) == 24, "model layout");
constexpr std::uint32_t kMaxFoldedRows = (1u << 24) - 1;
inline std::uint32_t folded_of(const WordEntry& e) { return e.folded_and_settled & kMaxFoldedRows; }
inline std::uint32_t settled_of(const WordEntry& e) { return e.folded_and_settled >> 24; }

// Words outside the training vocabulary that word vectors or a lexicon
// class: each word's packed clusters in 6 bytes instead of a 24-byte
// vocabulary slot (a lexicon may list a million word forms). Keyed by the
// vocabulary's word key: its top bucket_bits select a bucket, its low 32
// bits are the fingerprint looked for there; a bucket's fingerprints are
// sorted and unique. Two words that share bucket and fingerprint (one pair
// in 2^48) would share clusters: serialize() keeps the first in key order.
struct WordClusterLexicon {
  const std::uint32_t* buckets = nullptr;       // [bucket count + 1] first index
  const std::uint32_t* fingerprints = nullptr;  // [count]
  const std::uint16_t* class_ids = nullptr;     // [count] into clusters
  const std::uint32_t* clusters = nullptr;      // [class count] packed cluster ids
  int shift = 64;                               // 64 - bucket_bits; 64: empty

  // The packed clusters of `key`, 0 when it has none.
  std::uint32_t find(std::uint64_t key) const {
    if (shift >= 64) return 0;
    const std::uint64_t bucket = key >> shift;
    const std::uint32_t print = static_cast<std::uint32_t>(key);
    for (std::uint32_t i = buckets[bucket], end = buckets[bucket + 1]; i < end; ++i) {
      if (fingerprints[i] < print) continue;
      return fingerprints[i] == print ? clusters[class_ids[i]] : 0;
    }
    return 0;
  }
};

struct WordClassTable {
  const WordEntry* entries = nullptr;  // [capacity]
  std::uint64_t mask = 0;              // capacity - 1 (capacity is a power of 2)
  WordClusterLexicon lexicon;          // clusters of words outside the vocabulary

  // The entry of `key`, or nullptr.
  const WordEntry* lookup(std::uint64_t key) const {
    if (entries == nullptr) return nullptr;
    for (std::uint64_t i = key & mask;; i = (i + 1) & mask) {
      if (entries[i].key == key) return &entries[i];
      if (entries[i].key == 0) return nullptr;
    }
  }
  // Where lookup() starts probing: prefetch this ahead of it.
  const WordEntry* home(std::uint64_t key) const { return entries + (key & mask); }
  std::uint64_t find(std::uint64_t key) const {
    const WordEntry* e = lookup(key);
    return e == nullptr ? 0 : e->ambiguity;
  }
  // The packed clusters of `key`, from the vocabulary or the lexicon.
  std::uint32_t clusters(std::uint64_t key) const {
    const WordEntry* e = lookup(key);
    return e != nullptr ? e->clusters : lexicon.find(key);
  }
};

// What the features need to know about one token, hashed once.
struct TokenHashes {
  std::uint64_t word;   // exact form
  std::uint64_t lower;  // lower-cased, digits folded to 0
  std::uint64_t shape;  // "Xxxx", "dd.dd", "x'x"
  std::uint64_t
      ambiguity;  // ambiguity class from the tag dictionary, kRareWord, or 0 (unknown word)
  std::uint64_t prefix[3];  // 1..3 leading characters of `lower`
  std::uint64_t suffix[4];  // 1..4 trailing characters of `lower`
  std::uint32_t clusters;   // packed cluster ids (cluster_at), 0 without a vector
  std::uint32_t flags;      // kFlag* bits
  std::uint32_t length;     // in code points, capped at 15
  std::uint32_t folded;     // the word's folded rows in the model + 1, 0: none
  std::uint32_t settled;    // its settled class + 1 (WordEntry), 0: none
};

// The static features of a token fall in two groups. Fixed ones read the
// case of a word or pair two words; role ones read one word's lower-case
// facts in one position relative to the token (the token itself, the word
// before it, ...). For a word of the model's vocabulary the weights of each
// role's features are summed at training time into one row per role (the
// model's folded rows), so tagging adds one row instead of looking up each
// feature: the same sums, far fewer cache misses.
enum Role : int { kRoleSelf, kRolePrev, kRolePrev2, kRoleNext, kRoleNext2 };
constexpr int kRoles = 5;
constexpr int kRoleOffset[kRoles] = {0, -1, -2, +1, +2};
constexpr int kMaxRoleFeatures = 16;

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

// Lower-cases letters in every script with case (Unicode simple case
// mapping) and folds every decimal digit to '0'; other characters, and
// bytes that are not well-formed UTF-8, are kept as they are.
void normalize(std::string_view word, std::string& out);

class FeatureExtractor {
 public:
  explicit FeatureExtractor(WordClassTable dictionary) : dictionary_(dictionary) {}

  // Hashes every word of one sentence into `out` (resized to words.size()).
  // With `complete` false, words with folded rows skip the hashes that only
  // their role features read (prefixes, suffixes but the third): the tagger
  // adds their folded rows instead. The trainer needs every hash.
  void prepare(const std::string_view* words, std::size_t count, std::vector<TokenHashes>& out,
               bool complete = true);

  // Static features of token i of a sentence of n tokens; returns how many
  // keys were written to out (at most kMaxStaticFeatures): the fixed
  // features and every role's features of the words around it.
  int static_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                      std::uint64_t* out) const;
  int fixed_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                     std::uint64_t* out) const;
  // The features of word `t` in `role` (at most kMaxRoleFeatures).
  static int role_features(const TokenHashes& t, int role, std::uint64_t* out);
  // What stands before the first and after the last token of a sentence.
  static const TokenHashes& before();
  static const TokenHashes& after();

  // Features of token i given the two previous predicted tags (-1 before
  // the sentence start); at most kMaxHistoryFeatures.
  int history_features(const TokenHashes* tokens, std::size_t n, std::size_t i, int prev1,
                       int prev2, std::uint64_t* out) const;

 private:
  WordClassTable dictionary_;
  std::string lowered_;                   // the lower-case forms of prepare()'s words
  std::vector<std::size_t> lowered_end_;  // where each one ends in lowered_
};

}  // namespace textsense::pos
