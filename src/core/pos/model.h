// The part-of-speech model file: a versioned, checksummed, memory-mappable
// image of an averaged-perceptron tagger (tools: `textsense train-tagger`).
//
// Layout (little-endian, every section 64-byte aligned):
//   FileHeader (128 bytes): magic, format and feature-set versions, sizes,
//                           section offsets, checksum of everything after it
//   classes:       "UPOS\tXPOS\n" per class (class id = line number)
//   contractions:  "du\tde le\n" per contraction the model splits into
//                  syntactic words before tagging (lower-case surface)
//   feature slots: open-addressing table of FeatureSlot {key, begin, count},
//                  capacity a power of two, key 0 = empty
//   entries:       WeightEntry {class, weight} runs, one run per feature;
//                  weights are int16, quantised with one scale per model
//   dense rows:    int16[dense_stride] per feature that has weights for many
//                  classes (bias, shapes, common suffixes): adding those
//                  with SIMD beats scattering entry by entry
//   folded rows:   int16[kRoles][dense_stride] per vocabulary word: the summed
//                  weights of its role features (features.h), in the
//                  tagger's units; one int16 step = one weight step
//   words:         WordEntry per slot, the vocabulary (WordClassTable):
//                  the tag dictionary of the training words, with their
//                  clusters, folded rows and settled classes
//   lexicon:       WordClusterLexicon (features.h): the clusters of the
//                  words outside the vocabulary that the vectors
//                  (train/word_clusters.h) or a lexicon (train/word_classes.h)
//                  class: bucket starts uint32[2^bits + 1], fingerprints
//                  uint32[count], class ids uint16[count], and the packed
//                  clusters of each class id uint32[class count]
// A feature row is sparse because a perceptron only ever updates the gold
// and the predicted class: most features touch 1-3 of the ~100 classes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/file_format.h"
#include "core/model/mapped_file.h"
#include "core/pos/features.h"

namespace textsense::pos {

constexpr char kModelMagic[8] = {'T', 'S', 'P', 'O', 'S', 'M', 'D', 'L'};
constexpr std::uint32_t kModelFormatVersion = 7;  // 7: settled words

struct WeightEntry {
  std::uint8_t cls;
  std::uint8_t reserved;
  std::int16_t weight;
};
static_assert(sizeof(WeightEntry) == 4, "model layout");

struct FeatureSlot {
  std::uint64_t key;
  std::uint32_t begin;  // first WeightEntry, or the dense row when count == kDenseRow
  std::uint32_t count;
};
constexpr std::uint32_t kDenseRow = 0xFFFFFFFFu;

// A row is stored dense from this many weights on.
constexpr std::size_t kDenseRowMinWeights = 16;

// Dense rows are padded to a multiple of 16 classes (one AVX2 register of
// int16 lanes).
inline std::uint32_t dense_stride(std::uint32_t classes) { return (classes + 15u) / 16u * 16u; }
static_assert(sizeof(FeatureSlot) == 16, "model layout");

struct FileHeader {
  char magic[8];
  std::uint32_t format_version;
  std::uint32_t feature_set_version;
  std::uint64_t file_size;
  std::uint64_t checksum;  // hashing::bytes of [sizeof(FileHeader), file_size)
  char language[8];        // "en", NUL-padded
  std::uint32_t class_count;
  std::uint32_t feature_capacity;
  std::uint32_t feature_count;
  std::uint32_t entry_count;
  std::uint32_t word_capacity;
  std::uint32_t word_count;
  float weight_scale;  // one int16 step in perceptron units (for reports only)
  std::uint32_t dense_count;
  std::uint64_t classes_offset;
  std::uint64_t classes_size;
  std::uint64_t slots_offset;
  std::uint64_t entries_offset;
  std::uint64_t words_offset;
  std::uint64_t contractions_offset;  // "surface\tword word ...\n" lines, sorted
  std::uint64_t dense_offset;
  std::uint64_t contractions_size;
  std::uint64_t reserved_c;
  std::uint64_t folded_offset;
  std::uint32_t folded_count;
  std::uint32_t reserved32;
  std::uint64_t lexicon_offset;       // bucket starts, then fingerprints, then class ids
  std::uint32_t lexicon_count;        // words
  std::uint32_t lexicon_bucket_bits;  // 0: no lexicon
  std::uint64_t lexicon_clusters_offset;
  std::uint32_t lexicon_class_count;
  std::uint32_t reserved32b;
};
static_assert(sizeof(FileHeader) == 192, "model layout");

// A contraction: one surface token, several syntactic words (UD's
// multi-word tokens: French "du" = "de" + "le", German "zum" = "zu" +
// "dem"). Views into the model image.
constexpr int kMaxContractionWords = 4;
struct Contraction {
  std::string_view surface;  // lower-case (normalize())
  std::string_view words[kMaxContractionWords];
  std::uint8_t count;  // 2..kMaxContractionWords
};

// Everything a model holds, in plain containers: what the trainer produces
// and serialize() writes.
struct ModelContents {
  std::string language = "en";
  std::vector<std::pair<std::string, std::string>> classes;  // (UPOS, XPOS)
  struct Feature {
    std::uint64_t key;
    std::vector<WeightEntry> weights;
  };
  std::vector<Feature> features;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> word_classes;  // word key -> ambiguity
  // word key -> packed cluster ids (pack_clusters); a word of the vectors or
  // the lexicon that training never saw goes to the compact lexicon section
  // (its tagger identity is "unknown", with these clusters).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> word_clusters;
  // word key -> the word's folded rows (kRoles x dense_stride(classes)),
  // which must equal the sums of its role features' weights (the trainer
  // computes them; PosTagger relies on it). Only for words of word_classes.
  std::vector<std::pair<std::uint64_t, std::vector<std::int16_t>>> folded;
  // word key -> the class the tagger gives that word without scoring it
  // (features.h: WordEntry). Only for words of word_classes.
  std::vector<std::pair<std::uint64_t, std::uint8_t>> settled;
  // lower-case surface -> its words (2..kMaxContractionWords, no spaces).
  std::vector<std::pair<std::string, std::vector<std::string>>> contractions;
  float weight_scale = 1.0f;
};

std::string serialize(const ModelContents& contents);

// A validated, read-only view of a model image. Cheap to query from many
// threads at once (it is immutable).
class PosModel {
 public:
  // Maps and validates a model file. Throws ModelError.
  static std::unique_ptr<PosModel> load(const std::string& path);
  // Validates an in-memory image (tests, the trainer). Throws ModelError.
  static std::unique_ptr<PosModel> from_bytes(std::string bytes);

  std::size_t class_count() const { return upos_.size(); }
  std::string_view upos(std::size_t cls) const { return upos_[cls]; }
  std::string_view xpos(std::size_t cls) const { return xpos_[cls]; }
  std::string_view language() const { return language_; }
  // The header's common prefix: format version, checksum (model/file_format.h).
  const model::FilePrefix& file_prefix() const {
    return *reinterpret_cast<const model::FilePrefix*>(header_);
  }
  std::size_t feature_count() const { return header_->feature_count; }
  std::size_t entry_count() const { return header_->entry_count; }
  std::size_t size_bytes() const { return image_.size(); }
  WordClassTable word_classes() const { return words_; }

  // The slot of a feature, or an empty slot (count 0) when the model lacks it.
  const FeatureSlot& find(std::uint64_t key) const {
    for (std::uint64_t i = key & slot_mask_;; i = (i + 1) & slot_mask_) {
      const FeatureSlot& slot = slots_[i];
      if (slot.key == key || slot.key == 0) return slot;
    }
  }
  // Where find() starts probing: prefetch this before the lookups.
  const FeatureSlot* home_slot(std::uint64_t key) const { return slots_ + (key & slot_mask_); }
  const WeightEntry* entries(const FeatureSlot& slot) const { return entries_ + slot.begin; }
  const std::int16_t* dense_row(const FeatureSlot& slot) const {
    return dense_ + std::size_t(slot.begin) * stride_;
  }
  std::uint32_t stride() const { return stride_; }
  // Row `role` of the folded rows numbered `folded` (TokenHashes::folded - 1).
  const std::int16_t* folded_row(std::uint32_t folded, int role) const {
    return folded_ + (std::size_t(folded) * kRoles + std::size_t(role)) * stride_;
  }
  std::size_t folded_count() const { return header_->folded_count; }
  // The contraction whose lower-case surface is `lower`, or nullptr.
  const Contraction* contraction(std::string_view lower) const;
  // False when `token` cannot be a contraction: no surface starts with its
  // (ASCII, lower-cased) first byte and has its length. The raw-text tagger
  // then skips lower-casing and looking it up, which most tokens of most
  // languages do. Tokens that start with a non-ASCII byte are always
  // candidates. Lower-casing keeps a token's length in bytes except for a
  // few rare capitals (Turkish İ, capital ẞ, the Kelvin sign), so a
  // contraction spelt with one of those inside is tagged as one word.
  bool may_be_contraction(std::string_view token) const {
    if (token.empty() || token.size() >= 64) return false;
    const unsigned char first = static_cast<unsigned char>(token[0]);
    if (first >= 0x80) return !contractions_.empty();
    return (contraction_starts_[lower_ascii_key(first)] >> token.size() & 1u) != 0;
  }
  bool has_contractions() const { return !contractions_.empty(); }
  std::size_t contraction_count() const { return contractions_.size(); }
  std::size_t dense_count() const { return header_->dense_count; }

 private:
  PosModel() = default;
  void validate(const std::string& origin);

  model::MappedFile mapping_;
  std::string owned_;
  std::string_view image_;
  const FileHeader* header_ = nullptr;
  const FeatureSlot* slots_ = nullptr;
  std::uint64_t slot_mask_ = 0;
  const WeightEntry* entries_ = nullptr;
  const std::int16_t* dense_ = nullptr;
  const std::int16_t* folded_ = nullptr;
  std::uint32_t stride_ = 16;
  WordClassTable words_;
  std::vector<std::string_view> upos_, xpos_;
  std::vector<Contraction> contractions_;  // sorted by surface
  // Open-addressing index over contractions_ by the hash of the surface
  // (-1: empty), twice their number or more, a power of two.
  std::vector<std::int32_t> contraction_index_;
  // [first byte, lower-cased, digits as '0'] bit n: some surface starting
  // with that byte has n bytes.
  std::uint64_t contraction_starts_[128] = {};
  static unsigned lower_ascii_key(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c | 0x20u;
    if (c >= '0' && c <= '9') return '0';
    return c;
  }
  std::string language_;
};

}  // namespace textsense::pos
