// DocumentPipeline: a document analysed in chunks across threads gives
// exactly the single-threaded results (every offset, sentence score, token
// contribution, tag and the document score, bit for bit), with chunks cut
// at every possible boundary (chunk_bytes 1) and in awkward text; and a
// chunked call stops cleanly on a stop request or bad input.
#include "core/runtime/document_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/common/errors.h"
#include "core/lang/profile.h"
#include "test_util.h"

namespace textsense {
namespace {

const sentiment::Lexicon& lexicon() {
  static const std::unique_ptr<sentiment::Lexicon> lex =
      sentiment::Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  return *lex;
}

const pos::PosModel& pos_model() {
  static const std::unique_ptr<pos::PosModel> model =
      pos::PosModel::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/pos_en.model");
  return *model;
}

// Fragments chosen to sit next to chunk cuts: abbreviations and initials,
// URLs and e-mails with dots, mentions and hashtags that would start a
// chunk, CR LF, emoji sequences, CJK and RTL text, quotes and brackets
// after a full stop, lower case after a full stop, no space after "!".
// clang-format off
const char* const kFragments[] = {
    "The food was great.", "But the service was painfully slow!", "Dr. Smith was not helpful.",
    "I met Mr. and Mrs. Jones, e.g. at the U.S. embassy.", "J. R. R. Tolkien wrote it.",
    "See https://example.org/a.b?c=d. Then call.", "Mail bob@example.com. Thanks.",
    "@alice you were right.", "#fail again.", "Hi!Bob is here.", "etc. and so on.",
    "\"It was awful.\" He left.", "(Not bad.) Really.", "Wait... what?!", "It costs 3.14 USD.",
    "I don't like it at all :(", "Love it 😍👍🏽 👨‍👩‍👧 so much.", "非常好。服务很差。",
    "هذا رائع. شكرا.", "Ça va très bien.", "NOT GOOD!!!", "no. 5 is fine.", "Yes.", "Meh",
    "Great product, but it broke after a week; the support never replied.",
    "Although the price was high, it's worth it.", "what a goooood day",
};
// clang-format on
const char* const kSeparators[] = {" ", "  ", "\n", "\n\n", "\r\n", "\t", " \n ", ""};

// A deterministic pseudo-random document of `pieces` fragments.
std::string make_document(std::uint32_t seed, int pieces) {
  std::string doc;
  std::uint32_t x = seed * 2654435761u + 1;
  for (int i = 0; i < pieces; ++i) {
    x = x * 1664525u + 1013904223u;
    doc += kFragments[(x >> 8) % std::size(kFragments)];
    x = x * 1664525u + 1013904223u;
    doc += kSeparators[(x >> 8) % std::size(kSeparators)];
  }
  return doc;
}

void expect_same_segmentation(const segment::Segmentation& a, const segment::Segmentation& b) {
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const segment::Sentence& x = a.sentences[i];
    const segment::Sentence& y = b.sentences[i];
    ASSERT_TRUE(
        x.span.byte_begin == y.span.byte_begin && x.span.byte_length == y.span.byte_length &&
        x.span.char_begin == y.span.char_begin && x.span.char_length == y.span.char_length &&
        x.first_token == y.first_token && x.token_count == y.token_count)
        << "sentence " << i << " differs: bytes " << x.span.byte_begin << "+" << x.span.byte_length
        << " vs " << y.span.byte_begin << "+" << y.span.byte_length;
  }
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const segment::Token& x = a.tokens[i];
    const segment::Token& y = b.tokens[i];
    ASSERT_TRUE(
        x.span.byte_begin == y.span.byte_begin && x.span.byte_length == y.span.byte_length &&
        x.span.char_begin == y.span.char_begin && x.span.char_length == y.span.char_length &&
        x.sentence == y.sentence && x.kind == y.kind)
        << "token " << i << " differs at byte " << x.span.byte_begin << " vs " << y.span.byte_begin;
  }
}

void expect_same_scores(const sentiment::DocumentSentiment& a,
                        const sentiment::DocumentSentiment& b) {
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.label, b.label);
  EXPECT_EQ(a.positive, b.positive);
  EXPECT_EQ(a.negative, b.negative);
  EXPECT_EQ(a.neutral, b.neutral);
  EXPECT_EQ(a.sentences, b.sentences);
  EXPECT_EQ(a.tokens, b.tokens);
}

// Runs every job on `doc` unsplit and split, and compares everything. A
// null `pool` splits on the calling thread alone.
void expect_parallel_equals_serial(const std::string& doc, std::size_t chunk_bytes,
                                   runtime::ThreadPool* pool, bool expect_split = true) {
  SCOPED_TRACE("chunk_bytes " + std::to_string(chunk_bytes) + ", " + std::to_string(doc.size()) +
               " bytes" + (pool == nullptr ? ", one thread" : ""));
  runtime::DocumentPipeline serial;
  serial.settings().min_bytes = SIZE_MAX;  // never split
  runtime::DocumentPipeline parallel(pool);
  parallel.settings().min_bytes = 0;
  parallel.settings().chunk_bytes = chunk_bytes;
  const sentiment::Params params;

  serial.segment(doc, lang::english());
  parallel.segment(doc, lang::english());
  if (expect_split) {
    EXPECT_GT(parallel.last_chunk_count(), 1u);
  }
  expect_same_segmentation(serial.segmentation(), parallel.segmentation());

  for (runtime::SentimentOutput output :
       {runtime::SentimentOutput::kDocument, runtime::SentimentOutput::kSentences,
        runtime::SentimentOutput::kTokens}) {
    const sentiment::DocumentSentiment a =
        serial.score(doc, lang::english(), lexicon(), params, output);
    const sentiment::DocumentSentiment b =
        parallel.score(doc, lang::english(), lexicon(), params, output);
    expect_same_scores(a, b);
    // A large document's score alone keeps no sentence results
    // (DocumentPipeline::score_by_window); the score above says they agree.
    if (output == runtime::SentimentOutput::kDocument) continue;
    ASSERT_EQ(serial.sentence_sentiments().size(), parallel.sentence_sentiments().size());
    for (std::size_t i = 0; i < serial.sentence_sentiments().size(); ++i) {
      const auto& x = serial.sentence_sentiments()[i];
      const auto& y = parallel.sentence_sentiments()[i];
      ASSERT_TRUE(x.score == y.score && x.sum == y.sum && x.label == y.label &&
                  x.opens_with_contrast == y.opens_with_contrast)
          << "sentence " << i;
    }
    expect_same_segmentation(serial.segmentation(), parallel.segmentation());
    if (output == runtime::SentimentOutput::kTokens) {
      ASSERT_EQ(serial.token_sentiments().size(), parallel.token_sentiments().size());
      for (std::size_t i = 0; i < serial.token_sentiments().size(); ++i) {
        const auto& x = serial.token_sentiments()[i];
        const auto& y = parallel.token_sentiments()[i];
        ASSERT_TRUE(x.valence == y.valence && x.contribution == y.contribution &&
                    x.rules == y.rules && x.source == y.source)
            << "token " << i;
      }
    }
  }

  serial.tag(doc, lang::english(), pos_model());
  parallel.tag(doc, lang::english(), pos_model());
  expect_same_segmentation(serial.segmentation(), parallel.segmentation());
  EXPECT_EQ(serial.tags(), parallel.tags());
}

// Contractions ("du" = de + le) carry token indexes that the chunks'
// appends shift: split and unsplit agree on them too.
TEST(DocumentPipeline, FrenchContractionsAgreeWhenSplit) {
  static const std::unique_ptr<pos::PosModel> french =
      pos::PosModel::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/pos_fr.model");
  const lang::Profile& profile = lang::profile_for("fr");
  std::string doc;
  for (int i = 0; doc.size() < 200'000; ++i)
    doc += i % 2 ? "Il parle du livre au professeur. " : "Je reviens des halles avec le pain. ";
  runtime::ThreadPool pool(1);
  runtime::DocumentPipeline serial;
  serial.settings().min_bytes = SIZE_MAX;
  serial.tag(doc, profile, *french);
  ASSERT_GT(serial.contractions().size(), 1000u);
  for (runtime::ThreadPool* p : {static_cast<runtime::ThreadPool*>(nullptr), &pool}) {
    runtime::DocumentPipeline parallel(p);
    parallel.settings().min_bytes = 0;
    parallel.settings().chunk_bytes = 7'000;
    parallel.tag(doc, profile, *french);
    EXPECT_GT(parallel.last_chunk_count(), 20u);
    expect_same_segmentation(serial.segmentation(), parallel.segmentation());
    EXPECT_EQ(serial.tags(), parallel.tags());
    ASSERT_EQ(serial.contractions().size(), parallel.contractions().size());
    for (std::size_t i = 0; i < serial.contractions().size(); ++i) {
      const pos::ContractionTags& x = serial.contractions()[i];
      const pos::ContractionTags& y = parallel.contractions()[i];
      ASSERT_TRUE(x.token == y.token && x.contraction == y.contraction &&
                  std::memcmp(x.tags, y.tags, sizeof x.tags) == 0)
          << "contraction " << i;
    }
  }
}

// A chunk is segmented without the text before it: a sentence that opens
// with the end of a longer abbreviation of the language's list ("ul." in
// Portuguese, the end of "jul.") must break the same at a chunk's start.
TEST(DocumentPipeline, EveryLanguageCutsAtEveryBoundaryTheSame) {
  const std::string doc =
      "d\n\nul. \"\n\nul. Y. Sr. Silva. jul. 5. z.B. heute. M. Dupont. Dr. Who. etc. ok.";
  runtime::ThreadPool pool(1);
  for (const lang::Profile* const* p = lang::profiles().items;
       p != lang::profiles().items + lang::profiles().count; ++p) {
    SCOPED_TRACE((*p)->code);
    runtime::DocumentPipeline serial;
    serial.settings().min_bytes = SIZE_MAX;
    runtime::DocumentPipeline parallel(&pool);
    parallel.settings().min_bytes = 0;
    parallel.settings().chunk_bytes = 1;
    serial.segment(doc, **p);
    parallel.segment(doc, **p);
    EXPECT_GT(parallel.last_chunk_count(), 1u);
    expect_same_segmentation(serial.segmentation(), parallel.segmentation());
  }
}

TEST(DocumentPipeline, AwkwardDocumentsCutEverywhere) {
  runtime::ThreadPool pool(2);
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const std::string doc = make_document(seed, 60);
    SCOPED_TRACE("seed " + std::to_string(seed));
    expect_parallel_equals_serial(doc, 1, &pool);
    expect_parallel_equals_serial(doc, 97, &pool);
    expect_parallel_equals_serial(doc, 97, nullptr);
  }
}

TEST(DocumentPipeline, LargeDocumentAutomaticChunks) {
  runtime::ThreadPool pool(2);
  const std::string doc = make_document(7, 20000);  // about 700 KB
  runtime::DocumentPipeline parallel(&pool);
  parallel.settings().min_bytes = 0;
  expect_parallel_equals_serial(doc, 0, &pool);
  parallel.segment(doc, lang::english());
  EXPECT_GE(parallel.last_chunk_count(), 4u);
}

// Sentences too long to analyse whole are cut the same way whether the
// document is split or not.
TEST(DocumentPipeline, LongSentencesCutTheSameWhenSplit) {
  runtime::ThreadPool pool(2);
  std::string doc = make_document(5, 200);
  for (int i = 0; i < 30000; ++i) doc += "very ";
  doc += make_document(6, 200);
  for (int i = 0; i < 40000; ++i) doc += "好";
  doc += " " + make_document(8, 200);
  for (int i = 0; i < 20000; ++i) doc += "Dr. ";
  doc += make_document(9, 100);
  expect_parallel_equals_serial(doc, 1, &pool);
  expect_parallel_equals_serial(doc, 4000, &pool);
  expect_parallel_equals_serial(doc, 0, nullptr);
}

// Random long stretches built from the units that steer ICU's sentence
// rules and the special spans (abbreviations, "a.b", URLs, terminators
// without a following capital, CJK, emoji, CR LF): the windows and the
// cuts of long sentences agree between split and unsplit runs.
TEST(DocumentPipeline, RandomLongStretchesCutTheSameWhenSplit) {
  runtime::ThreadPool pool(2);
  const char* const units[] = {"Dr. ", "a.b", "very ", "x.org/a. b ", "? ",
                               "好",   "😀",   "\r\n",  "e.g. ",       "Ok! ",
                               "word", " ",   "#tag ", "...",         "U.S. "};
  std::uint32_t state = 12345;
  for (int round = 0; round < 3; ++round) {
    std::string doc = make_document(20 + round, 50);
    while (doc.size() < 260'000) {
      state = state * 1664525u + 1013904223u;
      const std::size_t unit = (state >> 8) % (sizeof units / sizeof units[0]);
      // Runs of one unit, long enough to cross windows now and then.
      const std::size_t run =
          1 + ((state >> 20) % 4 == 0 ? (state >> 4) % 20000 : (state >> 4) % 8);
      for (std::size_t i = 0; i < run && doc.size() < 260'000; ++i) doc += units[unit];
    }
    SCOPED_TRACE("round " + std::to_string(round));
    expect_parallel_equals_serial(doc, 5000, &pool, false);
    expect_parallel_equals_serial(doc, 0, nullptr, false);
  }
}

// One thread works chunk by chunk too (bounded memory): same results.
TEST(DocumentPipeline, OneThreadSplitsLargeDocumentsIntoChunks) {
  const std::string doc = make_document(11, 20000);
  expect_parallel_equals_serial(doc, 0, nullptr);
  runtime::DocumentPipeline one_thread;
  one_thread.segment(doc, lang::english());
  EXPECT_GE(one_thread.last_chunk_count(), 4u);
  one_thread.settings().min_bytes = doc.size() + 1;
  one_thread.segment(doc, lang::english());
  EXPECT_EQ(one_thread.last_chunk_count(), 1u);
}

// Real text with its own oddities: the sentiment dev sets, joined the ways
// a user's column could hold them.
TEST(DocumentPipeline, DevSetTextsCutEverywhere) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data not found: dev-set texts skipped";
  runtime::ThreadPool pool(2);
  for (const char* name :
       {"tweets", "amazonReviewSnippets", "movieReviewSnippets", "nytEditorialSnippets"}) {
    const std::string path = data + "/sentiment_dev/vader_groundtruth_dev/" + name + "_dev.tsv";
    const std::string raw = testing::read_data_file(path);
    ASSERT_FALSE(raw.empty()) << "cannot read " << path;
    // Lines are "id<TAB>score<TAB>text": keep the texts.
    std::string joined_space, joined_lines;
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < raw.size() && count < 1500;) {
      std::size_t end = raw.find('\n', pos);
      if (end == std::string::npos) end = raw.size();
      const std::string line = raw.substr(pos, end - pos);
      pos = end + 1;
      const std::size_t tab2 = line.find('\t', line.find('\t') + 1);
      if (tab2 == std::string::npos) continue;
      const std::string text = line.substr(tab2 + 1);
      joined_space += text + " ";
      joined_lines += text + "\r\n";
      ++count;
    }
    SCOPED_TRACE(name);
    expect_parallel_equals_serial(joined_space, 1, &pool);
    expect_parallel_equals_serial(joined_lines, 1, &pool);
  }
}

TEST(DocumentPipeline, TextWithoutBoundariesRunsUnsplit) {
  runtime::ThreadPool pool(2);
  const std::string doc(200000, 'a');
  runtime::DocumentPipeline parallel(&pool);
  parallel.settings().min_bytes = 0;
  parallel.settings().chunk_bytes = 1000;
  parallel.segment(doc, lang::english());
  EXPECT_EQ(parallel.last_chunk_count(), 1u);
  // Analysed in pieces of at most 63 KiB (segmenter.h, "Long sentences").
  EXPECT_EQ(parallel.segmentation().tokens.size(), 4u);
}

TEST(DocumentPipeline, SmallDocumentsStayOnTheCallingThread) {
  runtime::ThreadPool pool(2);
  runtime::DocumentPipeline parallel(&pool);
  parallel.settings().min_bytes = 1 << 20;
  parallel.segment(make_document(3, 100), lang::english());
  EXPECT_EQ(parallel.last_chunk_count(), 1u);
}

TEST(DocumentPipeline, InvalidUtf8ReportsTheDocumentOffset) {
  runtime::ThreadPool pool(2);
  std::string doc = make_document(5, 400);
  const std::size_t bad = doc.size() * 3 / 4;
  doc.insert(bad, "\xC3\x28");  // a lead byte without its continuation
  runtime::DocumentPipeline serial;
  runtime::DocumentPipeline parallel(&pool);
  parallel.settings().min_bytes = 0;
  parallel.settings().chunk_bytes = 64;
  std::size_t serial_offset = 0, parallel_offset = 1;
  try {
    serial.segment(doc, lang::english());
  } catch (const InvalidUtf8Error& e) {
    serial_offset = e.byte_offset();
  }
  try {
    parallel.score(doc, lang::english(), lexicon(), sentiment::Params(),
                   runtime::SentimentOutput::kDocument);
  } catch (const InvalidUtf8Error& e) {
    parallel_offset = e.byte_offset();
  }
  EXPECT_EQ(serial_offset, bad);
  EXPECT_EQ(parallel_offset, bad);
}

bool after_polls(void* counter) {
  return static_cast<std::atomic<int>*>(counter)->fetch_sub(1) <= 0;
}

TEST(DocumentPipeline, StopRequestEndsAChunkedCallAndThePipelineRecovers) {
  runtime::ThreadPool pool(2);
  const std::string doc = make_document(11, 40000);  // about 1.4 MB
  runtime::DocumentPipeline parallel(&pool);
  parallel.settings().min_bytes = 0;
  std::atomic<int> polls{3};
  EXPECT_THROW(
      parallel.score(doc, lang::english(), lexicon(), sentiment::Params(),
                     runtime::SentimentOutput::kDocument, runtime::StopSignal{after_polls, &polls}),
      CancelledError);
  runtime::DocumentPipeline serial;
  expect_same_scores(serial.score(doc, lang::english(), lexicon(), sentiment::Params(),
                                  runtime::SentimentOutput::kDocument),
                     parallel.score(doc, lang::english(), lexicon(), sentiment::Params(),
                                    runtime::SentimentOutput::kDocument));
}

TEST(DocumentPipeline, ReleasingBuffersKeepsResultsCorrect) {
  runtime::ThreadPool pool(1);
  const std::string doc = make_document(13, 5000);
  runtime::DocumentPipeline parallel(&pool);
  parallel.settings().min_bytes = 0;
  const auto before = parallel.score(doc, lang::english(), lexicon(), sentiment::Params(),
                                     runtime::SentimentOutput::kTokens);
  parallel.release_large_buffers(10);
  EXPECT_EQ(parallel.token_sentiments().capacity(), 0u);
  const auto after = parallel.score(doc, lang::english(), lexicon(), sentiment::Params(),
                                    runtime::SentimentOutput::kTokens);
  expect_same_scores(before, after);
}

}  // namespace
}  // namespace textsense
