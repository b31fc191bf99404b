// Language profiles (lang/), installed models, the automatic choice and
// mixed documents through the pipeline (runtime/multilingual.h).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/common/errors.h"
#include "core/lang/auto_choice.h"
#include "core/lang/installed.h"
#include "core/lang/profile.h"
#include "core/runtime/multilingual.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/lexicon.h"

namespace textsense {
namespace {

std::vector<std::string> tokens_in(std::string_view code, std::string_view text) {
  segment::Segmenter segmenter(lang::profile_for(code));
  segment::Segmentation seg;
  segmenter.segment(text, seg);
  std::vector<std::string> out;
  for (const segment::Token& t : seg.tokens) out.emplace_back(t.span.text(text));
  return out;
}

std::size_t sentences_in(std::string_view code, std::string_view text) {
  segment::Segmenter segmenter(lang::profile_for(code));
  segment::Segmentation seg;
  segmenter.segment(text, seg);
  return seg.sentences.size();
}

using Tokens = std::vector<std::string>;

TEST(LanguageProfiles, EveryProfileIsFoundByItsCodeAndUnknownCodesGetTheGenericOne) {
  const lang::ProfileList all = lang::profiles();
  ASSERT_GE(all.count, 12u);
  for (std::size_t i = 0; i < all.count; ++i)
    EXPECT_EQ(&lang::profile_for(all.items[i]->code), all.items[i]) << all.items[i]->code;
  EXPECT_EQ(lang::profile_for("sw").code, "und");
  EXPECT_EQ(lang::profile_for("").code, "und");
  EXPECT_EQ(&lang::english(), &lang::profile_for("en"));
}

TEST(LanguageProfiles, EnglishCliticsStayEnglish) {
  EXPECT_EQ(tokens_in("en", "I don't know, it's fine"),
            (Tokens{"I", "do", "n't", "know", ",", "it", "'s", "fine"}));
  // German "geht's" and Dutch "z'n" are not split with English rules.
  EXPECT_EQ(tokens_in("de", "Wie geht's?"), (Tokens{"Wie", "geht's", "?"}));
  EXPECT_EQ(tokens_in("nl", "Hij cannot gaan"), (Tokens{"Hij", "cannot", "gaan"}));
  EXPECT_EQ(tokens_in("und", "don't"), (Tokens{"don't"}));
}

TEST(LanguageProfiles, FrenchAndItalianElisionSplitsAfterTheApostrophe) {
  EXPECT_EQ(tokens_in("fr", "L'homme qu'il voit jusqu'à aujourd'hui"),
            (Tokens{"L'", "homme", "qu'", "il", "voit", "jusqu'", "à", "aujourd'hui"}));
  EXPECT_EQ(tokens_in("fr", "l\u2019été d\u2019abord"),
            (Tokens{"l\u2019", "été", "d\u2019", "abord"}));
  EXPECT_EQ(tokens_in("it", "dell'anno, un'altra, c'è di più"),
            (Tokens{"dell'", "anno", ",", "un'", "altra", ",", "c'", "è", "di", "più"}));
  // English keeps "l'" words whole (no elision rule).
  EXPECT_EQ(tokens_in("en", "l'homme"), (Tokens{"l'homme"}));
}

TEST(LanguageProfiles, HyphenatedWordsFollowTheLanguage) {
  EXPECT_EQ(tokens_in("en", "a well-known e-mail"), (Tokens{"a", "well", "-", "known", "e-mail"}));
  EXPECT_EQ(tokens_in("de", "die E-Mail-Adresse"), (Tokens{"die", "E-Mail-Adresse"}));
  EXPECT_EQ(tokens_in("fr", "peut-être"), (Tokens{"peut-être"}));
  EXPECT_EQ(tokens_in("ru", "кто-то пришёл"), (Tokens{"кто-то", "пришёл"}));
  // Portuguese joins compounds but not a verb and its enclitic pronouns.
  EXPECT_EQ(tokens_in("pt", "o guarda-chuva, bem-vindo"),
            (Tokens{"o", "guarda-chuva", ",", "bem-vindo"}));
  EXPECT_EQ(tokens_in("pt", "Diga-me, Odeio-o, dá-mo, Amo-TE"),
            (Tokens{"Diga", "-", "me", ",", "Odeio", "-", "o", ",", "dá", "-", "mo", ",", "Amo",
                    "-", "TE"}));
  // The hook is Portuguese: French keeps "dis-moi" whole.
  EXPECT_EQ(tokens_in("fr", "dis-moi"), (Tokens{"dis-moi"}));
  // Numbers and spaced dashes are not words joined by a hyphen.
  EXPECT_EQ(tokens_in("de", "10-15 Euro - teuer"), (Tokens{"10", "-", "15", "Euro", "-", "teuer"}));
}

TEST(LanguageProfiles, AbbreviationsFollowTheLanguage) {
  EXPECT_EQ(sentences_in("en", "Dr. Smith arrived. He was late."), 2u);
  EXPECT_EQ(sentences_in("de", "Wir treffen uns z.B. am Montag. Das ist gut."), 2u);
  // English titles are not German abbreviations: "Dr." keeps its period in
  // English only.
  EXPECT_EQ(tokens_in("en", "Dr. Smith")[0], "Dr.");
  EXPECT_EQ(tokens_in("de", "Sie kam um 5 Uhr."), (Tokens{"Sie", "kam", "um", "5", "Uhr", "."}));
  // German short forms and dotted letters keep their period, as in UD German.
  EXPECT_EQ(tokens_in("de", "z.B. Nr. 5 usw. Gut."),
            (Tokens{"z.B.", "Nr.", "5", "usw.", "Gut", "."}));
  EXPECT_EQ(tokens_in("fr", "M. Dupont est là."), (Tokens{"M.", "Dupont", "est", "là", "."}));
  EXPECT_EQ(sentences_in("de", "Er wohnt in der Hauptstr. 5 in Berlin. Das ist gut."), 2u);
}

TEST(LanguageProfiles, OffsetsStayExactWithEveryProfile) {
  const std::string text = "L\u2019été dernier, j'ai vu «Amélie». Dell'anno? E-Mail-Adresse!";
  for (std::size_t i = 0; i < lang::profiles().count; ++i) {
    const lang::Profile& p = *lang::profiles().items[i];
    segment::Segmenter segmenter(p);
    segment::Segmentation seg;
    segmenter.segment(text, seg);
    std::size_t covered = 0;
    for (const segment::Token& t : seg.tokens) {
      ASSERT_LE(t.span.byte_end(), text.size()) << p.code;
      covered += t.span.byte_length;
    }
    std::size_t blanks = 0;
    for (char c : text) blanks += c == ' ';
    EXPECT_EQ(covered + blanks, text.size()) << p.code;
  }
}

class InstalledModelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/textsense_models_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    for (const std::string& f : files_) std::remove((dir_ + "/" + f).c_str());
    ::rmdir(dir_.c_str());
  }
  void touch(const std::string& name) {
    std::ofstream(dir_ + "/" + name) << "x";
    files_.push_back(name);
  }
  std::string dir_;
  std::vector<std::string> files_;
};

TEST_F(InstalledModelsTest, LanguagesComeFromTheFileNames) {
  touch("sentiment_en.model");
  touch("sentiment_de.model");
  touch("pos_en.model");
  touch("pos_fra.model");       // three letters: a code
  touch("sentiment_EN.model");  // not lower case: ignored
  touch("sentiment_.model");    // no code: ignored
  touch("pos_en.model.bak");    // not .model: ignored
  touch("notes_en.model");      // unknown kind: ignored
  const lang::InstalledModels m = lang::scan_installed_models(dir_);
  EXPECT_EQ(m.list(lang::ModelKind::kSentiment), "de, en");
  EXPECT_EQ(m.list(lang::ModelKind::kPos), "en, fra");
  EXPECT_TRUE(m.has(lang::ModelKind::kSentiment, "de"));
  EXPECT_FALSE(m.has(lang::ModelKind::kPos, "de"));
  EXPECT_EQ(m.languages().size(), 3u);
}

TEST(LanguageCode, KeepsUpToSevenCharactersAndComparesByValue) {
  for (std::string_view s : {"", "e", "en", "yue", "zh-hant", "sevench"})
    EXPECT_EQ(lang::Code(s).view(), s);
  EXPECT_EQ(lang::Code("eightchr").view(), "eightch");  // truncated
  EXPECT_TRUE(lang::Code("").empty());
  EXPECT_EQ(lang::Code("en"), lang::Code(std::string_view("en\0x", 2)));
  EXPECT_NE(lang::Code("en"), lang::Code("eng"));
}

TEST(InstalledModels, AMissingDirectoryHasNothing) {
  lang::InstalledModels m = lang::scan_installed_models("/nonexistent/textsense");
  EXPECT_TRUE(m.sentiment.empty());
  EXPECT_EQ(m.list(lang::ModelKind::kSentiment), "none");
  // The language every installation ships counts as installed anyway, so
  // that its missing file is reported as damage when it is loaded.
  lang::require_language(m, "en");
  EXPECT_TRUE(m.has(lang::ModelKind::kSentiment, "en"));
  EXPECT_TRUE(m.has(lang::ModelKind::kPos, "en"));
}

lang::InstalledModels installed(std::initializer_list<const char*> sentiment) {
  lang::InstalledModels m;
  for (const char* code : sentiment) m.sentiment.emplace_back(code);
  return m;
}

TEST(AutoChoice, ReliableAndInstalledIsUsedReliableAndMissingIsNothingUnsureIsEnglish) {
  const lang::InstalledModels m = installed({"de", "en"});
  using lang::Code;
  const auto k = lang::ModelKind::kSentiment;
  EXPECT_EQ(lang::choose_language(Code("de"), true, 1, m, k).analyse.view(), "de");
  const lang::Choice fr = lang::choose_language(Code("fr"), true, 1, m, k);
  EXPECT_TRUE(fr.analyse.empty());
  EXPECT_EQ(fr.detected.view(), "fr");
  EXPECT_EQ(lang::choose_language(Code("fr"), false, 0.4, m, k).analyse.view(), "en");
  EXPECT_EQ(lang::choose_language(Code(""), false, 0, m, k).analyse.view(), "en");
  // Without English installed, unsure text is not analysed.
  EXPECT_TRUE(lang::choose_language(Code(""), false, 0, installed({"de"}), k).analyse.empty());
}

// A German lexicon built in memory: the automatic path must use it for
// German sentences and the English one for English sentences.
std::unique_ptr<sentiment::Lexicon> german_lexicon() {
  sentiment::LexiconContents c;
  c.language = "de";
  c.sources = {{"test", "PostgreSQL License"}};
  sentiment::LexiconEntry good{};
  good.valence = 3;
  good.flags = sentiment::kHasValence;
  sentiment::LexiconEntry bad = good;
  bad.valence = -3;
  c.terms = {{sentiment::term_key("ausgezeichnet"), good},
             {sentiment::term_key("schrecklich"), bad},
             {sentiment::term_key("kalt"), bad},
             {sentiment::term_key("unfreundlich"), bad}};
  return sentiment::Lexicon::from_bytes(sentiment::serialize(c));
}

struct Models {
  std::unique_ptr<sentiment::Lexicon> en =
      sentiment::Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  std::unique_ptr<sentiment::Lexicon> de = german_lexicon();
  lang::InstalledModels installed;

  runtime::ModelSource source(bool with_german) {
    installed = with_german ? ::textsense::installed({"de", "en"}) : ::textsense::installed({"en"});
    runtime::ModelSource s;
    s.installed = &installed;
    s.lexicon = [](lang::Code code, void* self) -> const sentiment::Lexicon* {
      auto* m = static_cast<Models*>(self);
      return code.view() == "de" ? m->de.get() : code.view() == "en" ? m->en.get() : nullptr;
    };
    s.context = this;
    return s;
  }
};

constexpr const char* kMixed =
    "The room was lovely and the staff were wonderful. "
    "Das Frühstück war leider kalt und das Personal war unfreundlich. "
    "The view from the balcony was stunning and I would come back.";

TEST(Multilingual, GermanTextIsNotScoredWithEnglishRules) {
  Models models;
  runtime::DocumentPipeline pipeline;
  runtime::LanguageOutcome outcome;
  const std::string german = "Das Essen war ausgezeichnet, aber der Service war schrecklich.";
  const sentiment::DocumentSentiment without = runtime::score_document(
      pipeline, german, runtime::LanguageRequest::automatic_choice(), models.source(false), nullptr,
      runtime::SentimentOutput::kDocument, {}, outcome);
  EXPECT_FALSE(without.analysed);
  EXPECT_EQ(outcome.language.view(), "de");
  EXPECT_EQ(without.tokens, 11u);
  const sentiment::DocumentSentiment with = runtime::score_document(
      pipeline, german, runtime::LanguageRequest::automatic_choice(), models.source(true), nullptr,
      runtime::SentimentOutput::kDocument, {}, outcome);
  EXPECT_TRUE(with.analysed);
  EXPECT_EQ(outcome.language.view(), "de");
  // An explicit language is the caller's word.
  const sentiment::DocumentSentiment forced = runtime::score_document(
      pipeline, german, runtime::LanguageRequest::explicit_language("en"), models.source(false),
      nullptr, runtime::SentimentOutput::kDocument, {}, outcome);
  EXPECT_TRUE(forced.analysed);
  EXPECT_EQ(outcome.language.view(), "en");
}

TEST(Multilingual, EachSentenceOfAMixedDocumentInItsOwnLanguage) {
  Models models;
  runtime::DocumentPipeline pipeline;
  runtime::LanguageOutcome outcome;
  // Without a German lexicon the German sentence is left out.
  runtime::score_document(pipeline, kMixed, runtime::LanguageRequest::automatic_choice(),
                          models.source(false), nullptr, runtime::SentimentOutput::kSentences, {},
                          outcome);
  ASSERT_EQ(pipeline.sentence_sentiments().size(), 3u);
  EXPECT_EQ(outcome.sentence_language(0).view(), "en");
  EXPECT_EQ(outcome.sentence_language(1).view(), "de");
  EXPECT_EQ(outcome.sentence_language(2).view(), "en");
  EXPECT_TRUE(pipeline.sentence_sentiments()[0].analysed);
  EXPECT_FALSE(pipeline.sentence_sentiments()[1].analysed);
  EXPECT_GT(pipeline.sentence_sentiments()[2].score, 0);
  // With one, it is scored in German: negative.
  const sentiment::DocumentSentiment both = runtime::score_document(
      pipeline, kMixed, runtime::LanguageRequest::automatic_choice(), models.source(true), nullptr,
      runtime::SentimentOutput::kSentences, {}, outcome);
  EXPECT_TRUE(pipeline.sentence_sentiments()[1].analysed);
  EXPECT_LT(pipeline.sentence_sentiments()[1].score, 0);
  // The document score alone (kDocument) equals the one with sentences.
  const sentiment::DocumentSentiment score_only = runtime::score_document(
      pipeline, kMixed, runtime::LanguageRequest::automatic_choice(), models.source(true), nullptr,
      runtime::SentimentOutput::kDocument, {}, outcome);
  EXPECT_DOUBLE_EQ(both.score, score_only.score);
}

// A large mixed document's score alone is computed window by window, each
// sentence detected and scored in its own language inside the chunk's
// task (DocumentPipeline::score_by_window): it equals the unsplit path's
// (the whole segmentation, then the foreign sentences scored again) bit
// for bit, on the calling thread and on a pool, with and without a
// lexicon for the minority language, and with none for the majority's.
TEST(Multilingual, LargeMixedDocumentsScoreAsTheUnsplitPathDoes) {
  Models models;
  std::string doc;
  for (int i = 0; doc.size() < 300'000; ++i) {
    doc += kMixed;
    doc += i % 3 == 0 ? " Das Hotel war ausgezeichnet, aber das Essen war schrecklich. " : " ";
    doc += i % 7 == 0 ? "But honestly, the whole stay was terrible. " : "Great! ";
  }
  runtime::ThreadPool pool(1);
  double auto_scores[2] = {0, 0};
  for (const bool with_german : {false, true}) {
    for (const char* language : {"auto", "de"}) {
      SCOPED_TRACE(std::string(with_german ? "with" : "without") + " German, " + language);
      const runtime::LanguageRequest request =
          std::string_view(language) == "auto"
              ? runtime::LanguageRequest::automatic_choice()
              : runtime::LanguageRequest::explicit_language(language);
      runtime::DocumentPipeline unsplit;
      unsplit.settings().min_bytes = SIZE_MAX;
      runtime::LanguageOutcome outcome;
      const sentiment::DocumentSentiment expected =
          runtime::score_document(unsplit, doc, request, models.source(with_german), nullptr,
                                  runtime::SentimentOutput::kDocument, {}, outcome);
      const runtime::LanguageOutcome expected_outcome = outcome;
      if (std::string_view(language) == "auto") auto_scores[with_german] = expected.score;
      for (runtime::ThreadPool* p : {static_cast<runtime::ThreadPool*>(nullptr), &pool}) {
        runtime::DocumentPipeline split(p);
        split.settings().min_bytes = 0;
        split.settings().chunk_bytes = 20'000;
        const sentiment::DocumentSentiment got =
            runtime::score_document(split, doc, request, models.source(with_german), nullptr,
                                    runtime::SentimentOutput::kDocument, {}, outcome);
        EXPECT_GT(split.last_chunk_count(), 1u);
        EXPECT_EQ(got.score, expected.score);
        EXPECT_EQ(got.label, expected.label);
        EXPECT_EQ(got.positive, expected.positive);
        EXPECT_EQ(got.negative, expected.negative);
        EXPECT_EQ(got.sentences, expected.sentences);
        EXPECT_EQ(got.tokens, expected.tokens);
        EXPECT_EQ(got.analysed, expected.analysed);
        EXPECT_EQ(outcome.analysed, expected_outcome.analysed);
        EXPECT_EQ(outcome.language, expected_outcome.language);
      }
    }
  }
  // The German sentences were found and scored (negative) only with a
  // German lexicon: the comparison above covered the mixed path.
  EXPECT_LT(auto_scores[1], auto_scores[0]);
}

// A foreign lexicon that fails to load fails only the documents that need
// it, as loading it when needed would.
TEST(Multilingual, ABrokenForeignLexiconFailsOnlyDocumentsThatNeedIt) {
  Models models;
  runtime::ModelSource source = models.source(true);
  source.lexicon = [](lang::Code code, void* self) -> const sentiment::Lexicon* {
    if (code.view() == "de")
      throw ModelError(ModelError::kDamaged, "sentiment_de.model: damaged (test)");
    return static_cast<Models*>(self)->en.get();
  };
  runtime::DocumentPipeline pipeline;
  pipeline.settings().min_bytes = 0;
  runtime::LanguageOutcome outcome;
  std::string english, mixed;
  while (english.size() < 100'000) english += "The room was lovely and the staff were kind. ";
  while (mixed.size() < 100'000) mixed += kMixed;
  EXPECT_NO_THROW(
      runtime::score_document(pipeline, english, runtime::LanguageRequest::automatic_choice(),
                              source, nullptr, runtime::SentimentOutput::kDocument, {}, outcome));
  EXPECT_THROW(
      runtime::score_document(pipeline, mixed, runtime::LanguageRequest::automatic_choice(), source,
                              nullptr, runtime::SentimentOutput::kDocument, {}, outcome),
      ModelError);
  // As the unsplit path does.
  pipeline.settings().min_bytes = SIZE_MAX;
  EXPECT_THROW(
      runtime::score_document(pipeline, mixed, runtime::LanguageRequest::automatic_choice(), source,
                              nullptr, runtime::SentimentOutput::kDocument, {}, outcome),
      ModelError);
}

TEST(Multilingual, SegmentationUsesTheDetectedLanguage) {
  runtime::DocumentPipeline pipeline;
  runtime::LanguageOutcome outcome;
  runtime::segment_document(pipeline, "Je pense qu'il viendra avec l'ami de Marie demain.",
                            runtime::LanguageRequest::automatic_choice(), {}, outcome);
  EXPECT_EQ(outcome.language.view(), "fr");
  std::vector<std::string> tokens;
  for (const segment::Token& t : pipeline.segmentation().tokens)
    tokens.emplace_back(t.span.text("Je pense qu'il viendra avec l'ami de Marie demain."));
  EXPECT_EQ(tokens[2], "qu'");
  EXPECT_EQ(tokens[6], "l'");
}

}  // namespace
}  // namespace textsense
