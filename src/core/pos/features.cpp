#include "core/pos/features.h"

#include <algorithm>

#include "core/common/ascii.h"
#include "core/common/utf8.h"
#include "core/common/hash.h"
#include "core/pos/word_scan.h"

namespace textsense::pos {
namespace {

using hashing::combine;

// Sentence padding: positions before the first and after the last token.
TokenHashes make_padding(std::uint64_t seed) {
  TokenHashes t{};
  t.word = t.lower = t.shape = t.ambiguity = hashing::mix(seed);
  t.clusters = static_cast<std::uint32_t>(t.word);
  t.folded = 0;
  t.settled = 0;
  for (auto& p : t.prefix) p = t.word;
  for (auto& s : t.suffix) s = t.word;
  return t;
}

const std::uint64_t kUnknownWord = hashing::mix(0xDEC0DE);
const TokenHashes kBefore = make_padding(0xB0F);
const TokenHashes kAfter = make_padding(0xE0F);

// Feature template ids. Append new ones; never renumber (bump
// kFeatureSetVersion when the set changes).
// clang-format off
enum Template : std::uint64_t {
  kBias = 1, kWord, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2,
  kPrefix3, kShape, kFlags, kAmbiguity, kAmbiguitySuffix, kPrevLower, kPrev2Lower, kNextLower,
  kNext2Lower, kPrevSuffix, kNextSuffix, kPrevShape, kNextShape, kPrevLowerLower,
  kLowerNextLower, kNextAmbiguity, kNext2Ambiguity, kPrevAmbiguity, kFirstShape, kLength,
  kAmbiguityNextAmbiguity, kPrevNextLower, kSuffixNextLower,
  kCluster0, kCluster1, kCluster2, kCluster3, kPrevCluster, kNextCluster, kPrev2Cluster,
  kNext2Cluster,
  kTag1 = 64, kTag2Tag1, kTag1Lower, kTag1NextAmbiguity, kTag1Suffix, kTag2, kTag1Shape,
};
// clang-format on

}  // namespace

std::uint64_t word_key(std::string_view word) {
  std::string lower;
  normalize(word, lower);
  return hashing::bytes(lower, 0x3D) | 1;  // never 0, the empty-slot key
}

void FeatureExtractor::prepare(const std::string_view* words, std::size_t count,
                               std::vector<TokenHashes>& out, bool complete) {
  out.resize(count);
  // Two passes: scan every word once (its lower-case form, kept for the
  // second pass, and its shape and flags) and prefetch its vocabulary
  // slot, then read the slots, so that their cache misses overlap.
  lowered_.clear();
  lowered_end_.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t from = lowered_.size();
    const WordFacts facts = scan_word(words[i], lowered_);
    lowered_end_[i] = lowered_.size();
    TokenHashes& t = out[i];
    t.lower = hashing::bytes(std::string_view(lowered_).substr(from), 0x3D) | 1;
    t.shape = facts.shape;
    t.flags = facts.flags;
    t.length = facts.length;
    if (dictionary_.entries != nullptr) {
      // A 24-byte entry may straddle two cache lines.
      const char* home = reinterpret_cast<const char*>(dictionary_.home(t.lower));
      __builtin_prefetch(home);
      __builtin_prefetch(home + sizeof(WordEntry) - 1);
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view word = words[i];
    TokenHashes& t = out[i];
    const std::size_t from = i == 0 ? 0 : lowered_end_[i - 1];
    const std::string_view lower = std::string_view(lowered_).substr(from, lowered_end_[i] - from);
    const WordEntry* entry = dictionary_.lookup(t.lower);
    t.ambiguity = entry == nullptr ? 0 : entry->ambiguity;
    // Words outside the vocabulary may still have clusters (vectors, a
    // lexicon): the compact table beside it.
    t.clusters = entry == nullptr ? dictionary_.lexicon.find(t.lower) : entry->clusters;
    t.folded = entry == nullptr ? 0 : folded_of(*entry);
    t.settled = entry == nullptr ? 0 : settled_of(*entry);
    // Words outside the model's vocabulary share one identity, as words
    // seen once did in training: their features then carry weights learned
    // for rare words instead of none at all.
    if (t.ambiguity == 0) {
      t.word = t.lower = kUnknownWord;
    } else {
      t.word = hashing::bytes(word, 0x1D);
    }
    // Character (code point) boundaries for prefixes and suffixes.
    std::size_t starts[5];
    int found = 0;
    for (std::size_t b = lower.size(); b > 0 && found < 5; --b)
      if (!utf8::is_continuation(static_cast<unsigned char>(lower[b - 1]))) starts[found++] = b - 1;
    auto suffix = [&](int k) {
      const std::size_t at = k < found ? starts[k] : 0;
      return hashing::bytes(lower.substr(at), 0x50 + static_cast<std::uint64_t>(k));
    };
    t.suffix[2] = suffix(2);  // fixed_features reads it
    if (!complete && t.folded != 0) continue;
    for (int k : {0, 1, 3}) t.suffix[k] = suffix(k);
    std::size_t b = 0;
    for (int k = 0; k < 3; ++k) {
      if (b < lower.size()) {
        ++b;
        while (b < lower.size() && utf8::is_continuation(static_cast<unsigned char>(lower[b]))) ++b;
      }
      t.prefix[k] = hashing::bytes(lower.substr(0, b), 0x70 + static_cast<std::uint64_t>(k));
    }
  }
}

namespace {
const TokenHashes& at(const TokenHashes* tokens, std::size_t n, std::size_t i, int offset) {
  const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
  if (j < 0) return kBefore;
  if (j >= static_cast<std::ptrdiff_t>(n)) return kAfter;
  return tokens[j];
}
}  // namespace

const TokenHashes& FeatureExtractor::before() { return kBefore; }
const TokenHashes& FeatureExtractor::after() { return kAfter; }

int FeatureExtractor::fixed_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                                     std::uint64_t* out) const {
  const TokenHashes& t0 = tokens[i];
  const TokenHashes& p1 = at(tokens, n, i, -1);
  const TokenHashes& n1 = at(tokens, n, i, +1);
  int k = 0;
  out[k++] = combine(kBias, 0);
  out[k++] = combine(kWord, t0.word);
  out[k++] = combine(kShape, t0.shape);
  out[k++] = combine(kFlags, t0.flags);
  out[k++] = combine(kPrevShape, p1.shape);
  out[k++] = combine(kNextShape, n1.shape);
  out[k++] = combine(kPrevLowerLower, p1.lower, t0.lower);
  out[k++] = combine(kLowerNextLower, t0.lower, n1.lower);
  out[k++] = combine(kFirstShape, i == 0, t0.shape);
  out[k++] = combine(kAmbiguityNextAmbiguity, t0.ambiguity, n1.ambiguity);
  out[k++] = combine(kPrevNextLower, p1.lower, n1.lower);
  out[k++] = combine(kSuffixNextLower, t0.suffix[2], n1.lower);
  return k;
}

int FeatureExtractor::role_features(const TokenHashes& t, int role, std::uint64_t* out) {
  int k = 0;
  switch (role) {
    case kRoleSelf:
      out[k++] = combine(kLower, t.lower);
      out[k++] = combine(kSuffix1, t.suffix[0]);
      out[k++] = combine(kSuffix2, t.suffix[1]);
      out[k++] = combine(kSuffix3, t.suffix[2]);
      out[k++] = combine(kSuffix4, t.suffix[3]);
      out[k++] = combine(kPrefix1, t.prefix[0]);
      out[k++] = combine(kPrefix2, t.prefix[1]);
      out[k++] = combine(kPrefix3, t.prefix[2]);
      out[k++] = combine(kAmbiguity, t.ambiguity);
      out[k++] = combine(kAmbiguitySuffix, t.ambiguity, t.suffix[2]);
      out[k++] = combine(kLength, t.length);
      out[k++] = combine(kCluster0, cluster_at(t.clusters, 0));
      out[k++] = combine(kCluster1, cluster_at(t.clusters, 1));
      out[k++] = combine(kCluster2, cluster_at(t.clusters, 2));
      out[k++] = combine(kCluster3, cluster_at(t.clusters, 3));
      break;
    case kRolePrev:
      out[k++] = combine(kPrevLower, t.lower);
      out[k++] = combine(kPrevSuffix, t.suffix[2]);
      out[k++] = combine(kPrevAmbiguity, t.ambiguity);
      out[k++] = combine(kPrevCluster, cluster_at(t.clusters, 2));
      break;
    case kRolePrev2:
      out[k++] = combine(kPrev2Lower, t.lower);
      out[k++] = combine(kPrev2Cluster, cluster_at(t.clusters, 1));
      break;
    case kRoleNext:
      out[k++] = combine(kNextLower, t.lower);
      out[k++] = combine(kNextSuffix, t.suffix[2]);
      out[k++] = combine(kNextAmbiguity, t.ambiguity);
      out[k++] = combine(kNextCluster, cluster_at(t.clusters, 2));
      break;
    case kRoleNext2:
      out[k++] = combine(kNext2Lower, t.lower);
      out[k++] = combine(kNext2Ambiguity, t.ambiguity);
      out[k++] = combine(kNext2Cluster, cluster_at(t.clusters, 1));
      break;
  }
  return k;
}

int FeatureExtractor::static_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                                      std::uint64_t* out) const {
  int k = fixed_features(tokens, n, i, out);
  for (int role = 0; role < kRoles; ++role)
    k += role_features(at(tokens, n, i, kRoleOffset[role]), role, out + k);
  return k;
}

int FeatureExtractor::history_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                                       int prev1, int prev2, std::uint64_t* out) const {
  const TokenHashes& t0 = tokens[i];
  const TokenHashes& n1 = i + 1 < n ? tokens[i + 1] : kAfter;
  const std::uint64_t tag1 = static_cast<std::uint64_t>(prev1 + 2);
  const std::uint64_t tag2 = static_cast<std::uint64_t>(prev2 + 2);
  int k = 0;
  out[k++] = combine(kTag1, tag1);
  out[k++] = combine(kTag2, tag2);
  out[k++] = combine(kTag2Tag1, tag2, tag1);
  out[k++] = combine(kTag1Lower, tag1, t0.lower);
  out[k++] = combine(kTag1NextAmbiguity, tag1, n1.ambiguity);
  out[k++] = combine(kTag1Suffix, tag1, t0.suffix[2]);
  out[k++] = combine(kTag1Shape, tag1, t0.shape);
  return k;
}

}  // namespace textsense::pos
