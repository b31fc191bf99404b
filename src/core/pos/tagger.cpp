#include "core/pos/tagger.h"

#include <algorithm>
#include <cstring>

#include <unicode/uchar.h>

#include "core/common/errors.h"
#include "core/common/utf8.h"

namespace textsense::pos {

namespace {

bool starts_with_emoji(std::string_view word) {
  if (word.empty() || static_cast<unsigned char>(word[0]) < 0xE0) return false;  // below U+0800
  std::size_t i = 0;
  if (utf8::find_invalid(word) != utf8::kValid) return false;
  const UChar32 c = static_cast<UChar32>(utf8::decode(word, i));
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

}  // namespace

PosTagger::PosTagger(const PosModel& model) : model_(model), features_(model.word_classes()) {
  for (std::size_t c = 0; c < model.class_count(); ++c)
    if (model.upos(c) == "SYM" && model.xpos(c) == "NFP") emoji_class_ = static_cast<int>(c);
}

namespace {

// Adds a dense int16 row to the int32 scores, 16 classes at a time with
// GCC/Clang vector types (SSE2 everywhere; an AVX2 clone is picked at load
// time where the CPU has it). Most lookups of a token land on dense rows,
// so this loop is the tagger's hot spot.
using Int16x16 = std::int16_t __attribute__((vector_size(32), aligned(2)));
using Int32x16 = std::int32_t __attribute__((vector_size(64)));

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void add_dense_row(const std::int16_t* row, std::int32_t* scores, std::uint32_t stride) {
  for (std::uint32_t b = 0; b < stride; b += 16) {
    Int16x16 w;
    std::memcpy(&w, row + b, sizeof w);
    Int32x16 s;
    std::memcpy(&s, scores + b, sizeof s);
    s += __builtin_convertvector(w, Int32x16);
    std::memcpy(scores + b, &s, sizeof s);
  }
}

// The first index of the largest score (ties go to the lower class id).
// The max pass runs 16 lanes at a time with vector types (PGXS builds at
// -O2, where GCC does not vectorise a plain loop); the search pass stops
// early.
int argmax(const std::int32_t* scores, std::size_t n) {
  std::size_t c = 0;
  std::int32_t best = scores[0];
  if (n >= 16) {
    Int32x16 m;
    std::memcpy(&m, scores, sizeof m);
    for (c = 16; c + 16 <= n; c += 16) {
      Int32x16 s;
      std::memcpy(&s, scores + c, sizeof s);
      m = m > s ? m : s;
    }
    for (int lane = 0; lane < 16; ++lane) best = std::max(best, m[lane]);
  }
  for (; c < n; ++c) best = std::max(best, scores[c]);
  c = 0;
  while (scores[c] != best) ++c;
  return static_cast<int>(c);
}

}  // namespace

void PosTagger::add_slot(const FeatureSlot& slot, std::int32_t* scores) const {
  if (slot.count == kDenseRow) {
    add_dense_row(model_.dense_row(slot), scores, model_.stride());
  } else {
    const WeightEntry* entries = model_.entries(slot);
    for (std::uint32_t e = 0; e < slot.count; ++e) scores[entries[e].cls] += entries[e].weight;
  }
}

void PosTagger::add_weights(const std::uint64_t* keys, int count, std::int32_t* scores) const {
  for (int k = 0; k < count; ++k) add_slot(model_.find(keys[k]), scores);
}

// Tagging time is almost all cache misses on the feature table, so the
// static features (which do not depend on predicted tags) are looked up
// for the whole sentence first, as a three-stage pipeline: prefetch the
// slots of token t+2, resolve the slots of token t+1 and prefetch their
// weights, add up the weights of token t. The misses of neighbouring
// tokens then overlap instead of queueing one after another. A word of the
// vocabulary brings its role features as folded rows (features.h): one
// contiguous row per role instead of a lookup per feature.
void PosTagger::compute_static_scores(std::size_t begin, std::size_t end, std::size_t count) {
  const std::uint32_t stride = model_.stride();
  const std::size_t n = end - begin;
  static_keys_.resize(n * kMaxStaticFeatures);
  static_slots_.resize(n * kMaxStaticFeatures);
  static_counts_.resize(n);
  static_rows_.resize(n * kRoles);
  static_row_counts_.resize(n);
  static_scores_.assign(n * stride, 0);
  const TokenHashes* tokens = hashes_.data();
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t i = begin + t;
    if (use_settled_ && tokens[i].settled != 0) {
      // Tagged without scores (tag_sentence()): nothing to look up.
      static_counts_[t] = 0;
      static_row_counts_[t] = 0;
      continue;
    }
    std::uint64_t* keys = static_keys_.data() + t * kMaxStaticFeatures;
    const std::int16_t** rows = static_rows_.data() + t * kRoles;
    int k = features_.fixed_features(tokens, count, i, keys);
    int r = 0;
    for (int role = 0; role < kRoles; ++role) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + kRoleOffset[role];
      const TokenHashes& word = j < 0 ? FeatureExtractor::before()
                                : j >= static_cast<std::ptrdiff_t>(count)
                                    ? FeatureExtractor::after()
                                    : tokens[j];
      if (word.folded != 0) rows[r++] = model_.folded_row(word.folded - 1, role);
      else k += FeatureExtractor::role_features(word, role, keys + k);
    }
    static_counts_[t] = k;
    static_row_counts_[t] = r;
  }
  auto prefetch_slots = [&](std::size_t t) {
    const std::uint64_t* keys = static_keys_.data() + t * kMaxStaticFeatures;
    for (int k = 0; k < static_counts_[t]; ++k) __builtin_prefetch(model_.home_slot(keys[k]));
    const std::int16_t* const* rows = static_rows_.data() + t * kRoles;
    const std::size_t row_bytes = stride * sizeof(std::int16_t);
    for (int r = 0; r < static_row_counts_[t]; ++r)
      for (std::size_t b = 0; b < row_bytes; b += 64)
        __builtin_prefetch(reinterpret_cast<const char*>(rows[r]) + b);
  };
  auto resolve = [&](std::size_t t) {
    const std::uint64_t* keys = static_keys_.data() + t * kMaxStaticFeatures;
    const FeatureSlot** slots = static_slots_.data() + t * kMaxStaticFeatures;
    for (int k = 0; k < static_counts_[t]; ++k) {
      const FeatureSlot& slot = model_.find(keys[k]);
      slots[k] = &slot;
      if (slot.count == kDenseRow) __builtin_prefetch(model_.dense_row(slot));
      else if (slot.count != 0) __builtin_prefetch(model_.entries(slot));
    }
  };
  constexpr std::size_t kAhead = 2;
  for (std::size_t t = 0; t < kAhead && t < n; ++t) prefetch_slots(t);
  resolve(0);
  for (std::size_t t = 0; t < n; ++t) {
    if (t + kAhead < n) prefetch_slots(t + kAhead);
    if (t + 1 < n) resolve(t + 1);
    const FeatureSlot* const* slots = static_slots_.data() + t * kMaxStaticFeatures;
    std::int32_t* scores = static_scores_.data() + t * stride;
    const std::int16_t* const* rows = static_rows_.data() + t * kRoles;
    for (int r = 0; r < static_row_counts_[t]; ++r) add_dense_row(rows[r], scores, stride);
    for (int k = 0; k < static_counts_[t]; ++k) add_slot(*slots[k], scores);
  }
}

void PosTagger::tag_sentence(const std::string_view* words, std::size_t count,
                             std::vector<std::uint8_t>& tags, const runtime::StopSignal& stop) {
  tags.resize(count);
  if (count == 0) return;
  features_.prepare(words, count, hashes_, /*complete=*/false);
  const std::size_t classes = model_.class_count();
  const std::uint32_t stride = model_.stride();
  std::uint64_t keys[kMaxHistoryFeatures];
  alignas(64) std::int32_t scores[256];
  int prev1 = -1, prev2 = -1;
  for (std::size_t begin = 0; begin < count; begin += kBlockTokens) {
    const std::size_t end = std::min(count, begin + kBlockTokens);
    if (begin % kStopPollTokens == 0 && begin > 0 && stop.requested()) throw CancelledError();
    compute_static_scores(begin, end, count);
    // The history features of token i depend on the tag just chosen, so
    // their lookups cannot be prefetched ahead. (Prefetching them with the
    // tag the static scores alone would choose cost more than it saved.)
    int k = features_.history_features(hashes_.data(), count, begin, prev1, prev2, keys);
    for (std::size_t i = begin; i < end; ++i) {
      int best;
      if (use_settled_ && hashes_[i].settled != 0) {
        // A settled word: training saw it with this class almost always
        // (features.h: WordEntry), and scoring it would cost a third of
        // the tagging of running text for a handful of changed tags.
        best = static_cast<int>(hashes_[i].settled) - 1;
      } else {
        const std::int32_t* static_scores = static_scores_.data() + (i - begin) * stride;
        std::copy_n(static_scores, stride, scores);
        add_weights(keys, k, scores);
        // Ties go to the lower class id, which the trainer gives the more
        // frequent class.
        best = argmax(scores, classes);
      }
      if (emoji_class_ >= 0 && starts_with_emoji(words[i])) best = emoji_class_;
      tags[i] = static_cast<std::uint8_t>(best);
      prev2 = prev1;
      prev1 = best;
      if (i + 1 < count)
        k = features_.history_features(hashes_.data(), count, i + 1, prev1, prev2, keys);
    }
  }
}

void PosTagger::release_buffers() {
  std::vector<TokenHashes>().swap(hashes_);
  std::vector<std::string_view>().swap(words_);
  std::vector<std::uint8_t>().swap(sentence_tags_);
  std::vector<std::uint32_t>().swap(word_tokens_);
  std::vector<const Contraction*>().swap(word_contractions_);
}

void PosTagger::tag_segmented_sentence(std::string_view doc, const segment::Segmentation& seg,
                                       std::size_t index, std::uint8_t* tags,
                                       std::vector<ContractionTags>* contractions,
                                       const runtime::StopSignal& stop) {
  const segment::Sentence& sentence = seg.sentences[index];
  const bool expand = model_.has_contractions();
  words_.clear();
  word_tokens_.clear();
  word_contractions_.clear();
  for (std::uint32_t t = 0; t < sentence.token_count; ++t) {
    const std::string_view text = seg.tokens[sentence.first_token + t].span.text(doc);
    const Contraction* c = nullptr;
    if (expand && text.size() <= 32 && model_.may_be_contraction(text)) {
      normalize(text, lower_);
      c = model_.contraction(lower_);
    }
    if (c == nullptr) {
      words_.push_back(text);
      word_tokens_.push_back(t);
      word_contractions_.push_back(nullptr);
      continue;
    }
    for (int k = 0; k < c->count; ++k) {
      words_.push_back(c->words[k]);
      word_tokens_.push_back(t);
      word_contractions_.push_back(c);
    }
  }
  tag_sentence(words_.data(), words_.size(), sentence_tags_, stop);
  for (std::size_t w = 0; w < words_.size();) {
    const std::uint32_t t = word_tokens_[w];
    tags[t] = sentence_tags_[w];
    const Contraction* c = word_contractions_[w];
    if (c == nullptr) {
      ++w;
      continue;
    }
    if (contractions != nullptr) {
      ContractionTags entry{sentence.first_token + t, c, {}};
      for (int k = 0; k < c->count; ++k) entry.tags[k] = sentence_tags_[w + std::size_t(k)];
      contractions->push_back(entry);
    }
    w += c->count;
  }
}

void PosTagger::tag_document(std::string_view doc, const segment::Segmentation& seg,
                             std::vector<std::uint8_t>& tags, const runtime::StopSignal& stop,
                             std::vector<ContractionTags>* contractions) {
  tags.resize(seg.tokens.size());
  if (contractions != nullptr) contractions->clear();
  std::size_t since_poll = 0;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = seg.sentences[s];
    since_poll += sentence.token_count;
    if (since_poll >= kStopPollTokens) {
      since_poll = 0;
      if (stop.requested()) throw CancelledError();
    }
    if (!model_.has_contractions()) {
      words_.clear();
      for (std::uint32_t t = 0; t < sentence.token_count; ++t)
        words_.push_back(seg.tokens[sentence.first_token + t].span.text(doc));
      tag_sentence(words_.data(), words_.size(), sentence_tags_, stop);
      std::copy(sentence_tags_.begin(), sentence_tags_.end(), tags.begin() + sentence.first_token);
      continue;
    }
    tag_segmented_sentence(doc, seg, s, tags.data() + sentence.first_token, contractions, stop);
  }
}

}  // namespace textsense::pos
