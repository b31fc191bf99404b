#include "core/pos/model.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <tuple>

#include "core/common/errors.h"
#include "core/model/file_format.h"
#include "core/model/image.h"
#include "core/common/hash.h"

namespace textsense::pos {
namespace {

using model::append_array;
using model::pad_to_alignment;

// The file kind: model/file_format.h checks what every kind shares.
constexpr model::FileKind kFileKind{
    kModelMagic,        kModelFormatVersion, kFeatureSetVersion,    0xC0FFEE,
    sizeof(FileHeader), "model file",        "part-of-speech model"};
static_assert(offsetof(FileHeader, language) == offsetof(model::FilePrefix, language) &&
                  offsetof(FileHeader, checksum) == offsetof(model::FilePrefix, checksum),
              "a kind's header starts with model::FilePrefix");

std::uint64_t power_of_two_at_least(std::uint64_t n) {
  std::uint64_t p = 16;
  while (p < n) p <<= 1;
  return p;
}

[[noreturn]] void damaged(const std::string& origin, const std::string& why) {
  model::damaged(kFileKind, origin, why);
}

// The lexicon section's layout, from its header fields: bucket starts,
// fingerprints and class ids, each 64-byte aligned after the one before.
struct LexiconLayout {
  std::uint64_t buckets = 0;                                     // entries
  std::uint64_t fingerprints_at = 0, class_ids_at = 0, end = 0;  // offsets from the section
  LexiconLayout(std::uint32_t bucket_bits, std::uint64_t count) {
    if (bucket_bits == 0) return;
    buckets = (std::uint64_t{1} << bucket_bits) + 1;
    fingerprints_at = model::aligned(buckets * 4);
    class_ids_at = fingerprints_at + model::aligned(count * 4);
    end = class_ids_at + count * 2;
  }
};

// Enough buckets for about eight words each: a bucket's fingerprints fit
// in half a cache line.
std::uint32_t lexicon_bucket_bits(std::size_t words) {
  if (words == 0) return 0;
  std::uint32_t bits = 1;
  while (bits < 24 && (std::size_t{8} << bits) < words) ++bits;
  return bits;
}

// The lexicon section (features.h, WordClusterLexicon) of the words that
// only have clusters: sorted by (bucket, fingerprint); a word whose bucket
// and fingerprint an earlier one has is dropped.
struct LexiconSection {
  std::uint32_t bucket_bits = 0;  // 0: no lexicon
  std::vector<std::uint32_t> bucket_starts, fingerprints, clusters;
  std::vector<std::uint16_t> class_ids;  // into clusters
};

LexiconSection make_lexicon(std::vector<std::pair<std::uint64_t, std::uint32_t>> words) {
  LexiconSection lex;
  lex.bucket_bits = lexicon_bucket_bits(words.size());
  if (lex.bucket_bits == 0) return lex;
  const int shift = 64 - int(lex.bucket_bits);
  const auto place = [shift](std::uint64_t key) {
    return std::make_pair(key >> shift, static_cast<std::uint32_t>(key));
  };
  std::sort(words.begin(), words.end(),
            [&](const auto& x, const auto& y) { return place(x.first) < place(y.first); });
  for (const auto& [key, packed] : words) lex.clusters.push_back(packed);
  std::sort(lex.clusters.begin(), lex.clusters.end());
  lex.clusters.erase(std::unique(lex.clusters.begin(), lex.clusters.end()), lex.clusters.end());
  if (lex.clusters.size() > 0xFFFF)
    throw std::invalid_argument("more than 65,535 distinct word classes in the lexicon");
  lex.bucket_starts.assign((std::size_t{1} << lex.bucket_bits) + 1, 0);
  std::uint64_t previous_bucket = 0;
  for (const auto& [key, packed] : words) {
    const auto [bucket, print] = place(key);
    if (!lex.fingerprints.empty() && bucket == previous_bucket && print == lex.fingerprints.back())
      continue;
    for (std::uint64_t k = previous_bucket + 1; k <= bucket; ++k)
      lex.bucket_starts[k] = static_cast<std::uint32_t>(lex.fingerprints.size());
    previous_bucket = bucket;
    lex.fingerprints.push_back(print);
    lex.class_ids.push_back(static_cast<std::uint16_t>(
        std::lower_bound(lex.clusters.begin(), lex.clusters.end(), packed) - lex.clusters.begin()));
  }
  for (std::uint64_t k = previous_bucket + 1; k < lex.bucket_starts.size(); ++k)
    lex.bucket_starts[k] = static_cast<std::uint32_t>(lex.fingerprints.size());
  return lex;
}

}  // namespace

std::string serialize(const ModelContents& contents) {
  if (contents.classes.empty() || contents.classes.size() > 255)
    throw std::invalid_argument("a model needs between 1 and 255 classes");
  FileHeader header{};
  model::begin_prefix(reinterpret_cast<model::FilePrefix&>(header), kFileKind, contents.language);
  header.class_count = static_cast<std::uint32_t>(contents.classes.size());
  header.weight_scale = contents.weight_scale;

  std::string classes;
  for (const auto& [upos, xpos] : contents.classes) classes += upos + "\t" + xpos + "\n";

  // Features, inserted in key order so that the image is deterministic.
  std::vector<const ModelContents::Feature*> order;
  for (const auto& f : contents.features)
    if (f.key != 0 && !f.weights.empty()) order.push_back(&f);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->key < b->key; });
  // Load factor at most 3/4: short probes, and a table a third the size of
  // one at 1/4 (fewer cache and TLB misses, which dominate tagging time).
  const std::uint64_t capacity = power_of_two_at_least(order.size() * 4 / 3 + 1);
  std::vector<FeatureSlot> slots(capacity, FeatureSlot{0, 0, 0});
  std::vector<WeightEntry> entries;
  const std::uint32_t stride = dense_stride(header.class_count);
  std::vector<std::int16_t> dense;
  for (const auto* f : order) {
    std::uint64_t i = f->key & (capacity - 1);
    while (slots[i].key != 0) {
      if (slots[i].key == f->key) throw std::invalid_argument("duplicate feature key");
      i = (i + 1) & (capacity - 1);
    }
    if (f->weights.size() >= kDenseRowMinWeights) {
      slots[i] = FeatureSlot{f->key, static_cast<std::uint32_t>(dense.size() / stride), kDenseRow};
      dense.resize(dense.size() + stride, 0);
      for (const WeightEntry& w : f->weights) {
        if (w.cls >= header.class_count) throw std::invalid_argument("weight for an unknown class");
        dense[dense.size() - stride + w.cls] = w.weight;
      }
      continue;
    }
    slots[i] = FeatureSlot{f->key, static_cast<std::uint32_t>(entries.size()),
                           static_cast<std::uint32_t>(f->weights.size())};
    entries.insert(entries.end(), f->weights.begin(), f->weights.end());
  }
  header.dense_count = static_cast<std::uint32_t>(dense.size() / stride);
  header.feature_capacity = static_cast<std::uint32_t>(capacity);
  header.feature_count = static_cast<std::uint32_t>(order.size());
  header.entry_count = static_cast<std::uint32_t>(entries.size());

  // The vocabulary: the training words, each with its ambiguity class and
  // its clusters; the words that only have clusters go to the lexicon.
  std::vector<std::tuple<std::uint64_t, std::uint64_t, std::uint32_t>> words;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> lexicon_words;
  {
    auto classes = contents.word_classes;
    auto clusters = contents.word_clusters;
    std::sort(classes.begin(), classes.end());
    std::sort(clusters.begin(), clusters.end());
    std::size_t a = 0, b = 0;
    while (a < classes.size() || b < clusters.size()) {
      if (b == clusters.size() || (a < classes.size() && classes[a].first < clusters[b].first)) {
        words.emplace_back(classes[a].first, classes[a].second, 0);
        ++a;
      } else if (a == classes.size() || clusters[b].first < classes[a].first) {
        if (!lexicon_words.empty() && lexicon_words.back().first == clusters[b].first)
          throw std::invalid_argument("duplicate word key");
        lexicon_words.push_back(clusters[b]);
        ++b;
        continue;
      } else {
        words.emplace_back(classes[a].first, classes[a].second, clusters[b].second);
        ++a, ++b;
      }
      if (words.size() >= 2 && std::get<0>(words[words.size() - 2]) == std::get<0>(words.back()))
        throw std::invalid_argument("duplicate word key");
    }
  }
  const std::uint64_t word_capacity = power_of_two_at_least(words.size() * 2 + 1);
  std::vector<WordEntry> word_table(word_capacity, WordEntry{0, 0, 0, 0});
  for (const auto& [key, value, cluster] : words) {
    if (key == 0) throw std::invalid_argument("word key 0 is reserved");
    std::uint64_t i = key & (word_capacity - 1);
    while (word_table[i].key != 0) i = (i + 1) & (word_capacity - 1);
    word_table[i] = WordEntry{key, value, cluster, 0};
  }
  // The vocabulary slot of `key`, which must be a training word: `what`
  // names the section that refers to it.
  const auto slot_of = [&](std::uint64_t key, const char* what) -> WordEntry& {
    std::uint64_t i = key & (word_capacity - 1);
    while (word_table[i].key != key) {
      if (word_table[i].key == 0)
        throw std::invalid_argument(std::string(what) + " for a word outside the vocabulary");
      i = (i + 1) & (word_capacity - 1);
    }
    return word_table[i];
  };
  // Folded rows, in key order.
  auto folded = contents.folded;
  std::sort(folded.begin(), folded.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::int16_t> folded_rows;
  for (const auto& [key, rows] : folded) {
    if (rows.size() != std::size_t(kRoles) * stride)
      throw std::invalid_argument("folded rows of the wrong size");
    WordEntry& entry = slot_of(key, "folded rows");
    if (folded_of(entry) != 0) throw std::invalid_argument("duplicate folded rows");
    const std::size_t row = folded_rows.size() / (std::size_t(kRoles) * stride) + 1;
    if (row > kMaxFoldedRows) throw std::invalid_argument("too many folded rows");
    entry.folded_and_settled = static_cast<std::uint32_t>(row);
    folded_rows.insert(folded_rows.end(), rows.begin(), rows.end());
  }
  header.folded_count = static_cast<std::uint32_t>(folded.size());
  // Settled classes (features.h: WordEntry), in the top byte.
  for (const auto& [key, cls] : contents.settled) {
    if (cls >= contents.classes.size()) throw std::invalid_argument("settled class out of range");
    WordEntry& entry = slot_of(key, "a settled class");
    if (settled_of(entry) != 0) throw std::invalid_argument("duplicate settled class");
    entry.folded_and_settled |= (static_cast<std::uint32_t>(cls) + 1) << 24;
  }
  header.word_capacity = static_cast<std::uint32_t>(word_capacity);
  header.word_count = static_cast<std::uint32_t>(words.size());

  const LexiconSection lexicon = make_lexicon(std::move(lexicon_words));
  header.lexicon_bucket_bits = lexicon.bucket_bits;
  header.lexicon_count = static_cast<std::uint32_t>(lexicon.fingerprints.size());
  header.lexicon_class_count = static_cast<std::uint32_t>(lexicon.clusters.size());

  auto contraction_list = contents.contractions;
  std::sort(contraction_list.begin(), contraction_list.end());
  std::string contractions;
  for (std::size_t i = 0; i < contraction_list.size(); ++i) {
    const auto& [surface, words] = contraction_list[i];
    if (i > 0 && contraction_list[i - 1].first == surface)
      throw std::invalid_argument("duplicate contraction");
    if (words.size() < 2 || words.size() > std::size_t(kMaxContractionWords) || surface.empty() ||
        surface.find_first_of(" \t\n") != std::string::npos)
      throw std::invalid_argument("a contraction needs 2 to 4 words and a surface without spaces");
    contractions += surface + "\t";
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (words[w].empty() || words[w].find_first_of(" \t\n") != std::string::npos)
        throw std::invalid_argument("a contraction's word is empty or has spaces");
      contractions += (w ? " " : "") + words[w];
    }
    contractions += "\n";
  }

  std::string image(sizeof header, '\0');
  pad_to_alignment(image);
  header.classes_offset = image.size();
  header.classes_size = classes.size();
  image += classes;
  header.contractions_offset = image.size();
  header.contractions_size = contractions.size();
  image += contractions;
  header.slots_offset = append_array(image, slots);
  header.entries_offset = append_array(image, entries);
  header.words_offset = append_array(image, word_table);
  header.dense_offset = append_array(image, dense);
  header.folded_offset = append_array(image, folded_rows);
  if (lexicon.bucket_bits > 0) {
    const LexiconLayout layout(lexicon.bucket_bits, lexicon.fingerprints.size());
    header.lexicon_offset = append_array(image, lexicon.bucket_starts);
    append_array(image, lexicon.fingerprints);
    append_array(image, lexicon.class_ids);
    if (image.size() != header.lexicon_offset + layout.end)
      throw std::logic_error("lexicon layout mismatch");
    header.lexicon_clusters_offset = append_array(image, lexicon.clusters);
  }
  pad_to_alignment(image);
  std::memcpy(image.data(), &header, sizeof header);
  model::seal_file(image, kFileKind);
  return image;
}

const Contraction* PosModel::contraction(std::string_view lower) const {
  if (contraction_index_.empty()) return nullptr;
  const std::uint64_t mask = contraction_index_.size() - 1;
  for (std::uint64_t i = hashing::bytes(lower, 0xC0) & mask;; i = (i + 1) & mask) {
    const std::int32_t at = contraction_index_[i];
    if (at < 0) return nullptr;
    if (contractions_[std::size_t(at)].surface == lower) return &contractions_[std::size_t(at)];
  }
}

std::unique_ptr<PosModel> PosModel::load(const std::string& path) {
  std::unique_ptr<PosModel> model(new PosModel());
  model->mapping_ = model::MappedFile(path);
  model->image_ = model->mapping_.bytes();
  model->validate(path);
  return model;
}

std::unique_ptr<PosModel> PosModel::from_bytes(std::string bytes) {
  std::unique_ptr<PosModel> model(new PosModel());
  model->owned_ = std::move(bytes);
  model->image_ = model->owned_;
  model->validate("<memory>");
  return model;
}

void PosModel::validate(const std::string& origin) {
  const std::string_view image = image_;
  model::check_file(image, kFileKind, origin);
  header_ = reinterpret_cast<const FileHeader*>(image.data());
  const FileHeader& h = *header_;

  // The checksum catches accidents; the bounds checks below make even a
  // deliberately crafted file unable to send a lookup out of the image.
  auto section_ok = [&](std::uint64_t offset, std::uint64_t count, std::uint64_t item,
                        std::uint64_t align) {
    return offset % align == 0 && offset <= image.size() && count <= (image.size() - offset) / item;
  };
  const bool pow2 = h.feature_capacity != 0 &&
                    (h.feature_capacity & (h.feature_capacity - 1)) == 0 && h.word_capacity != 0 &&
                    (h.word_capacity & (h.word_capacity - 1)) == 0;
  if (!pow2 || h.feature_count >= h.feature_capacity || h.word_count >= h.word_capacity ||
      h.class_count == 0 || h.class_count > 255 ||
      !section_ok(h.classes_offset, h.classes_size, 1, 1) ||
      !section_ok(h.contractions_offset, h.contractions_size, 1, 1) ||
      !section_ok(h.slots_offset, h.feature_capacity, sizeof(FeatureSlot), alignof(FeatureSlot)) ||
      !section_ok(h.entries_offset, h.entry_count, sizeof(WeightEntry), alignof(WeightEntry)) ||
      !section_ok(h.words_offset, h.word_capacity, sizeof(WordEntry), 8) ||
      !section_ok(h.folded_offset,
                  std::uint64_t(h.folded_count) * kRoles * dense_stride(h.class_count), 2, 64) ||
      !section_ok(h.dense_offset, std::uint64_t(h.dense_count) * dense_stride(h.class_count), 2,
                  64))
    damaged(origin, "inconsistent header");

  slots_ = reinterpret_cast<const FeatureSlot*>(image.data() + h.slots_offset);
  slot_mask_ = h.feature_capacity - 1;
  entries_ = reinterpret_cast<const WeightEntry*>(image.data() + h.entries_offset);
  dense_ = reinterpret_cast<const std::int16_t*>(image.data() + h.dense_offset);
  stride_ = dense_stride(h.class_count);
  std::uint64_t used = 0;
  for (std::uint64_t i = 0; i < h.feature_capacity; ++i) {
    const FeatureSlot& s = slots_[i];
    if (s.key == 0) {
      if (s.count != 0) damaged(origin, "empty feature slot with weights");
      continue;
    }
    ++used;
    if (s.count == kDenseRow ? s.begin >= h.dense_count
                             : (s.begin > h.entry_count || s.count > h.entry_count - s.begin))
      damaged(origin, "feature weights out of range");
  }
  if (used != h.feature_count) damaged(origin, "feature count mismatch");
  for (std::uint64_t i = 0; i < h.entry_count; ++i)
    if (entries_[i].cls >= h.class_count) damaged(origin, "weight for an unknown class");

  words_.entries = reinterpret_cast<const WordEntry*>(image.data() + h.words_offset);
  folded_ = reinterpret_cast<const std::int16_t*>(image.data() + h.folded_offset);
  words_.mask = h.word_capacity - 1;
  std::uint64_t words_used = 0;
  for (std::uint64_t i = 0; i < h.word_capacity; ++i) {
    const WordEntry& e = words_.entries[i];
    words_used += e.key != 0;
    if (folded_of(e) > h.folded_count || (folded_of(e) != 0 && e.key == 0))
      damaged(origin, "folded rows out of range");
    if (settled_of(e) > h.class_count || (settled_of(e) != 0 && e.key == 0))
      damaged(origin, "settled class out of range");
  }
  if (words_used != h.word_count) damaged(origin, "word count mismatch");

  words_.lexicon = WordClusterLexicon{};
  if (h.lexicon_bucket_bits != 0) {
    const LexiconLayout layout(h.lexicon_bucket_bits > 24 ? 0 : h.lexicon_bucket_bits,
                               h.lexicon_count);
    if (h.lexicon_bucket_bits > 24 || !section_ok(h.lexicon_offset, layout.end, 1, 64) ||
        !section_ok(h.lexicon_clusters_offset, h.lexicon_class_count, 4, 64) ||
        h.lexicon_class_count == 0 || h.lexicon_class_count > 0x10000)
      damaged(origin, "inconsistent lexicon header");
    const char* base = image.data() + h.lexicon_offset;
    WordClusterLexicon& lex = words_.lexicon;
    lex.buckets = reinterpret_cast<const std::uint32_t*>(base);
    lex.fingerprints = reinterpret_cast<const std::uint32_t*>(base + layout.fingerprints_at);
    lex.class_ids = reinterpret_cast<const std::uint16_t*>(base + layout.class_ids_at);
    lex.clusters = reinterpret_cast<const std::uint32_t*>(image.data() + h.lexicon_clusters_offset);
    // Bucket starts rise from 0 to the count; fingerprints rise within a
    // bucket; class ids index the cluster table: find() stays in bounds.
    if (lex.buckets[0] != 0 || lex.buckets[layout.buckets - 1] != h.lexicon_count)
      damaged(origin, "lexicon buckets out of range");
    for (std::uint64_t k = 0; k + 1 < layout.buckets; ++k) {
      const std::uint32_t begin = lex.buckets[k], end = lex.buckets[k + 1];
      if (begin > end) damaged(origin, "lexicon buckets out of range");
      for (std::uint32_t i = begin + 1; i < end; ++i)
        if (lex.fingerprints[i - 1] >= lex.fingerprints[i])
          damaged(origin, "lexicon fingerprints out of order");
    }
    for (std::uint64_t i = 0; i < h.lexicon_count; ++i)
      if (lex.class_ids[i] >= h.lexicon_class_count) damaged(origin, "lexicon class out of range");
    lex.shift = 64 - int(h.lexicon_bucket_bits);
  }

  std::string_view classes = image.substr(h.classes_offset, h.classes_size);
  upos_.clear();
  xpos_.clear();
  while (!classes.empty()) {
    const std::size_t eol = classes.find('\n');
    const std::string_view line = classes.substr(0, eol);
    const std::size_t tab = line.find('\t');
    if (eol == std::string_view::npos || tab == std::string_view::npos || tab == 0)
      damaged(origin, "malformed class table");
    upos_.push_back(line.substr(0, tab));
    xpos_.push_back(line.substr(tab + 1));
    classes.remove_prefix(eol + 1);
  }
  if (upos_.size() != h.class_count) damaged(origin, "class count mismatch");

  contractions_.clear();
  std::string_view lines = image.substr(h.contractions_offset, h.contractions_size);
  while (!lines.empty()) {
    const std::size_t eol = lines.find('\n');
    if (eol == std::string_view::npos) damaged(origin, "malformed contraction table");
    std::string_view line = lines.substr(0, eol);
    lines.remove_prefix(eol + 1);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) damaged(origin, "malformed contraction table");
    Contraction c{};
    c.surface = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (word.empty() || c.count == kMaxContractionWords)
        damaged(origin, "malformed contraction table");
      c.words[c.count++] = word;
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    if (c.count < 2 || (!contractions_.empty() && !(contractions_.back().surface < c.surface)))
      damaged(origin, "malformed contraction table");
    contractions_.push_back(c);
  }
  std::fill(std::begin(contraction_starts_), std::end(contraction_starts_), 0);
  contraction_index_.clear();
  if (!contractions_.empty()) {
    contraction_index_.assign(power_of_two_at_least(contractions_.size() * 2 + 1), -1);
    const std::uint64_t mask = contraction_index_.size() - 1;
    for (std::size_t k = 0; k < contractions_.size(); ++k) {
      const std::string_view surface = contractions_[k].surface;
      const unsigned char first = static_cast<unsigned char>(surface[0]);
      if (first < 0x80 && surface.size() < 64)
        contraction_starts_[lower_ascii_key(first)] |= std::uint64_t{1} << surface.size();
      std::uint64_t i = hashing::bytes(surface, 0xC0) & mask;
      while (contraction_index_[i] >= 0) i = (i + 1) & mask;
      contraction_index_[i] = static_cast<std::int32_t>(k);
    }
  }
  language_.assign(h.language, strnlen(h.language, sizeof h.language));
}

}  // namespace textsense::pos
