// The tagger's pieces: feature extraction, unknown words, the model file
// (round trip, damaged and truncated images, missing file) and the
// trainer's determinism, on small inputs that need no shared data.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/common/errors.h"
#include "core/common/hash.h"
#include "core/pos/features.h"
#include "core/pos/model.h"
#include "core/pos/tagger.h"
#include "core/segment/segmenter.h"
#include "train/conllu.h"
#include "train/tagger_trainer.h"
#include "train/word_classes.h"
#include "train/word_clusters.h"

namespace textsense::pos {
namespace {

std::vector<TokenHashes> hashes_of(const std::vector<std::string_view>& words,
                                   WordClassTable dictionary = {}) {
  FeatureExtractor extractor(dictionary);
  std::vector<TokenHashes> out;
  extractor.prepare(words.data(), words.size(), out);
  return out;
}

TEST(PosFeatures, NormalizeLowercasesEveryScriptAndFoldsDigits) {
  std::string out;
  normalize("iPhone 15 Pro-MAX", out);
  EXPECT_EQ(out, "iphone 00 pro-max");
  normalize("Ökonomie", out);
  EXPECT_EQ(out, "ökonomie");
  normalize("МОСКВА Ёж ΣΟΦΙΑ", out);  // Cyrillic, Greek
  EXPECT_EQ(out, "москва ёж σοφια");
  normalize("２０２４年 ٣", out);  // full-width and Arabic-Indic digits
  EXPECT_EQ(out, "0000年 0");
  normalize("博物馆😀", out);  // no case: kept
  EXPECT_EQ(out, "博物馆😀");
  EXPECT_EQ(word_key("Москва"), word_key("москва"));
  // Bytes that are not UTF-8 are kept, and nothing reads past the word.
  const std::string bad = std::string("A\xC3") + "\xFF" + "B";
  normalize(std::string_view(bad).substr(0, 2), out);
  EXPECT_EQ(out, "a\xC3");
  normalize(bad, out);
  EXPECT_EQ(out,
            "a\xC3\xFF"
            "b");
}

// Case, shape and "no letters" read every script: a Cyrillic or German
// capital is a capital, an emoji is a symbol, not a letter.
TEST(PosFeatures, CaseAndShapeInEveryScript) {
  const auto h = hashes_of({"Москва", "Ärger", "ДОМ", "москва", "😀😀😀", "₽", "$", "🙏🏻", "🙏",
                            "博物馆", "ひらがな", "カタカナ", "Berlin"});
  EXPECT_TRUE(h[0].flags & kFlagTitle);
  EXPECT_TRUE(h[1].flags & kFlagTitle);
  EXPECT_TRUE(h[2].flags & kFlagAllUpper);
  EXPECT_EQ(h[3].flags & (kFlagHasUpper | kFlagNoLetters), 0u);
  EXPECT_EQ(h[0].lower, h[3].lower);
  EXPECT_EQ(h[0].shape, h[12].shape);  // "Xxx" in any alphabet
  EXPECT_TRUE(h[4].flags & kFlagNoLetters);
  EXPECT_EQ(h[5].shape, h[6].shape);  // currency
  EXPECT_EQ(h[7].shape, h[8].shape);  // a skin tone belongs to its emoji
  EXPECT_FALSE(h[9].flags & kFlagNoLetters);
  EXPECT_NE(h[9].shape, h[10].shape);  // Han, hiragana and katakana differ
  EXPECT_NE(h[10].shape, h[11].shape);
  EXPECT_EQ(h[9].length, 3u);  // code points
}

TEST(PosFeatures, SuffixesAndPrefixesRespectCharacterBoundaries) {
  // "café": the last character is two bytes; suffix 1 must be "é", not a
  // lone continuation byte, so it equals the suffix of another word in é.
  const auto h = hashes_of({"café", "résumé", "cafe"});
  EXPECT_EQ(h[0].suffix[0], h[1].suffix[0]);
  EXPECT_NE(h[0].suffix[0], h[2].suffix[0]);
  EXPECT_EQ(h[0].prefix[2], h[2].prefix[2]);  // "caf"
}

// The languages of the shipped models: suffixes and prefixes are whole
// characters in Cyrillic (2 bytes), CJK and kana (3 bytes), so "книгах"
// shares its case ending with "рыбах" and 博物馆 its last character with
// 图书馆; a word of one character is its own prefix and suffix.
TEST(PosFeatures, AffixesAreCharactersInEveryScript) {
  const auto h = hashes_of({"книгах", "рыбах", "博物馆", "图书馆", "馆", "行きました", "見ました"});
  EXPECT_EQ(h[0].suffix[1], h[1].suffix[1]);  // "ах"
  EXPECT_NE(h[0].suffix[2], h[1].suffix[2]);  // "гах" / "бах"
  EXPECT_EQ(h[2].suffix[0], h[3].suffix[0]);  // 馆
  EXPECT_NE(h[2].prefix[0], h[3].prefix[0]);
  EXPECT_EQ(h[4].suffix[0], h[2].suffix[0]);
  EXPECT_EQ(h[5].suffix[2], h[6].suffix[2]);  // ました
  EXPECT_EQ(h[0].length, 6u);                 // code points
  EXPECT_EQ(h[2].flags & kFlagHasNonAscii, kFlagHasNonAscii);
  EXPECT_EQ(h[2].flags & kFlagHasUpper, 0u);  // no case in CJK
}

TEST(PosFeatures, CaseAndShapeAreSeparateFromTheLowerForm) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> dict = {{word_key("apple"), 7}};
  // Build a dictionary table through the model writer's layout.
  ModelContents contents;
  contents.classes = {{"NOUN", "NN"}};
  contents.word_classes = dict;
  const auto model = PosModel::from_bytes(serialize(contents));
  const auto h = hashes_of({"Apple", "apple", "APPLE"}, model->word_classes());
  EXPECT_EQ(h[0].lower, h[1].lower);
  EXPECT_EQ(h[1].lower, h[2].lower);
  EXPECT_NE(h[0].word, h[1].word);
  EXPECT_NE(h[0].shape, h[1].shape);
  EXPECT_EQ(h[0].ambiguity, 7u);
  EXPECT_TRUE(h[0].flags & kFlagTitle);
  EXPECT_TRUE(h[2].flags & kFlagAllUpper);
}

TEST(PosFeatures, UnknownWordsShareAnIdentityButKeepTheirSpelling) {
  const auto h = hashes_of({"flibbertigibbet", "zorbulation", "https://x.org/a"});
  EXPECT_EQ(h[0].lower, h[1].lower);  // both out of vocabulary
  EXPECT_EQ(h[0].ambiguity, 0u);
  EXPECT_NE(h[0].suffix[2], h[1].suffix[2]);  // "bet" vs "ion"
  EXPECT_TRUE(h[2].flags & kFlagUrlLike);
}

TEST(PosFeatures, StaticFeaturesDependOnNeighbours) {
  FeatureExtractor extractor({});
  std::vector<TokenHashes> a, b;
  const std::vector<std::string_view> s1 = {"the", "dog", "barks"}, s2 = {"the", "dog", "ran"};
  extractor.prepare(s1.data(), s1.size(), a);
  extractor.prepare(s2.data(), s2.size(), b);
  std::uint64_t fa[kMaxStaticFeatures], fb[kMaxStaticFeatures];
  const int na = extractor.static_features(a.data(), 3, 1, fa);
  const int nb = extractor.static_features(b.data(), 3, 1, fb);
  ASSERT_EQ(na, nb);
  ASSERT_LE(na, kMaxStaticFeatures);
  int differing = 0;
  for (int i = 0; i < na; ++i) differing += fa[i] != fb[i];
  EXPECT_GT(differing, 0);       // the next word differs
  EXPECT_LT(differing, na / 2);  // the word itself does not
  std::uint64_t h1[kMaxHistoryFeatures], h2[kMaxHistoryFeatures];
  extractor.history_features(a.data(), 3, 1, 3, -1, h1);
  extractor.history_features(a.data(), 3, 1, 4, -1, h2);
  EXPECT_NE(h1[0], h2[0]);
}

// A two-class model with hand-set weights: "dog" is NOUN, anything else VERB.
ModelContents tiny_model() {
  ModelContents c;
  c.classes = {{"VERB", "VB"}, {"NOUN", "NN"}};
  c.word_classes = {{word_key("dog"), 99}};
  FeatureExtractor extractor({});
  std::vector<TokenHashes> h;
  const std::vector<std::string_view> words = {"dog"};
  ModelContents with_dict = c;
  const auto dict_model = PosModel::from_bytes(serialize(with_dict));
  FeatureExtractor known(dict_model->word_classes());
  known.prepare(words.data(), 1, h);
  std::uint64_t keys[kMaxStaticFeatures];
  known.static_features(h.data(), 1, 0, keys);
  std::uint64_t self[kMaxRoleFeatures];
  FeatureExtractor::role_features(h[0], kRoleSelf, self);
  // self[0] is the lower-case word feature (features.cpp).
  c.features.push_back({self[0], {{1, 0, 500}}});
  // A dense row (>= kDenseRowMinWeights classes is impossible with two
  // classes, so the bias, the first fixed feature, gets a sparse row
  // favouring VERB).
  c.features.push_back({keys[0], {{0, 0, 100}}});
  return c;
}

TEST(PosModelFile, RoundTripTagsWithTheStoredWeights) {
  const auto model = PosModel::from_bytes(serialize(tiny_model()));
  ASSERT_EQ(model->class_count(), 2u);
  EXPECT_EQ(model->upos(1), "NOUN");
  EXPECT_EQ(model->xpos(0), "VB");
  EXPECT_EQ(model->language(), "en");
  PosTagger tagger(*model);
  const std::vector<std::string_view> words = {"dog", "runs"};
  std::vector<std::uint8_t> tags;
  tagger.tag_sentence(words.data(), words.size(), tags);
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(model->upos(tags[0]), "NOUN");
  EXPECT_EQ(model->upos(tags[1]), "VERB");
  tagger.tag_sentence(words.data(), 0, tags);
  EXPECT_TRUE(tags.empty());
}

TEST(PosModelFile, DenseRowsAddUpLikeSparseOnes) {
  ModelContents c;
  for (int i = 0; i < 40; ++i) c.classes.push_back({"C" + std::to_string(i), "X"});
  ModelContents::Feature dense{12345, {}};
  for (int i = 0; i < 40; ++i)
    dense.weights.push_back(
        {static_cast<std::uint8_t>(i), 0, static_cast<std::int16_t>(i == 33 ? 900 : i)});
  c.features.push_back(dense);
  const auto model = PosModel::from_bytes(serialize(c));
  const FeatureSlot& slot = model->find(12345);
  ASSERT_EQ(slot.count, kDenseRow);
  EXPECT_EQ(model->dense_row(slot)[33], 900);
  EXPECT_EQ(model->dense_row(slot)[39], 39);
  EXPECT_EQ(model->find(54321).count, 0u);
}

void expect_damaged(std::string image, const char* why) {
  try {
    PosModel::from_bytes(std::move(image));
    ADD_FAILURE() << "accepted a damaged model: " << why;
  } catch (const ModelError& e) {
    EXPECT_EQ(e.kind(), ModelError::kDamaged) << why;
    EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
  }
}

TEST(PosModelFile, RejectsDamagedImages) {
  const std::string good = serialize(tiny_model());
  expect_damaged("", "empty");
  expect_damaged(good.substr(0, 100), "shorter than the header");
  expect_damaged(good.substr(0, good.size() - 64), "truncated");
  expect_damaged(good + std::string(64, '\0'), "extended");
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  expect_damaged(bad_magic, "magic");
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x40;
  expect_damaged(flipped, "checksum");
  std::string version = good;
  FileHeader h;
  std::memcpy(&h, version.data(), sizeof h);
  h.format_version = 99;
  std::memcpy(version.data(), &h, sizeof h);
  expect_damaged(version, "format version");
  // Every truncation point is rejected, never read past.
  for (std::size_t n = 0; n < good.size(); n += 61) expect_damaged(good.substr(0, n), "prefix");
}

// Words that only vectors or a lexicon class live in the compact table
// beside the vocabulary (6 bytes a word); lookups find their clusters, and
// a damaged table is refused, never read out of bounds.
TEST(PosModelFile, WordsOnlyALexiconClassesLiveInTheCompactTable) {
  ModelContents c = tiny_model();
  const std::uint32_t dog_clusters = 1u | (2u << kClusterShift[1]);
  c.word_clusters = {{word_key("dog"), dog_clusters}};
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i)  // letters only: digits fold to 0 in word keys
    names.push_back(std::string("w") + char('a' + i / 26 % 26) + char('a' + i % 26));
  for (std::size_t i = 0; i < names.size(); ++i)
    c.word_clusters.emplace_back(word_key(names[i]), std::uint32_t(i % 7 + 1) << kClusterShift[3]);
  const std::string good = serialize(c);
  const auto model = PosModel::from_bytes(good);
  FileHeader h;
  std::memcpy(&h, good.data(), sizeof h);
  EXPECT_EQ(h.word_count, 1u);  // the training word only
  EXPECT_EQ(h.lexicon_count, 300u);
  EXPECT_EQ(h.lexicon_class_count, 7u);
  const WordClassTable table = model->word_classes();
  EXPECT_EQ(table.clusters(word_key("dog")), dog_clusters);
  for (std::size_t i = 0; i < names.size(); ++i)
    ASSERT_EQ(table.clusters(word_key(names[i])), std::uint32_t(i % 7 + 1) << kClusterShift[3]);
  EXPECT_EQ(table.clusters(word_key("zebra")), 0u);
  const auto hashes = hashes_of({"WAM", "zebra"}, table);  // "wam" is names[12]
  EXPECT_EQ(hashes[0].clusters, std::uint32_t(12 % 7 + 1) << kClusterShift[3]);
  EXPECT_EQ(hashes[0].ambiguity, 0u);  // no training identity: "unknown" with clusters
  EXPECT_EQ(hashes[1].clusters, 0u);

  // The loader's checksum seed (model.cpp's file kind).
  auto resealed = [](std::string image) {
    FileHeader hh;
    std::memcpy(&hh, image.data(), sizeof hh);
    hh.checksum = hashing::bytes(std::string_view(image).substr(sizeof(FileHeader)), 0xC0FFEE);
    std::memcpy(image.data(), &hh, sizeof hh);
    return image;
  };
  ASSERT_NO_THROW(PosModel::from_bytes(resealed(good)));
  const std::size_t buckets = (std::size_t{1} << h.lexicon_bucket_bits) + 1;
  const std::size_t prints_at = h.lexicon_offset + (buckets * 4 + 63) / 64 * 64;
  const std::size_t ids_at = prints_at + (h.lexicon_count * 4 + 63) / 64 * 64;
  auto u32_at = [](std::string& image, std::size_t at) -> std::uint32_t* {
    return reinterpret_cast<std::uint32_t*>(image.data() + at);
  };
  {
    std::string image = good;
    FileHeader hh = h;
    hh.lexicon_bucket_bits = 25;
    std::memcpy(image.data(), &hh, sizeof hh);
    expect_damaged(resealed(image), "too many buckets");
  }
  {
    std::string image = good;
    *u32_at(image, h.lexicon_offset + (buckets - 1) * 4) += 1;  // past the fingerprints
    expect_damaged(resealed(image), "last bucket past the end");
  }
  {
    std::string image = good;
    std::size_t k = 0;  // a bucket of two or more fingerprints: swap its first two
    while (*u32_at(image, h.lexicon_offset + (k + 1) * 4) -
               *u32_at(image, h.lexicon_offset + k * 4) <
           2)
      ++k;
    const std::uint32_t first = *u32_at(image, h.lexicon_offset + k * 4);
    std::swap(*u32_at(image, prints_at + first * 4), *u32_at(image, prints_at + (first + 1) * 4));
    expect_damaged(resealed(image), "fingerprints out of order");
  }
  {
    std::string image = good;
    *reinterpret_cast<std::uint16_t*>(image.data() + ids_at) = 7;  // of 7 classes
    expect_damaged(resealed(image), "class id out of range");
  }
}

TEST(PosModelFile, MissingFileIsAModelError) {
  try {
    PosModel::load("/nonexistent/textsense/pos_en.model");
    ADD_FAILURE() << "loaded a missing file";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.kind(), ModelError::kMissing);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/"), std::string::npos);
  }
  EXPECT_THROW(PosModel::load("/"), ModelError);  // a directory
}

TEST(PosModelFile, LoadsFromDiskThroughTheMapping) {
  const std::string path = ::testing::TempDir() + "/textsense_tiny.model";
  {
    const std::string image = serialize(tiny_model());
    std::ofstream(path, std::ios::binary)
        .write(image.data(), static_cast<std::streamsize>(image.size()));
  }
  const auto model = PosModel::load(path);
  EXPECT_EQ(model->class_count(), 2u);
  std::remove(path.c_str());
}

TEST(PosTagger, LongSentencesAreTaggedAcrossBlockBoundaries) {
  const auto model = PosModel::from_bytes(serialize(tiny_model()));
  PosTagger tagger(*model);
  std::vector<std::string_view> words;
  for (int i = 0; i < 3000; ++i) {
    words.push_back("dog");
    words.push_back("runs");
    words.push_back("far");
  }
  std::vector<std::uint8_t> tags;
  tagger.tag_sentence(words.data(), words.size(), tags);
  ASSERT_EQ(tags.size(), words.size());
  // The input is periodic, so the tags are too, also where the tagger's
  // 256-token blocks begin and end.
  for (std::size_t i = 3; i + 3 < tags.size(); ++i) ASSERT_EQ(tags[i], tags[i + 3]) << i;
  EXPECT_EQ(model->upos(tags[300]), "NOUN");
}

TEST(PosTagger, StopSignalCancelsALongSentence) {
  const auto model = PosModel::from_bytes(serialize(tiny_model()));
  PosTagger tagger(*model);
  std::vector<std::string_view> words(100000, "dog");
  std::vector<std::uint8_t> tags;
  const runtime::StopSignal stop{[](void*) { return true; }, nullptr};
  EXPECT_THROW(tagger.tag_sentence(words.data(), words.size(), tags, stop), CancelledError);
  tagger.tag_sentence(words.data(), 10, tags, stop);  // too short to poll: finishes
  EXPECT_EQ(tags.size(), 10u);
}

const char* const kTinyTreebank =
    "# text = The dog barks.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tcan\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "2\tnot\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "\n";

TEST(Conllu, SkipsMultiwordRangesAndComments) {
  const auto sentences = train::parse_conllu(kTinyTreebank);
  ASSERT_EQ(sentences.size(), 3u);
  ASSERT_EQ(sentences[1].size(), 3u);
  EXPECT_EQ(sentences[1][0].form, "can");
  EXPECT_EQ(sentences[0][2].xpos, "VBZ");
  EXPECT_THROW(train::parse_conllu("1\tbroken\n"), std::runtime_error);
}

TEST(Conllu, KeepsAMultiwordTokenOnItsFirstWord) {
  const auto sentences = train::parse_conllu(kTinyTreebank);
  EXPECT_EQ(sentences[1][0].token_form, "cannot");
  EXPECT_EQ(sentences[1][0].token_words, 2);
  EXPECT_EQ(sentences[1][1].token_words, 0);
  EXPECT_TRUE(sentences[0][0].token_form.empty());
}

// A French-like treebank: "du" is always "de" + "le", "des" is a word of
// its own more often than a contraction.
const char* const kContractionTreebank =
    "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tprix\tprix\tNOUN\t_\t_\t0\troot\t_\t_\n"
    "3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n"
    "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n"
    "5\tpain\tpain\tNOUN\t_\t_\t2\tnmod\t_\t_\n"
    "6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tDes\tun\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tamis\tami\tNOUN\t_\t_\t0\troot\t_\t_\n"
    "3-4\tdes\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n"
    "4\tles\tle\tDET\t_\t_\t5\tdet\t_\t_\n"
    "5\tvoisins\tvoisin\tNOUN\t_\t_\t2\tnmod\t_\t_\n"
    "6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tdes\tun\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tchats\tchat\tNOUN\t_\t_\t0\troot\t_\t_\n"
    "\n";

TEST(TaggerTrainer, LearnsContractionsAndTheTaggerSplitsThem) {
  auto sentences = train::parse_conllu(kContractionTreebank);
  std::vector<train::ConlluSentence> corpus;
  for (int i = 0; i < 10; ++i) corpus.insert(corpus.end(), sentences.begin(), sentences.end());
  train::TrainerOptions options;
  options.epochs = 3;
  options.language = "fr";
  options.xpos = false;
  const auto trained = train::train_tagger(corpus, sentences, options);
  ASSERT_EQ(trained.model.contractions.size(), 1u);  // "du"; "des" is mostly a word
  EXPECT_EQ(trained.model.contractions[0].first, "du");
  const auto model = PosModel::from_bytes(serialize(trained.model));
  EXPECT_EQ(model->language(), "fr");
  EXPECT_EQ(model->xpos(0), "_");
  ASSERT_NE(model->contraction("du"), nullptr);
  EXPECT_EQ(model->contraction("du")->count, 2);
  EXPECT_EQ(model->contraction("du")->words[1], "le");
  EXPECT_EQ(model->contraction("des"), nullptr);
  EXPECT_EQ(model->contraction("d"), nullptr);
  // The pre-check before lower-casing a token: first byte and length.
  EXPECT_TRUE(model->may_be_contraction("du"));
  EXPECT_TRUE(model->may_be_contraction("DU"));
  EXPECT_TRUE(model->may_be_contraction("de"));  // a candidate, not a contraction
  EXPECT_FALSE(model->may_be_contraction("dus"));
  EXPECT_FALSE(model->may_be_contraction("au"));
  EXPECT_FALSE(model->may_be_contraction(""));
  EXPECT_TRUE(model->may_be_contraction("Ðu"));  // non-ASCII first byte: always looked up

  // Raw text: "Du" (any case) is tagged as "de" + "le"; the token's own
  // tag is its first word's.
  const std::string doc = "Le prix du pain. Du pain.";
  segment::Segmenter segmenter;
  segment::Segmentation seg;
  segmenter.segment(doc, seg);
  PosTagger tagger(*model);
  std::vector<std::uint8_t> tags;
  std::vector<ContractionTags> contractions;
  tagger.tag_document(doc, seg, tags, {}, &contractions);
  ASSERT_EQ(contractions.size(), 2u);
  EXPECT_EQ(seg.tokens[contractions[0].token].span.text(doc), "du");
  EXPECT_EQ(seg.tokens[contractions[1].token].span.text(doc), "Du");
  for (const ContractionTags& c : contractions) {
    EXPECT_EQ(model->upos(c.tags[0]), "ADP");
    EXPECT_EQ(model->upos(c.tags[1]), "DET");
    EXPECT_EQ(tags[c.token], c.tags[0]);
  }
  // Pre-tokenised words are taken as they are.
  const std::vector<std::string_view> words = {"Le", "prix", "de", "le", "pain", "."};
  tagger.tag_sentence(words.data(), words.size(), tags);
  EXPECT_EQ(model->upos(tags[2]), "ADP");
  EXPECT_EQ(model->upos(tags[3]), "DET");
}

TEST(PosModelFile, RejectsMalformedContractions) {
  ModelContents c = tiny_model();
  c.contractions = {{"du", {"de"}}};
  EXPECT_THROW(serialize(c), std::invalid_argument);
  c.contractions = {{"du", {"de", "l e"}}};
  EXPECT_THROW(serialize(c), std::invalid_argument);
  c.contractions = {{"du", {"de", "le"}}, {"du", {"de", "la"}}};
  EXPECT_THROW(serialize(c), std::invalid_argument);
  c.contractions = {{"zum", {"zu", "dem"}}, {"du", {"de", "le"}}};  // sorted on write
  const auto model = PosModel::from_bytes(serialize(c));
  EXPECT_EQ(model->contraction_count(), 2u);
  EXPECT_EQ(model->contraction("zum")->words[1], "dem");
}

// Every shipped tagging model loads, tags, and is refused when damaged.
TEST(PosModelFile, EveryShippedModelLoadsAndRejectsDamage) {
  int models = 0;
  for (const char* code : {"en", "pt", "fr", "ru", "ja", "nl", "es", "de", "zh"}) {
    const std::string path = std::string(TEXTSENSE_SOURCE_DIR) + "/models/pos_" + code + ".model";
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    ++models;
    const std::string image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto model = PosModel::from_bytes(image);
    EXPECT_EQ(model->language(), code);
    PosTagger tagger(*model);
    const std::vector<std::string_view> words = {"a", "b", "."};
    std::vector<std::uint8_t> tags;
    tagger.tag_sentence(words.data(), words.size(), tags);
    for (std::uint8_t t : tags) EXPECT_LT(t, model->class_count());
    expect_damaged(image.substr(0, image.size() / 2), code);
    std::string flipped = image;
    flipped[image.size() / 3] ^= 0x10;
    expect_damaged(flipped, code);
  }
  EXPECT_GE(models, 1);
}

TEST(TaggerTrainer, SameSeedSameBytesAndItLearns) {
  auto sentences = train::parse_conllu(kTinyTreebank);
  std::vector<train::ConlluSentence> corpus;
  for (int i = 0; i < 20; ++i) corpus.insert(corpus.end(), sentences.begin(), sentences.end());
  train::TrainerOptions options;
  options.epochs = 3;
  options.seed = 7;
  const auto a = train::train_tagger(corpus, sentences, options);
  const auto b = train::train_tagger(corpus, sentences, options);
  EXPECT_EQ(serialize(a.model), serialize(b.model));
  EXPECT_EQ(a.dev.upos(), 1.0);  // it memorises the training sentences
  const auto model = PosModel::from_bytes(serialize(a.model));
  EXPECT_EQ(model->feature_count() > 0, true);
}

// The folded rows are a cache of sums: a model with them must tag exactly
// like the same model without them, and the trainer must produce them.
TEST(TaggerTrainer, FoldedRowsTagLikeTheFeaturesTheySum) {
  auto sentences = train::parse_conllu(kTinyTreebank);
  std::vector<train::ConlluSentence> corpus;
  for (int i = 0; i < 20; ++i) corpus.insert(corpus.end(), sentences.begin(), sentences.end());
  train::TrainerOptions options;
  options.epochs = 2;
  const auto trained = train::train_tagger(corpus, sentences, options);
  ASSERT_FALSE(trained.model.folded.empty());
  ModelContents unfolded = trained.model;
  unfolded.folded.clear();
  const auto with_rows = PosModel::from_bytes(serialize(trained.model));
  const auto without = PosModel::from_bytes(serialize(unfolded));
  EXPECT_EQ(with_rows->folded_count(), trained.model.folded.size());
  EXPECT_EQ(without->folded_count(), 0u);
  PosTagger a(*with_rows), b(*without);
  std::vector<std::uint8_t> ta, tb;
  // Training sentences, and words around them the vocabulary lacks.
  std::vector<std::vector<std::string_view>> inputs;
  for (const auto& s : sentences) {
    inputs.emplace_back();
    for (const auto& w : s) inputs.back().push_back(w.form);
  }
  inputs.push_back({"Unheard", "words", "quibble", "near", "the", "dog", "."});
  for (const auto& words : inputs) {
    a.tag_sentence(words.data(), words.size(), ta);
    b.tag_sentence(words.data(), words.size(), tb);
    EXPECT_EQ(ta, tb);
  }
}

// Settled words (features.h: WordEntry): frequent words that training saw
// with one class (nearly) always are tagged without scoring, which gives the
// tags scoring would; ambiguous and rare words are scored.
TEST(TaggerTrainer, SettledWordsAreFrequentUnambiguousWordsAndTagAsScored) {
  const auto sentences = train::parse_conllu(kTinyTreebank);
  const auto ambiguous = train::parse_conllu(
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tdog\tdog\tVERB\tVBP\t_\t0\troot\t_\t_\n"
      "3\tus\twe\tPRON\tPRP\t_\t2\tobj\t_\t_\n\n");
  std::vector<train::ConlluSentence> corpus;
  for (int i = 0; i < 20; ++i) corpus.insert(corpus.end(), sentences.begin(), sentences.end());
  for (int i = 0; i < 5; ++i) corpus.push_back(ambiguous[0]);
  train::TrainerOptions options;
  options.epochs = 2;
  const auto trained = train::train_tagger(corpus, sentences, options);
  const auto class_of = [&](const char* upos) {
    for (std::size_t c = 0; c < trained.model.classes.size(); ++c)
      if (trained.model.classes[c].first == upos) return static_cast<int>(c);
    return -1;
  };
  const auto settled = [&](const char* word) {
    for (const auto& [key, cls] : trained.model.settled)
      if (key == word_key(word)) return static_cast<int>(cls);
    return -1;
  };
  EXPECT_EQ(settled("the"), class_of("DET"));  // "The" 20 times, always DET
  EXPECT_EQ(settled("cat"), class_of("NOUN"));
  EXPECT_EQ(settled("dog"), -1);   // NOUN 20 times, VERB 5: scored
  EXPECT_EQ(settled("they"), -1);  // 5 times: too rare to settle

  const auto model = PosModel::from_bytes(serialize(trained.model));
  PosTagger fast(*model), scored(*model);
  scored.use_settled_classes(false);
  std::vector<std::vector<std::string_view>> inputs;
  for (const auto& s : sentences) {
    inputs.emplace_back();
    for (const auto& w : s) inputs.back().push_back(w.form);
  }
  inputs.push_back({"They", "dog", "the", "cat", "."});
  std::vector<std::uint8_t> a, b;
  for (const auto& words : inputs) {
    fast.tag_sentence(words.data(), words.size(), a);
    scored.tag_sentence(words.data(), words.size(), b);
    EXPECT_EQ(a, b);
  }
  // The settled class wins wherever the word stands.
  const std::vector<std::string_view> odd = {"cat", "cat", "cat"};
  fast.tag_sentence(odd.data(), odd.size(), a);
  EXPECT_EQ(a, std::vector<std::uint8_t>(3, static_cast<std::uint8_t>(class_of("NOUN"))));

  options.settled_min_count = 0;
  EXPECT_TRUE(train::train_tagger(corpus, sentences, options).model.settled.empty());

  // A settled class the model does not have is refused when writing, and
  // as damage when loading.
  ModelContents wrong = trained.model;
  wrong.settled.back().second = static_cast<std::uint8_t>(wrong.classes.size());
  EXPECT_THROW(serialize(wrong), std::invalid_argument);
  std::string image = serialize(trained.model);
  FileHeader h;
  std::memcpy(&h, image.data(), sizeof h);
  bool damaged = false;
  for (std::size_t i = 0; i < h.word_capacity && !damaged; ++i) {
    WordEntry e;
    std::memcpy(&e, image.data() + h.words_offset + i * sizeof e, sizeof e);
    if (settled_of(e) == 0) continue;
    e.folded_and_settled = folded_of(e) | (std::uint32_t(h.class_count) + 1) << 24;
    std::memcpy(image.data() + h.words_offset + i * sizeof e, &e, sizeof e);
    damaged = true;
  }
  ASSERT_TRUE(damaged);
  h.checksum = hashing::bytes(std::string_view(image).substr(sizeof(FileHeader)), 0xC0FFEE);
  std::memcpy(image.data(), &h, sizeof h);
  try {
    PosModel::from_bytes(image);
    ADD_FAILURE() << "accepted a settled class out of range";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("settled class out of range"), std::string::npos)
        << e.what();  // not the checksum: the image was resealed
  }
}

TEST(WordClusters, IdenticalVectorsShareEveryLevelAndDigitsFold) {
  const std::string path = ::testing::TempDir() + "/textsense_vectors.txt";
  {
    std::ofstream out(path);
    out << "9 3\n";
    out << "cat 1 0.1 0\ndog 0.9 0.2 0\nkitten 1 0.1 0\n";
    out << "run 0 1 0.1\nwalk 0.1 0.9 0\n";
    out << "1999 0 0 1\n2000 0 0.1 1\nthe 0.3 0.3 0.3\n, -1 0 0\n";
  }
  train::ClusterOptions options;
  options.levels = {2, 3, 4, 5};
  const auto a = train::cluster_word_vectors(path, options);
  const auto b = train::cluster_word_vectors(path, options);
  EXPECT_EQ(a, b);          // deterministic
  ASSERT_EQ(a.size(), 8u);  // "2000" folds onto "1999"'s key ("0000")
  auto clusters_of = [&](std::string_view w) {
    for (const auto& [key, packed] : a)
      if (key == word_key(w)) return packed;
    ADD_FAILURE() << "no clusters for " << w;
    return std::uint32_t{0};
  };
  EXPECT_EQ(clusters_of("cat"), clusters_of("kitten"));
  EXPECT_EQ(clusters_of("2000"), clusters_of("1999"));
  for (const auto& [key, packed] : a)
    for (int level = 0; level < kClusterLevels; ++level) {
      EXPECT_GE(cluster_at(packed, level), 1u);  // 0 means "no vector"
      EXPECT_LE(cluster_at(packed, level), std::uint32_t(options.levels[level]));
    }
  // A level too large for its bits in the packed form is refused.
  options.levels = {32, 3, 4, 5};
  EXPECT_THROW(train::cluster_word_vectors(path, options), std::invalid_argument);
  std::remove(path.c_str());
  options.levels = {2, 3, 4, 5};
  EXPECT_THROW(train::cluster_word_vectors(path, options), std::runtime_error);
}

TEST(WordClasses, IdsPerLevelInOrderOfFirstAppearanceFirstKeyWins) {
  const std::string path = ::testing::TempDir() + "/textsense_word_classes.tsv";
  {
    std::ofstream out(path);
    out << "apples\tn\tn\tn|2\tn|2|3\n";
    out << "run\tv\tv\tv|1\tv|1|7\r\n";  // CRLF is read too
    out << "\n";
    out << "Books\tn\tn\tn|2\tn|2|4\n";
    out << "1999\tm\tm\tm|1\tm|1|1\n";
    out << "2000\tv\tv\tv|1\tv|1|1\n";  // folds onto "1999": the first line wins
  }
  const auto classes = train::read_word_classes(path);
  ASSERT_EQ(classes.size(), 4u);
  auto packed_of = [&](std::string_view w) {
    for (const auto& [key, packed] : classes)
      if (key == word_key(w)) return packed;
    ADD_FAILURE() << "no classes for " << w;
    return std::uint32_t{0};
  };
  const std::uint32_t apples = packed_of("apples"), books = packed_of("books");
  for (int level = 0; level < 3; ++level)
    EXPECT_EQ(cluster_at(apples, level), cluster_at(books, level));
  EXPECT_EQ(cluster_at(apples, 0), 1u);  // ids from 1, in order of appearance
  EXPECT_EQ(cluster_at(packed_of("run"), 0), 2u);
  EXPECT_EQ(cluster_at(apples, 3), 1u);
  EXPECT_EQ(cluster_at(books, 3), 3u);              // n|2|4 is the third name of level 3
  EXPECT_EQ(cluster_at(packed_of("2000"), 0), 3u);  // "m", from the "1999" line
  {
    std::ofstream out(path);
    out << "apples\tn\tn\tn|2\n";  // a level missing
  }
  EXPECT_THROW(train::read_word_classes(path), std::runtime_error);
  {
    std::ofstream out(path);  // 32 names at the coarsest level: one more than its bits hold
    for (int i = 0; i < 32; ++i)
      out << "w" << char('a' + i % 26) << i << "\tc" << i << "\tx\tx\tx\n";
  }
  EXPECT_THROW(train::read_word_classes(path), std::runtime_error);
  std::remove(path.c_str());
}

// A word the treebank never saw but the lexicon classes is tagged like the
// training words of its class: in the same context, a noun-class and a
// verb-class stranger get different tags.
TEST(TaggerTrainer, LexiconClassesTagWordsTrainingNeverSaw) {
  std::string treebank;
  const std::vector<std::string> nouns = {"apple", "book", "dog",   "table", "river",
                                          "cloud", "lamp", "stone", "horse", "garden"};
  const std::vector<std::string> verbs = {"run",  "sing",  "swim",  "jump", "write",
                                          "cook", "climb", "dance", "read", "paint"};
  for (const std::string& noun : nouns)
    treebank += std::string("1\twe\twe\tPRON\t_\t_\t0\troot\t_\t_\n2\t") + noun +
                "\t_\tNOUN\t_\t_\t1\tobj\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n";
  for (const std::string& verb : verbs)
    treebank += std::string("1\twe\twe\tPRON\t_\t_\t0\troot\t_\t_\n2\t") + verb +
                "\t_\tVERB\t_\t_\t1\tobj\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n";
  const auto sentences = train::parse_conllu(treebank);
  std::vector<train::ConlluSentence> corpus;
  for (int i = 0; i < 20; ++i) corpus.insert(corpus.end(), sentences.begin(), sentences.end());
  const std::string path = ::testing::TempDir() + "/textsense_tiny_classes.tsv";
  {
    std::ofstream out(path);
    for (const std::string& noun : nouns) out << noun << "\tn\tn\tn\tn\n";
    for (const std::string& verb : verbs) out << verb << "\tv\tv\tv\tv\n";
    out << "zorb\tn\tn\tn\tn\nblick\tv\tv\tv\tv\n";
  }
  train::TrainerOptions options;
  options.epochs = 3;
  options.xpos = false;
  // Every word keeps only its spelling and its class, as a word outside
  // the training vocabulary does.
  options.vocabulary_min_count = 1000;
  options.word_classes = path;
  const auto trained = train::train_tagger(corpus, sentences, options);
  EXPECT_EQ(trained.model.word_clusters.size(), 22u);
  const auto model = PosModel::from_bytes(serialize(trained.model));
  PosTagger tagger(*model);
  std::vector<std::uint8_t> tags;
  auto upos_of_second = [&](std::string_view word) {
    const std::vector<std::string_view> words = {"we", word, "."};
    tagger.tag_sentence(words.data(), words.size(), tags);
    return model->upos(tags[1]);
  };
  EXPECT_EQ(upos_of_second("zorb"), "NOUN");
  EXPECT_EQ(upos_of_second("blick"), "VERB");
  // Vectors and lexicon classes fill the same levels: one or the other.
  options.vectors = path;
  EXPECT_THROW(train::train_tagger(corpus, sentences, options), std::invalid_argument);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace textsense::pos
