// The sentiment lexicon file (round trip, damaged, crafted and truncated
// images, missing file), the roles of the shipped models/sentiment_en.model,
// and the lookup-form helpers the engine and the compiler share
// (sentiment_text.h). Needs no shared data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/errors.h"
#include "core/common/hash.h"
#include "core/sentiment/lexicon.h"
#include "core/sentiment/text.h"

namespace textsense::sentiment {
namespace {

const std::string kShippedModel = std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model";

std::uint64_t key_of(std::initializer_list<std::string_view> tokens) {
  std::uint64_t key = 0;
  bool first = true;
  for (std::string_view t : tokens) {
    key = first ? term_key(t) : phrase_key(key, term_key(t));
    first = false;
  }
  return key;
}

LexiconEntry entry(float valence, std::uint16_t flags, float boost = 0, std::uint8_t source = 0,
                   std::uint8_t max_phrase_tokens = 0) {
  LexiconEntry e{};
  e.valence = valence;
  e.boost = boost;
  e.flags = flags;
  e.source = source;
  e.max_phrase_tokens = max_phrase_tokens;
  return e;
}

// A hand-built lexicon with one term of each role, and two phrases.
LexiconContents tiny_contents() {
  LexiconContents c;
  c.sources = {{"textsense_rules", "PostgreSQL License"}, {"vader", "MIT"}};
  c.terms = {
      {key_of({"good"}), entry(1.9f, kHasValence, 0, 1)},
      {key_of({"bad"}), entry(-2.5f, kHasValence, 0, 1)},
      {key_of({"very"}), entry(0, kBooster, 0.293f)},
      {key_of({"not"}), entry(0, kNegator)},
      {key_of({"but"}), entry(0, kContrastBefore)},
      {key_of({"kind"}), entry(0, kPhraseStart, 0, 0, 2)},
      {key_of({"kind", "of"}), entry(0, kBooster, -0.293f)},
      {key_of({"to"}), entry(0, kPhraseStart, 0, 0, 3)},
      {key_of({"to", "die", "for"}), entry(3, kHasValence | kIdiom)},
  };
  return c;
}

TEST(SentimentLexicon, RoundTripFindsPresentKeysAndMissesAbsentOnes) {
  const LexiconContents contents = tiny_contents();
  const auto lexicon = Lexicon::from_bytes(serialize(contents));
  EXPECT_EQ(lexicon->entry_count(), contents.terms.size());
  EXPECT_EQ(lexicon->phrase_count(), 1u);  // entries flagged kIdiom
  EXPECT_EQ(lexicon->language(), "en");
  EXPECT_EQ(lexicon->size_bytes() % 64, 0u);

  for (const auto& term : contents.terms) {
    const LexiconEntry* e = lexicon->find(term.key);
    ASSERT_NE(e, nullptr) << term.key;
    EXPECT_EQ(e->valence, term.entry.valence);
    EXPECT_EQ(e->boost, term.entry.boost);
    EXPECT_EQ(e->flags, term.entry.flags);
    EXPECT_EQ(e->source, term.entry.source);
    EXPECT_EQ(e->max_phrase_tokens, term.entry.max_phrase_tokens);
  }
  const LexiconEntry* good = lexicon->find(term_key("good"));
  ASSERT_NE(good, nullptr);
  EXPECT_FLOAT_EQ(good->valence, 1.9f);
  EXPECT_EQ(lexicon->source_name(good->source), "vader");

  // A phrase's key is the left fold of its tokens' keys: order matters, and
  // a phrase is not found under its first token alone or its concatenation.
  const LexiconEntry* kind_of = lexicon->find(phrase_key(term_key("kind"), term_key("of")));
  ASSERT_NE(kind_of, nullptr);
  EXPECT_TRUE(kind_of->flags & kBooster);
  EXPECT_LT(kind_of->boost, 0);
  EXPECT_EQ(lexicon->find(phrase_key(term_key("of"), term_key("kind"))), nullptr);
  EXPECT_EQ(lexicon->find(term_key("kind of")), nullptr);
  const LexiconEntry* die =
      lexicon->find(phrase_key(phrase_key(term_key("to"), term_key("die")), term_key("for")));
  ASSERT_NE(die, nullptr);
  EXPECT_TRUE(die->flags & kIdiom);
  EXPECT_EQ(lexicon->find(phrase_key(term_key("to"), term_key("die"))), nullptr);
  const LexiconEntry* to = lexicon->find(term_key("to"));
  ASSERT_NE(to, nullptr);
  EXPECT_TRUE(to->flags & kPhraseStart);
  EXPECT_EQ(to->max_phrase_tokens, 3);

  for (std::string_view absent : {"Good", "goo", "goods", "", "terrible", "die", "for"})
    EXPECT_EQ(lexicon->find(term_key(absent)), nullptr) << absent;
  for (int i = 0; i < 10000; ++i)
    EXPECT_EQ(lexicon->find(term_key("absent" + std::to_string(i))), nullptr) << i;
}

// term_key is part of the file format and reads a term's tail with
// overlapping fixed-size loads: every byte of every length must count.
TEST(SentimentLexicon, TermKeyDependsOnEveryByte) {
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t n = 0; n <= 24; ++n) {
    const std::string term = base.substr(0, n);
    const std::uint64_t key = term_key(term);
    EXPECT_NE(key, term_key(base.substr(0, n + 1))) << n;  // a prefix differs
    for (std::size_t i = 0; i < n; ++i) {
      std::string changed = term;
      changed[i] ^= 0x01;
      EXPECT_NE(term_key(changed), key) << "length " << n << ", byte " << i;
      changed = term;
      changed[i] = '\0';
      EXPECT_NE(term_key(changed), key) << "length " << n << ", byte " << i << " zeroed";
    }
  }
  EXPECT_NE(term_key(std::string_view("\0", 1)), term_key(""));
  EXPECT_NE(term_key(std::string_view("a\0", 2)), term_key("a"));
  // No two of the 18,278 lower-case terms of 1..3 letters share a key.
  std::vector<std::uint64_t> keys;
  std::string t;
  for (int len = 1; len <= 3; ++len) {
    int total = 1;
    for (int i = 0; i < len; ++i) total *= 26;
    for (int v = 0; v < total; ++v) {
      t.clear();
      for (int i = 0, x = v; i < len; ++i, x /= 26) t.push_back(static_cast<char>('a' + x % 26));
      keys.push_back(term_key(t));
    }
  }
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
  // Phrase keys are ordered folds, distinct from the words' own keys.
  EXPECT_NE(phrase_key(term_key("a"), term_key("b")), phrase_key(term_key("b"), term_key("a")));
  EXPECT_NE(phrase_key(term_key("a"), term_key("b")), term_key("a b"));
}

TEST(SentimentLexicon, SourcesAndLanguageRoundTrip) {
  LexiconContents contents = tiny_contents();
  contents.language = "de";
  contents.sources.emplace_back("afinn", "Apache-2.0");
  const auto lexicon = Lexicon::from_bytes(serialize(contents));
  EXPECT_EQ(lexicon->language(), "de");
  EXPECT_EQ(lexicon->source_name(0), "textsense_rules");
  EXPECT_EQ(lexicon->source_name(1), "vader");
  EXPECT_EQ(lexicon->source_name(2), "afinn");
  EXPECT_EQ(lexicon->source_name(3), "?");
  EXPECT_EQ(lexicon->source_name(255), "?");
}

TEST(SentimentLexicon, EmptyLexiconFindsNothing) {
  LexiconContents contents;
  contents.sources = {{"none", "none"}};
  const auto lexicon = Lexicon::from_bytes(serialize(contents));
  EXPECT_EQ(lexicon->entry_count(), 0u);
  EXPECT_EQ(lexicon->find(term_key("good")), nullptr);
}

TEST(SentimentLexicon, ManyTermsAllFoundAndImageIndependentOfInputOrder) {
  LexiconContents contents;
  contents.sources = {{"s", "l"}};
  for (int i = 0; i < 5000; ++i)
    contents.terms.push_back({term_key("w" + std::to_string(i)),
                              entry(static_cast<float>(i % 9) - 4.0f + 0.5f, kHasValence)});
  const std::string image = serialize(contents);
  const auto lexicon = Lexicon::from_bytes(image);
  for (int i = 0; i < 5000; ++i) {
    const LexiconEntry* e = lexicon->find(term_key("w" + std::to_string(i)));
    ASSERT_NE(e, nullptr) << i;
    EXPECT_EQ(e->valence, static_cast<float>(i % 9) - 4.0f + 0.5f);
  }
  std::shuffle(contents.terms.begin(), contents.terms.end(), std::mt19937(42));
  EXPECT_EQ(serialize(contents), image);
}

TEST(SentimentLexicon, SerializeRejectsWhatTheLoaderWouldReject) {
  auto with = [](LexiconEntry e) {
    LexiconContents c = tiny_contents();
    c.terms.push_back({term_key("extra"), e});
    return c;
  };
  EXPECT_THROW(serialize(with(entry(std::numeric_limits<float>::quiet_NaN(), kHasValence))),
               std::invalid_argument);
  EXPECT_THROW(serialize(with(entry(11, kHasValence))), std::invalid_argument);
  EXPECT_THROW(serialize(with(entry(0, kBooster, std::numeric_limits<float>::infinity()))),
               std::invalid_argument);
  EXPECT_THROW(serialize(with(entry(1, kHasValence, 0, 2))), std::invalid_argument);  // source
  EXPECT_THROW(serialize(with(entry(0, kPhraseStart, 0, 0, 7))), std::invalid_argument);
  LexiconContents tabs = tiny_contents();
  tabs.sources.emplace_back("a\tb", "x");
  EXPECT_THROW(serialize(tabs), std::invalid_argument);
  LexiconContents many = tiny_contents();
  many.sources.resize(256, {"s", "l"});
  EXPECT_THROW(serialize(many), std::invalid_argument);
  LexiconContents twice = tiny_contents();
  twice.terms.push_back(twice.terms.front());
  EXPECT_THROW(serialize(twice), std::invalid_argument);
}

void expect_damaged(const std::string& image, const std::string& why) {
  try {
    Lexicon::from_bytes(image);
    ADD_FAILURE() << "accepted a damaged image: " << why;
  } catch (const ModelError& e) {
    EXPECT_EQ(e.kind(), ModelError::kDamaged) << why;
    EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << why << ": threw something other than ModelError: " << e.what();
  }
}

LexiconHeader header_of(const std::string& image) {
  LexiconHeader h;
  std::memcpy(&h, image.data(), sizeof h);
  return h;
}

template <typename Edit>
std::string with_header(const std::string& image, Edit edit) {
  LexiconHeader h = header_of(image);
  edit(h);
  std::string out = image;
  std::memcpy(out.data(), &h, sizeof h);
  return out;
}

TEST(SentimentLexicon, RejectsDamagedImages) {
  const std::string good = serialize(tiny_contents());
  ASSERT_NO_THROW(Lexicon::from_bytes(good));
  expect_damaged("", "empty");
  expect_damaged(good.substr(0, 100), "shorter than the header");
  expect_damaged(good.substr(0, good.size() - 64), "truncated");
  expect_damaged(good + std::string(64, '\0'), "extended");
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  expect_damaged(bad_magic, "magic");
  expect_damaged(std::string("XXXXXXXX") + good.substr(8), "another magic");
  expect_damaged(
      with_header(good, [](LexiconHeader& h) { h.format_version = kLexiconFormatVersion + 1; }),
      "newer format version");
  expect_damaged(
      with_header(good, [](LexiconHeader& h) { h.format_version = kLexiconFormatVersion - 1; }),
      "older format version");
  expect_damaged(with_header(good, [](LexiconHeader& h) { h.format_version = 0; }),
                 "format version 0");
  for (std::size_t at :
       {sizeof(LexiconHeader), sizeof(LexiconHeader) + 9, good.size() / 2, good.size() - 1}) {
    std::string flipped = good;
    flipped[at] ^= 0x20;
    expect_damaged(flipped, "flipped byte at " + std::to_string(at) + " (checksum)");
  }
  // Every truncation point is rejected, never read past.
  for (std::size_t n = 0; n < good.size(); n += 7) expect_damaged(good.substr(0, n), "prefix");
}

// The checksum covers what follows the header, not the header itself, so
// these edits reach the loader's consistency checks.
TEST(SentimentLexicon, RejectsInconsistentHeaders) {
  const std::string good = serialize(tiny_contents());
  const LexiconHeader h0 = header_of(good);
  const std::vector<std::pair<const char*, void (*)(LexiconHeader&)>> edits = {
      {"capacity not a power of two", [](LexiconHeader& h) { h.slot_capacity -= 1; }},
      {"capacity below 16", [](LexiconHeader& h) { h.slot_capacity = 8; }},
      {"capacity zero", [](LexiconHeader& h) { h.slot_capacity = 0; }},
      {"capacity past the image", [](LexiconHeader& h) { h.slot_capacity <<= 8; }},
      {"entry count at capacity", [](LexiconHeader& h) { h.entry_count = h.slot_capacity; }},
      {"entry count one short", [](LexiconHeader& h) { h.entry_count -= 1; }},
      {"entry count one over", [](LexiconHeader& h) { h.entry_count += 1; }},
      {"entries past the image", [](LexiconHeader& h) { h.entries_offset = h.file_size; }},
      {"slots offset misaligned", [](LexiconHeader& h) { h.slots_offset += 4; }},
      {"slots offset huge", [](LexiconHeader& h) { h.slots_offset = ~0ULL - 7; }},
      {"sources past the image", [](LexiconHeader& h) { h.sources_size = h.file_size; }},
      {"sources offset huge", [](LexiconHeader& h) { h.sources_offset = ~0ULL - 7; }},
      {"phrase length above the maximum",
       [](LexiconHeader& h) { h.max_phrase_tokens = kMaxPhraseTokens + 1; }},
  };
  for (const auto& [why, edit] : edits) expect_damaged(with_header(good, edit), why);
  EXPECT_EQ(header_of(good).checksum, h0.checksum);
}

// A crafted image whose checksum matches still cannot hold entries that
// would poison a score.
TEST(SentimentLexicon, RejectsCraftedEntriesWithAValidChecksum) {
  const std::string good = serialize(tiny_contents());
  const LexiconHeader h = header_of(good);
  // The loader's checksum: hashing::bytes of what follows the header with
  // the lexicon's seed. Check the test's copy of it on the intact image first.
  constexpr std::uint64_t kChecksumSeed = 0x5E471;
  auto checksum = [&](const std::string& image) {
    return hashing::bytes(std::string_view(image).substr(sizeof(LexiconHeader)), kChecksumSeed);
  };
  ASSERT_EQ(checksum(good), h.checksum) << "the lexicon's checksum seed changed; update the test";
  auto resealed = [&](std::string image) {
    LexiconHeader hh = header_of(image);
    hh.checksum = checksum(image);
    std::memcpy(image.data(), &hh, sizeof hh);
    return image;
  };
  auto with_entry = [&](auto edit) {
    std::string image = good;
    LexiconEntry e;
    std::memcpy(&e, image.data() + h.entries_offset, sizeof e);
    edit(e);
    std::memcpy(image.data() + h.entries_offset, &e, sizeof e);
    return resealed(image);
  };
  expect_damaged(with_entry([](LexiconEntry& e) { e.valence = std::nanf(""); }), "NaN valence");
  expect_damaged(with_entry([](LexiconEntry& e) { e.boost = 1e30f; }), "huge boost");
  expect_damaged(with_entry([](LexiconEntry& e) { e.source = 9; }), "unknown source");
  expect_damaged(with_entry([](LexiconEntry& e) { e.max_phrase_tokens = 200; }), "long phrase");
  {
    std::string image = good;
    LexiconSlot* slots = reinterpret_cast<LexiconSlot*>(image.data() + h.slots_offset);
    for (std::uint32_t i = 0; i < h.slot_capacity; ++i)
      if (slots[i].entry_plus_one != 0) {
        slots[i].entry_plus_one = h.entry_count + 1;
        break;
      }
    expect_damaged(resealed(image), "slot pointing past the entries");
  }
  {
    // Every slot filled: a lookup of an absent key would never stop.
    std::string image = good;
    LexiconSlot* slots = reinterpret_cast<LexiconSlot*>(image.data() + h.slots_offset);
    for (std::uint32_t i = 0; i < h.slot_capacity; ++i)
      if (slots[i].entry_plus_one == 0) slots[i] = LexiconSlot{i, 1};
    expect_damaged(resealed(image), "full slot table");
  }
  {
    std::string image = good;
    ASSERT_GT(h.sources_size, 0u);
    image[h.sources_offset + h.sources_size - 1] = 'x';  // last "\n"
    expect_damaged(resealed(image), "source table without a final newline");
  }
}

TEST(SentimentLexicon, MissingFileIsAModelError) {
  try {
    Lexicon::load("/nonexistent/textsense/sentiment_en.model");
    ADD_FAILURE() << "loaded a missing file";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.kind(), ModelError::kMissing);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/"), std::string::npos);
  }
  try {
    Lexicon::load("/");  // a directory
    ADD_FAILURE() << "loaded a directory";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.kind(), ModelError::kMissing);
  }
}

TEST(SentimentLexicon, LoadsFromDiskAndRejectsADamagedFile) {
  const std::string path = ::testing::TempDir() + "/textsense_tiny_sentiment.model";
  const std::string image = serialize(tiny_contents());
  std::ofstream(path, std::ios::binary)
      .write(image.data(), static_cast<std::streamsize>(image.size()));
  {
    const auto lexicon = Lexicon::load(path);
    EXPECT_EQ(lexicon->entry_count(), tiny_contents().terms.size());
    EXPECT_NE(lexicon->find(term_key("good")), nullptr);
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(image.data(), static_cast<std::streamsize>(image.size() / 2));
  try {
    Lexicon::load(path);
    ADD_FAILURE() << "loaded a truncated file";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.kind(), ModelError::kDamaged);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc);  // empty file
  EXPECT_THROW(Lexicon::load(path), ModelError);
  std::remove(path.c_str());
}

// --- the shipped model ---

const Lexicon& shipped() {
  static const std::unique_ptr<Lexicon> lexicon = Lexicon::load(kShippedModel);
  return *lexicon;
}

const LexiconEntry* shipped_entry(std::initializer_list<std::string_view> tokens) {
  return shipped().find(key_of(tokens));
}

TEST(SentimentShippedModel, LoadsWithSourcesAndPlausibleSize) {
  const Lexicon& lexicon = shipped();
  EXPECT_EQ(lexicon.language(), "en");
  EXPECT_GT(lexicon.entry_count(), 5000u);
  EXPECT_GT(lexicon.phrase_count(), 50u);
  EXPECT_LT(lexicon.size_bytes(), 4u << 20);
  EXPECT_EQ(lexicon.source_name(0), "textsense_rules");
  EXPECT_EQ(lexicon.source_name(1), "vader");
}

TEST(SentimentShippedModel, HasTheExpectedRoles) {
  for (auto neg : {"not", "n't", "never", "no", "without"}) {
    const LexiconEntry* e = shipped_entry({neg});
    ASSERT_NE(e, nullptr) << neg;
    EXPECT_TRUE(e->flags & kNegator) << neg;
  }
  const LexiconEntry* very = shipped_entry({"very"});
  ASSERT_NE(very, nullptr);
  EXPECT_TRUE(very->flags & kBooster);
  EXPECT_GT(very->boost, 0);
  const LexiconEntry* slightly = shipped_entry({"slightly"});
  ASSERT_NE(slightly, nullptr);
  EXPECT_TRUE(slightly->flags & kBooster);
  EXPECT_LT(slightly->boost, 0);
  const LexiconEntry* but = shipped_entry({"but"});
  ASSERT_NE(but, nullptr);
  EXPECT_TRUE(but->flags & kContrastBefore);
  for (auto c : {"although", "though"}) {
    const LexiconEntry* e = shipped_entry({c});
    ASSERT_NE(e, nullptr) << c;
    EXPECT_TRUE(e->flags & kConcessive) << c;
  }

  const LexiconEntry* good = shipped_entry({"good"});
  ASSERT_NE(good, nullptr);
  EXPECT_TRUE(good->flags & kHasValence);
  EXPECT_GT(good->valence, 0);
  // "vader", or a blend named after it ("vader+afinn").
  EXPECT_EQ(shipped().source_name(good->source).substr(0, 5), "vader");
  const LexiconEntry* terrible = shipped_entry({"terrible"});
  ASSERT_NE(terrible, nullptr);
  EXPECT_LT(terrible->valence, 0);
  EXPECT_GT(shipped_entry({"great"})->valence, good->valence);

  for (auto pos : {"😍", ":)", "<3"}) {
    const LexiconEntry* e = shipped_entry({pos});
    ASSERT_NE(e, nullptr) << pos;
    EXPECT_TRUE(e->flags & kHasValence) << pos;
    EXPECT_TRUE(e->flags & kEmoji) << pos;
    EXPECT_GT(e->valence, 0) << pos;
  }
  for (auto neg : {"😡", ":("}) {
    const LexiconEntry* e = shipped_entry({neg});
    ASSERT_NE(e, nullptr) << neg;
    EXPECT_LT(e->valence, 0) << neg;
  }

  // Phrases: their heads are marked, and the phrases carry their roles.
  const LexiconEntry* kind = shipped_entry({"kind"});
  ASSERT_NE(kind, nullptr);
  EXPECT_TRUE(kind->flags & kPhraseStart);
  EXPECT_GE(kind->max_phrase_tokens, 2);
  const LexiconEntry* kind_of = shipped_entry({"kind", "of"});
  ASSERT_NE(kind_of, nullptr);
  EXPECT_TRUE(kind_of->flags & kBooster);
  EXPECT_LT(kind_of->boost, 0);
  const LexiconEntry* die_for = shipped_entry({"to", "die", "for"});
  ASSERT_NE(die_for, nullptr);
  EXPECT_TRUE(die_for->flags & kIdiom);
  EXPECT_GT(die_for->valence, 0);
  const LexiconEntry* waste = shipped_entry({"waste", "of", "money"});
  ASSERT_NE(waste, nullptr);
  EXPECT_LT(waste->valence, 0);
  const LexiconEntry* not_only = shipped_entry({"not", "only"});
  ASSERT_NE(not_only, nullptr);
  EXPECT_TRUE(not_only->flags & kNotNegator);
  const LexiconEntry* at_all = shipped_entry({"at", "all"});
  ASSERT_NE(at_all, nullptr);
  EXPECT_TRUE(at_all->flags & kAmplifiesNegation);
  const LexiconEntry* like = shipped_entry({"like"});
  ASSERT_NE(like, nullptr);
  EXPECT_TRUE(like->flags & kNeedsSubject);

  // Lookup forms are lower-case: the model holds no upper-case keys.
  EXPECT_EQ(shipped_entry({"Good"}), nullptr);
}

// --- lookup forms (sentiment_text.h) ---

TEST(SentimentText, LookupFormLowercasesAsciiAndFoldsTheTypographicApostrophe) {
  std::string out;
  Casing c = lookup_form("Don\xE2\x80\x99t", out);  // Don’t
  EXPECT_EQ(out, "don't");
  EXPECT_TRUE(c.has_letters);
  EXPECT_FALSE(c.all_caps);
  lookup_form("good", out);
  EXPECT_EQ(out, "good");
  lookup_form("GoOd", out);
  EXPECT_EQ(out, "good");
  lookup_form("Café", out);  // non-ASCII letters are kept as they are
  EXPECT_EQ(out, "café");
  lookup_form("\xE2\x80\x98quoted\xE2\x80\x99", out);  // U+2018 is not folded
  EXPECT_EQ(out, "\xE2\x80\x98quoted'");
  lookup_form("\xE2\x80", out);  // a cut U+2019 is copied, not folded or read past
  EXPECT_EQ(out, "\xE2\x80");
  c = lookup_form("", out);
  EXPECT_EQ(out, "");
  EXPECT_FALSE(c.has_letters);
  EXPECT_FALSE(c.all_caps);
  out = "leftover";
  lookup_form(":)", out);  // cleared first
  EXPECT_EQ(out, ":)");
}

TEST(SentimentText, LookupFormDropsArabicTatweelAndMarks) {
  std::string out;
  lookup_form("جمـــيل", out);  // tatweel (U+0640) stretching the word
  EXPECT_EQ(out, "جميل");
  lookup_form("جَمِيلٌ", out);  // short vowels and tanwin
  EXPECT_EQ(out, "جميل");
  lookup_form("جداً", out);
  EXPECT_EQ(out, "جدا");
  lookup_form("أحبك", out);  // hamza forms are letters, kept
  EXPECT_EQ(out, "أحبك");
  lookup_form("\xD9", out);  // a cut two-byte character is copied
  EXPECT_EQ(out, "\xD9");
}

TEST(SentimentText, AllCapsNeedsTwoCapitalsAndNoLowerCase) {
  std::string out;
  EXPECT_TRUE(lookup_form("GOOD", out).all_caps);
  EXPECT_EQ(out, "good");
  EXPECT_TRUE(lookup_form("OK", out).all_caps);
  EXPECT_TRUE(lookup_form("DON\xE2\x80\x99T", out).all_caps);
  EXPECT_EQ(out, "don't");
  EXPECT_TRUE(lookup_form("A1B", out).all_caps);
  EXPECT_FALSE(lookup_form("I", out).all_caps);  // one letter: "I", "A"
  EXPECT_TRUE(lookup_form("I", out).has_letters);
  EXPECT_FALSE(lookup_form("Good", out).all_caps);
  EXPECT_FALSE(lookup_form("GOODs", out).all_caps);
  EXPECT_FALSE(lookup_form("123", out).has_letters);
  // Two-byte capitals (Latin-1, Latin Extended-A, Cyrillic) count and fold.
  EXPECT_TRUE(lookup_form("ÄÖÜ", out).all_caps);
  EXPECT_EQ(out, "äöü");
  EXPECT_TRUE(lookup_form("ОТЛИЧНО", out).all_caps);
  EXPECT_EQ(out, "отлично");
  EXPECT_FALSE(lookup_form("Отлично", out).all_caps);
  EXPECT_EQ(out, "отлично");
  EXPECT_EQ((lookup_form("ŁÓDŹ Œuvre Ÿ", out), out), "łódź œuvre ÿ");
  EXPECT_FALSE(lookup_form("中文", out).has_letters);  // letters without case do not count
}

TEST(SentimentText, StripEmojiModifiersRemovesSkinTonesAndVariationSelectors) {
  std::string out;
  EXPECT_TRUE(strip_emoji_modifiers("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", out));  // 👍🏽
  EXPECT_EQ(out, "\xF0\x9F\x91\x8D");                                           // 👍
  EXPECT_TRUE(strip_emoji_modifiers("\xE2\x9D\xA4\xEF\xB8\x8F", out));          // ❤️ (FE0F)
  EXPECT_EQ(out, "\xE2\x9D\xA4");                                               // ❤
  EXPECT_TRUE(strip_emoji_modifiers("\xE2\x98\xBA\xEF\xB8\x8E", out));          // ☺︎ (FE0E)
  EXPECT_EQ(out, "\xE2\x98\xBA");
  // Every skin tone U+1F3FB..U+1F3FF.
  for (char last = '\xBB'; last != '\xC0'; ++last) {
    EXPECT_TRUE(strip_emoji_modifiers(std::string("\xF0\x9F\x91\x8B\xF0\x9F\x8F") + last, out));
    EXPECT_EQ(out, "\xF0\x9F\x91\x8B");  // 👋
  }
  // Skin tone and FE0F inside a ZWJ sequence: the ZWJ stays.
  EXPECT_TRUE(strip_emoji_modifiers("\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x9A\x92",
                                    out));                         // 👩🏽‍🚒
  EXPECT_EQ(out, "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x9A\x92");  // 👩‍🚒
  EXPECT_FALSE(strip_emoji_modifiers("\xF0\x9F\x98\x8D", out));    // 😍: nothing to strip
  EXPECT_EQ(out, "\xF0\x9F\x98\x8D");
  EXPECT_TRUE(strip_emoji_modifiers("\xF0\x9F\x8F\xBD", out));  // a lone modifier
  EXPECT_EQ(out, "");
}

TEST(SentimentText, FirstZwjComponent) {
  std::string out;
  // 👩🏽‍🚒 -> 👩 (skin tone stripped too)
  EXPECT_TRUE(
      first_zwj_component("\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x9A\x92", out));
  EXPECT_EQ(out, "\xF0\x9F\x91\xA9");
  // 👨‍👩‍👧 -> 👨
  EXPECT_TRUE(first_zwj_component(
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", out));
  EXPECT_EQ(out, "\xF0\x9F\x91\xA8");
  // ❤️‍🔥 -> ❤ (FE0F stripped)
  EXPECT_TRUE(first_zwj_component("\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x94\xA5", out));
  EXPECT_EQ(out, "\xE2\x9D\xA4");
  EXPECT_FALSE(first_zwj_component("\xF0\x9F\x98\x8D", out));              // no ZWJ
  EXPECT_FALSE(first_zwj_component("\xE2\x80\x8D\xF0\x9F\x98\x8D", out));  // ZWJ first
}

TEST(SentimentText, CollapseElongationKeepsTwoOrOne) {
  std::string out;
  EXPECT_TRUE(collapse_elongation("goooood", 2, out));
  EXPECT_EQ(out, "good");
  EXPECT_TRUE(collapse_elongation("goooood", 1, out));
  EXPECT_EQ(out, "god");
  EXPECT_TRUE(collapse_elongation("soooo", 2, out));
  EXPECT_EQ(out, "soo");
  EXPECT_TRUE(collapse_elongation("soooo", 1, out));
  EXPECT_EQ(out, "so");
  EXPECT_TRUE(collapse_elongation("yesss", 1, out));
  EXPECT_EQ(out, "yes");
  EXPECT_TRUE(collapse_elongation("loooovvve", 1, out));  // every run of 3+
  EXPECT_EQ(out, "love");
  EXPECT_TRUE(collapse_elongation("ooo", 2, out));
  EXPECT_EQ(out, "oo");
  // Runs of two are not elongation ("good", "cool", "too"). (`out` is
  // only meaningful when the answer is true.)
  EXPECT_FALSE(collapse_elongation("good", 1, out));
  EXPECT_FALSE(collapse_elongation("", 2, out));
  EXPECT_FALSE(collapse_elongation("ab", 1, out));
  // Only letters: "!!!", "...", "1000" and emoji are not elongated words.
  EXPECT_FALSE(collapse_elongation("!!!!", 1, out));
  EXPECT_FALSE(collapse_elongation("1000", 1, out));
  EXPECT_FALSE(collapse_elongation("wow!!!", 1, out));
  EXPECT_FALSE(collapse_elongation("\xF0\x9F\x98\x8D\xF0\x9F\x98\x8D\xF0\x9F\x98\x8D", 1, out));
  EXPECT_TRUE(
      collapse_elongation("caf\xC3\xA9"
                          "eee",
                          2, out));  // non-ASCII bytes are kept
  EXPECT_EQ(out,
            "caf\xC3\xA9"
            "ee");
}

}  // namespace
}  // namespace textsense::sentiment
