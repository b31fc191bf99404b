// Model images for fuzzing the loaders (fuzz/model_fuzz.cpp) and for the
// seeds of its corpus (fuzz/model_seeds.cpp):
//   * repair_*_header(): makes a mutated image pass the header's accident
//     checks (magic, versions, file size, checksum) so that the fuzzer
//     reaches the structural validation behind them, which is what guards
//     against a deliberately crafted file. The checksum seeds copy the
//     private constants of pos_model.cpp and sentiment_lexicon.cpp;
//     check_repair_matches_serialize() aborts at start-up if they drift.
//   * small_*(): tiny valid images built with the core's own serialize(),
//     with one term or feature of each kind the engine treats differently.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/hash.h"
#include "core/pos/features.h"
#include "core/pos/model.h"
#include "core/sentiment/lexicon.h"

namespace textsense::fuzz {

constexpr std::uint64_t kLexiconChecksumSeed = 0x5E471;  // sentiment_lexicon.cpp
constexpr std::uint64_t kPosChecksumSeed = 0xC0FFEE;     // pos_model.cpp

inline void repair_lexicon_header(std::string& image) {
  using sentiment::LexiconHeader;
  if (image.size() < sizeof(LexiconHeader)) return;
  LexiconHeader h;
  std::memcpy(&h, image.data(), sizeof h);
  std::memcpy(h.magic, sentiment::kLexiconMagic, sizeof h.magic);
  h.format_version = sentiment::kLexiconFormatVersion;
  h.file_size = image.size();
  h.checksum = hashing::bytes(std::string_view(image).substr(sizeof h), kLexiconChecksumSeed);
  std::memcpy(image.data(), &h, sizeof h);
}

inline void repair_pos_header(std::string& image) {
  using pos::FileHeader;
  if (image.size() < sizeof(FileHeader)) return;
  FileHeader h;
  std::memcpy(&h, image.data(), sizeof h);
  std::memcpy(h.magic, pos::kModelMagic, sizeof h.magic);
  h.format_version = pos::kModelFormatVersion;
  h.feature_set_version = pos::kFeatureSetVersion;
  h.file_size = image.size();
  h.checksum = hashing::bytes(std::string_view(image).substr(sizeof h), kPosChecksumSeed);
  std::memcpy(image.data(), &h, sizeof h);
}

// The key of a term of one or more normalised tokens (as the compiler
// builds it).
inline std::uint64_t term_of(std::initializer_list<std::string_view> tokens) {
  std::uint64_t key = 0;
  bool first = true;
  for (std::string_view t : tokens) {
    key = first ? sentiment::term_key(t) : sentiment::phrase_key(key, sentiment::term_key(t));
    first = false;
  }
  return key;
}

inline sentiment::LexiconEntry lexicon_entry(float valence, std::uint16_t flags, float boost = 0,
                                             std::uint8_t source = 0,
                                             std::uint8_t max_phrase_tokens = 0) {
  sentiment::LexiconEntry e{};
  e.valence = valence;
  e.boost = boost;
  e.flags = flags;
  e.source = source;
  e.max_phrase_tokens = max_phrase_tokens;
  return e;
}

// Words and phrases with every role: valence, booster, damper, negator,
// contrast, concessive, scope breaker, "like", "at all", "not only",
// idioms, emoji and emoticons.
inline sentiment::LexiconContents small_lexicon_contents() {
  using namespace sentiment;
  LexiconContents c;
  c.sources = {{"textsense_rules", "PostgreSQL License"}, {"vader", "MIT"}};
  c.terms = {
      {term_of({"good"}), lexicon_entry(1.9f, kHasValence, 0, 1)},
      {term_of({"great"}), lexicon_entry(3.1f, kHasValence, 0, 1)},
      {term_of({"bad"}), lexicon_entry(-2.5f, kHasValence, 0, 1)},
      {term_of({"very"}), lexicon_entry(0, kBooster, 0.293f)},
      {term_of({"slightly"}), lexicon_entry(0, kBooster, -0.293f)},
      {term_of({"not"}), lexicon_entry(0, kNegator | kPhraseStart, 0, 0, 2)},
      {term_of({"not", "only"}), lexicon_entry(0, kNotNegator)},
      {term_of({"but"}), lexicon_entry(0, kContrastBefore)},
      {term_of({"although"}), lexicon_entry(0, kConcessive)},
      {term_of({"which"}), lexicon_entry(0, kScopeBreaker)},
      {term_of({"like"}), lexicon_entry(2.0f, kHasValence | kNeedsSubject, 0, 1)},
      {term_of({"at"}), lexicon_entry(0, kPhraseStart, 0, 0, 2)},
      {term_of({"at", "all"}), lexicon_entry(0, kAmplifiesNegation)},
      {term_of({"kind"}), lexicon_entry(0, kPhraseStart, 0, 0, 2)},
      {term_of({"kind", "of"}), lexicon_entry(0, kBooster, -0.293f)},
      {term_of({"to"}), lexicon_entry(0, kPhraseStart, 0, 0, 3)},
      {term_of({"to", "die", "for"}), lexicon_entry(3.0f, kHasValence | kIdiom)},
      {term_of({":)"}), lexicon_entry(2.0f, kHasValence | kEmoji, 0, 1)},
      {term_of({"\xF0\x9F\x98\x8D"}), lexicon_entry(3.0f, kHasValence | kEmoji, 0, 1)},  // 😍
  };
  return c;
}

// An overlay of `base` (what compile_custom_lexicon() builds): base's
// sources plus one, base's language, a few terms overriding or adding.
inline sentiment::LexiconContents overlay_contents(const sentiment::Lexicon& base) {
  using namespace sentiment;
  LexiconContents c;
  c.language = std::string(base.language());
  for (std::size_t i = 0; i < base.source_count(); ++i)
    c.sources.emplace_back(std::string(base.source_name(static_cast<std::uint8_t>(i))),
                           std::string(base.source_licence(static_cast<std::uint8_t>(i))));
  c.sources.emplace_back("fuzz", "custom");
  const auto source = static_cast<std::uint8_t>(c.sources.size() - 1);
  c.terms = {
      {term_of({"good"}), lexicon_entry(-1.0f, kHasValence, 0, source)},
      {term_of({"zorp"}), lexicon_entry(2.5f, kHasValence, 0, source)},
      {term_of({"not"}), lexicon_entry(0, kNegator | kPhraseStart, 0, source, 3)},
      {term_of({"not", "zorp", "at"}), lexicon_entry(-3.0f, kHasValence | kIdiom, 0, source)},
  };
  return c;
}

// Two classes, a tag dictionary, and sparse rows for the bias and "dog".
inline pos::ModelContents small_pos_contents() {
  using namespace pos;
  ModelContents c;
  c.classes = {{"VERB", "VB"}, {"NOUN", "NN"}};
  c.word_classes = {{word_key("dog"), 99}};
  const auto dict_model = PosModel::from_bytes(serialize(c));
  FeatureExtractor known(dict_model->word_classes());
  std::vector<TokenHashes> h;
  const std::string_view words[] = {"dog"};
  known.prepare(words, 1, h);
  std::uint64_t keys[kMaxStaticFeatures];
  known.static_features(h.data(), 1, 0, keys);
  c.features.push_back({keys[2], {{1, 0, 500}}});  // keys[2]: the lower-case word
  c.features.push_back({keys[0], {{0, 0, 100}}});  // keys[0]: the bias
  return c;
}

// 20 classes, the (SYM, NFP) emoji class among them, dense rows (>= 16
// weights) and sparse ones, over the static features of a few words.
inline pos::ModelContents dense_pos_contents() {
  using namespace pos;
  ModelContents c;
  const char* const upos[] = {"NOUN",  "VERB", "ADJ", "ADV",   "PRON", "DET",   "ADP",
                              "PUNCT", "SYM",  "NUM", "PROPN", "AUX",  "CCONJ", "SCONJ",
                              "PART",  "INTJ", "X",   "NOUN",  "VERB", "ADJ"};
  const char* const xpos[] = {"NN",  "VB", "JJ", "RB", "PRP", "DT", "IN", ".",   "NFP", "CD",
                              "NNP", "MD", "CC", "IN", "RP",  "UH", "FW", "NNS", "VBD", "JJR"};
  for (int i = 0; i < 20; ++i) c.classes.emplace_back(upos[i], xpos[i]);
  c.word_classes = {{word_key("the"), 5}, {word_key("time"), 17}, {word_key("flies"), 0x5EED}};
  // Clusters for a vocabulary word and, in the compact lexicon section, for
  // words outside the vocabulary.
  c.word_clusters = {{word_key("time"), 0x00200021u},
                     {word_key("arrow"), 0x00400042u},
                     {word_key("like"), 0x00200021u},
                     {word_key("an"), 0x00600063u}};
  const auto dict_model = PosModel::from_bytes(serialize(c));
  FeatureExtractor extractor(dict_model->word_classes());
  const std::string_view words[] = {"Time", "flies", "like", "an", "arrow", "!", "42"};
  std::vector<TokenHashes> h;
  extractor.prepare(words, std::size(words), h);
  std::vector<std::uint64_t> seen;
  int feature = 0;
  for (std::size_t i = 0; i < std::size(words); ++i) {
    std::uint64_t keys[kMaxStaticFeatures];
    const int n = extractor.static_features(h.data(), std::size(words), i, keys);
    for (int k = 0; k < n; ++k) {
      bool duplicate = keys[k] == 0;
      for (std::uint64_t s : seen) duplicate |= s == keys[k];
      if (duplicate) continue;
      seen.push_back(keys[k]);
      ModelContents::Feature f{keys[k], {}};
      const int weights = ++feature % 3 == 0 ? 20 : 1 + feature % 4;  // some dense rows
      for (int w = 0; w < weights; ++w)
        f.weights.push_back({static_cast<std::uint8_t>((feature + w) % 20), 0,
                             static_cast<std::int16_t>((feature * 37 + w * 11) % 601 - 300)});
      c.features.push_back(std::move(f));
    }
  }
  c.weight_scale = 0.01f;
  return c;
}

// Aborts when repairing a serialised image's header changes it, i.e. when
// the checksum seeds above no longer match the core's.
inline void check_repair_matches_serialize() {
  std::string lexicon = sentiment::serialize(small_lexicon_contents());
  std::string pos_image = pos::serialize(small_pos_contents());
  const std::string lexicon_before = lexicon, pos_before = pos_image;
  lexicon[16] ^= 1;  // inside the file size; the checksum follows it
  pos_image[16] ^= 1;
  repair_lexicon_header(lexicon);
  repair_pos_header(pos_image);
  if (lexicon != lexicon_before || pos_image != pos_before) {
    std::fprintf(stderr,
                 "fuzz/model_images.h: repairing a header changed a valid image: update the "
                 "checksum seeds to match src/core/pos_model.cpp and sentiment_lexicon.cpp\n");
    std::abort();
  }
}

}  // namespace textsense::fuzz
