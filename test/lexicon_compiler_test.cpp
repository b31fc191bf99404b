// The sentiment lexicon compiler (src/train/lexicon_compiler.h): on a small
// synthetic data directory written by the test (calibration factors known
// exactly, roles, overrides, determinism, rules-file errors with file:line),
// and on ../shared/data when it exists (sane calibration, determinism).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

#include "core/common/errors.h"
#include "core/sentiment/lexicon.h"
#include "core/sentiment/stemmer.h"
#include "test_util.h"
#include "train/lexicon_compiler.h"

namespace textsense::train {
namespace {

using sentiment::Lexicon;
using sentiment::LexiconEntry;
using sentiment::term_key;

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

const LexiconReport::Source& source(const LexiconReport& report, std::string_view name) {
  for (const auto& s : report.sources)
    if (s.name == name) return s;
  ADD_FAILURE() << "no source " << name;
  static const LexiconReport::Source none;
  return none;
}

// A data directory laid out like ../shared/data. 24 words rated by VADER
// with y in +-{0.5, 1, 1.5, 2}; AFINN rates them 2y, Pattern y/4 and the
// Emoji Sentiment Ranking (its smoothed score) y/2, so the least-squares
// factors onto VADER's scale are exactly 0.5, 4 and 2.
class SyntheticData {
 public:
  SyntheticData() {
    root_ = ::testing::TempDir() + "/textsense_lexicon_data_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (const char* dir : {"", "/vader", "/lexicons", "/lexicons/afinn", "/lexicons/pattern",
                            "/lexicons/emoji_sentiment_ranking"})
      ::mkdir((root_ + dir).c_str(), 0755);
    const double values[] = {0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2};
    std::string vader, afinn, pattern = "<sentiment>\n",
                              ranking =
                                  "Emoji,Unicode codepoint,Occurrences,Position,Negative,Neutral,"
                                  "Positive,Unicode name,Unicode block\n";
    for (int i = 0; i < 24; ++i) {
      const std::string word = word_of(i);
      const double y = values[i % 8];
      char line[256];
      std::snprintf(line, sizeof line, "%s\t%g\t0.4\t[1, 1, 1]\n", word.c_str(), y);
      vader += line;
      std::snprintf(line, sizeof line, "%s\t%d\n", word.c_str(), static_cast<int>(2 * y));
      afinn += line;
      std::snprintf(line, sizeof line,
                    "<word form=\"%s\" pos=\"JJ\" sense=\"\" polarity=\"%g\" "
                    "subjectivity=\"1.0\" intensity=\"1.0\" confidence=\"0.9\" />\n",
                    word.c_str(), y / 4);
      pattern += line;
      // (positive - negative) / (occurrences + 3) = y / 2 with 97 occurrences
      const int positive = y > 0 ? static_cast<int>(50 * y) : 0;
      const int negative = y < 0 ? static_cast<int>(-50 * y) : 0;
      std::snprintf(line, sizeof line, "%s,0x0,97,0.5,%d,%d,%d,NAME,BLOCK\n", word.c_str(),
                    negative, 97 - positive - negative, positive);
      ranking += line;
    }
    vader += "lovely\t2.8\t0.4\t[1, 1, 1]\n";
    afinn += "zulu\t4\n";  // only AFINN: calibrated, 4 * 0.5
    pattern += "</sentiment>\n";
    write_file(root_ + "/README.md", "synthetic\n");
    write_file(root_ + "/vader/vader_lexicon.txt", vader);
    write_file(root_ + "/vader/emoji_utf8_lexicon.txt",
               "\xF0\x9F\x98\x8D\tlovely\n");  // 😍: VADER scores its description
    write_file(root_ + "/lexicons/afinn/AFINN-en-165.txt", afinn);
    write_file(root_ + "/lexicons/afinn/AFINN-emoticon-8.txt", ":)\t2\n");
    write_file(root_ + "/lexicons/pattern/en-sentiment.xml", pattern);
    write_file(root_ + "/lexicons/emoji_sentiment_ranking/Emoji_Sentiment_Data_v1.0.csv", ranking);
  }

  static std::string word_of(int i) {
    return std::string("term") + static_cast<char>('a' + i / 26) + static_cast<char>('a' + i % 26);
  }

  const std::string& dir() const { return root_; }

  // Writes a rules file and returns its path.
  std::string rules(const std::string& name, const std::string& text) const {
    const std::string path = root_ + "/" + name;
    write_file(path, text);
    return path;
  }

 private:
  std::string root_;
};

const char* const kSyntheticRules =
    "# roles and overrides\n"
    "negator\tnope\n"
    "\n"
    "booster\tvery\t0.3\n"
    "contrast\tbut\n"
    "valence\ttermaa\t-3\n"    // VADER says +0.5: the rule wins
    "neutral\ttermab\n"        // VADER says -0.5: dropped
    "valence\tgood deal\t2\n"  // a phrase
    "valence\tnope nope nope\t-1\n";

TEST(LexiconCompiler, SyntheticDataCalibratesExactly) {
  const SyntheticData data;
  LexiconReport report;
  const auto contents =
      compile_lexicon({data.dir(), data.rules("rules.tsv", kSyntheticRules)}, report);
  EXPECT_NEAR(source(report, "afinn").scale, 0.5, 1e-9);
  EXPECT_NEAR(source(report, "pattern").scale, 4.0, 1e-9);
  EXPECT_NEAR(source(report, "emoji_sentiment_ranking").scale, 2.0, 1e-9);
  EXPECT_EQ(source(report, "afinn").overlap, 24u);
  EXPECT_EQ(source(report, "pattern").overlap, 24u);
  EXPECT_EQ(source(report, "emoji_sentiment_ranking").overlap, 24u);
  EXPECT_EQ(report.terms, contents.terms.size());
  EXPECT_EQ(report.phrases, 2u);
  ASSERT_FALSE(contents.sources.empty());
  EXPECT_EQ(contents.language, "en");
}

TEST(LexiconCompiler, SyntheticDataRolesAndOverrides) {
  const SyntheticData data;
  LexiconReport report;
  const auto lexicon = Lexicon::from_bytes(sentiment::serialize(
      compile_lexicon({data.dir(), data.rules("rules.tsv", kSyntheticRules)}, report)));
  auto find = [&](std::string_view t) { return lexicon->find(term_key(t)); };

  const LexiconEntry* nope = find("nope");
  ASSERT_NE(nope, nullptr);
  EXPECT_TRUE(nope->flags & sentiment::kNegator);
  EXPECT_TRUE(nope->flags & sentiment::kPhraseStart);
  const LexiconEntry* very = find("very");
  ASSERT_NE(very, nullptr);
  EXPECT_TRUE(very->flags & sentiment::kBooster);
  EXPECT_FLOAT_EQ(very->boost, 0.3f);
  ASSERT_NE(find("but"), nullptr);
  EXPECT_TRUE(find("but")->flags & sentiment::kContrastBefore);

  const LexiconEntry* overridden = find("termaa");
  ASSERT_NE(overridden, nullptr);
  EXPECT_FLOAT_EQ(overridden->valence, -3.0f);
  EXPECT_EQ(lexicon->source_name(overridden->source), "textsense_rules");
  EXPECT_EQ(find("termab"), nullptr);          // neutral: no valence, no role, not stored
  const LexiconEntry* vader = find("termac");  // VADER +1, every other source agrees
  ASSERT_NE(vader, nullptr);
  EXPECT_TRUE(vader->flags & sentiment::kHasValence);
  EXPECT_GT(vader->valence, 0);
  // "vader", or a blend named after it ("vader+afinn").
  EXPECT_EQ(lexicon->source_name(vader->source).substr(0, 5), "vader");
  const LexiconEntry* negative = find("termad");  // VADER -1
  ASSERT_NE(negative, nullptr);
  EXPECT_LT(negative->valence, 0);
  const LexiconEntry* afinn_only = find("zulu");
  ASSERT_NE(afinn_only, nullptr);
  EXPECT_NEAR(afinn_only->valence, 2.0, 1e-5);  // 4 on AFINN's scale, times 0.5
  EXPECT_EQ(lexicon->source_name(afinn_only->source), "afinn");
  const LexiconEntry* emoji = find("\xF0\x9F\x98\x8D");
  ASSERT_NE(emoji, nullptr);
  EXPECT_TRUE(emoji->flags & sentiment::kEmoji);
  EXPECT_GT(emoji->valence, 0);
  const LexiconEntry* smiley = find(":)");
  ASSERT_NE(smiley, nullptr);
  EXPECT_TRUE(smiley->flags & sentiment::kEmoji);
  EXPECT_GT(smiley->valence, 0);

  const LexiconEntry* good = find("good");
  ASSERT_NE(good, nullptr);
  EXPECT_TRUE(good->flags & sentiment::kPhraseStart);
  EXPECT_FALSE(good->flags & sentiment::kHasValence);
  EXPECT_EQ(good->max_phrase_tokens, 2);
  const LexiconEntry* deal =
      lexicon->find(sentiment::phrase_key(term_key("good"), term_key("deal")));
  ASSERT_NE(deal, nullptr);
  EXPECT_TRUE(deal->flags & sentiment::kIdiom);
  EXPECT_FLOAT_EQ(deal->valence, 2.0f);
  EXPECT_EQ(nope->max_phrase_tokens, 3);
}

TEST(LexiconCompiler, SyntheticDataIsDeterministic) {
  const SyntheticData data;
  const LexiconSources sources{data.dir(), data.rules("rules.tsv", kSyntheticRules)};
  LexiconReport a, b;
  const std::string first = sentiment::serialize(compile_lexicon(sources, a));
  const std::string second = sentiment::serialize(compile_lexicon(sources, b));
  EXPECT_EQ(first, second);
  EXPECT_EQ(a.terms, b.terms);
}

// The message of what compile_lexicon throws, or "" if it does not.
std::string error_of(const LexiconSources& sources) {
  try {
    LexiconReport report;
    compile_lexicon(sources, report);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(LexiconCompiler, RulesErrorsNameFileAndLine) {
  const SyntheticData data;
  struct Case {
    const char* rules;
    const char* line;     // the line the message must name
    const char* message;  // and a piece of its text
  };
  const Case cases[] = {
      {"# comment\n\nfrobnicate\tgood\n", ":3", "unknown role \"frobnicate\""},
      {"negator\tnot\nbooster\tvery\n", ":2", "booster needs a value"},
      {"valence\tgood\n", ":1", "valence needs a value"},
      {"negator\tnot\n\n# x\nvalence\tgood\tgreat\n", ":4", "\"great\" is not a number"},
      {"booster\tvery\t0.3x\n", ":1", "is not a number"},
      {"valence\tgood\tnan\n", ":1", "is not a number"},
      {"negator\n", ":1", "expected ROLE<TAB>TERM"},
      {"negator\tnot\nvalence\ta b c d e f g\t1\n", ":2", "too many tokens"},
      {"negator\tnot\r\nNEGATOR\tno\r\n", ":2", "unknown role \"NEGATOR\""},
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string path = data.rules("bad" + std::to_string(n++) + ".tsv", c.rules);
    const std::string message = error_of({data.dir(), path});
    EXPECT_NE(message.find(path + c.line), std::string::npos) << "rules:\n"
                                                              << c.rules << "message: " << message;
    EXPECT_NE(message.find(c.message), std::string::npos) << "rules:\n"
                                                          << c.rules << "message: " << message;
  }
  const std::string missing = data.dir() + "/no_such_rules.tsv";
  EXPECT_NE(error_of({data.dir(), missing}).find(missing), std::string::npos);
  const std::string empty = data.rules("empty.tsv", "");
  EXPECT_EQ(error_of({data.dir(), empty}), "");  // no rules at all is fine
}

TEST(LexiconCompiler, MissingDataNamesTheFile) {
  const SyntheticData data;
  const std::string rules = data.rules("rules.tsv", kSyntheticRules);
  const std::string message = error_of({data.dir() + "/nowhere", rules});
  EXPECT_NE(message.find("/nowhere/"), std::string::npos) << message;
}

TEST(LexiconCompiler, TooLittleOverlapToCalibrateIsAnError) {
  const SyntheticData data;
  write_file(data.dir() + "/lexicons/pattern/en-sentiment.xml",
             "<word form=\"termaa\" polarity=\"0.1\" subjectivity=\"1.0\" />\n");
  const std::string message = error_of({data.dir(), data.rules("rules.tsv", kSyntheticRules)});
  EXPECT_NE(message.find("pattern"), std::string::npos) << message;
}

// --- the real sources in ../shared/data ---

TEST(LexiconCompiler, SharedDataCalibrationAndDeterminism) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data is absent: lexicon compiler check skipped";
  const LexiconSources sources{data, std::string(TEXTSENSE_SOURCE_DIR) + "/lexicon/en_rules.tsv"};
  LexiconReport report;
  const std::string first = sentiment::serialize(compile_lexicon(sources, report));
  const auto lexicon = Lexicon::from_bytes(first);
  EXPECT_GT(report.terms, 8000u);
  EXPECT_GT(report.phrases, 100u);
  EXPECT_EQ(lexicon->entry_count(), report.terms);

  // Each source's factor onto VADER's -4..+4: AFINN (-5..+5) a little
  // under 1, Pattern (-1..+1) and the ranking (about -1..+1) a few units.
  struct Expected {
    const char* name;
    double low, high;
    std::size_t min_overlap;
  };
  for (const Expected& e : {Expected{"afinn", 0.4, 1.2, 1000}, Expected{"pattern", 1.5, 8, 200},
                            Expected{"emoji_sentiment_ranking", 1, 12, 50}}) {
    const LexiconReport::Source& s = source(report, e.name);
    EXPECT_GT(s.scale, 0) << e.name;
    EXPECT_GE(s.scale, e.low) << e.name;
    EXPECT_LE(s.scale, e.high) << e.name;
    EXPECT_GE(s.overlap, e.min_overlap) << e.name;
    EXPECT_GT(s.used, 0u) << e.name;
    std::printf("%-24s scale %.4f  overlap %zu  read %zu  used %zu\n", e.name, s.scale, s.overlap,
                s.read, s.used);
  }
  EXPECT_EQ(source(report, "vader").scale, 1.0);
  // VADER (alone or blended with AFINN) gives most words their valence.
  std::size_t from_vader = 0;
  for (const auto& s : report.sources)
    if (s.name.compare(0, 5, "vader") == 0 && s.name != "vader_emoji") from_vader += s.used;
  EXPECT_GT(from_vader, 5000u);

  LexiconReport again;
  EXPECT_EQ(sentiment::serialize(compile_lexicon(sources, again)), first)
      << "two compilations of the same sources differ";

  // Informational: whether models/sentiment_en.model is what these sources
  // compile to (it may lag while the rules are being edited).
  std::ifstream shipped(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model",
                        std::ios::binary);
  const std::string model((std::istreambuf_iterator<char>(shipped)),
                          std::istreambuf_iterator<char>());
  std::printf("models/sentiment_en.model %s the compiled sources (%zu terms, %zu bytes)\n",
              model == first ? "matches" : "DIFFERS FROM", report.terms, first.size());
}

}  // namespace
}  // namespace textsense::train

namespace textsense::train {
namespace {

// Another language's pack on synthetic data: the translated AFINN list,
// OpeNER, stems, pack weights, the source table, and Chinese in both scripts.
class SyntheticLanguageData : public SyntheticData {
 public:
  SyntheticLanguageData() {
    for (const char* d :
         {"/lexicons/multilang_afinn", "/lexicons/opener_hotel", "/lexicons/opener_hotel/es"})
      ::mkdir((dir() + d).c_str(), 0755);
    // The ranking's emoji (here the synthetic words) need VADER emoji values
    // to be calibrated against: each "emoji" described by itself.
    std::string emoji;
    for (int i = 0; i < 24; ++i) emoji += word_of(i) + "\t" + word_of(i) + "\n";
    // Two real emoji: 💔, which VADER's description words make positive
    // and the ranking negative, and 🙂, which only VADER has.
    emoji += "\xF0\x9F\x92\x94\tlovely\n\xF0\x9F\x99\x82\tlovely\n";
    write_file(dir() + "/vader/emoji_utf8_lexicon.txt", emoji);
    std::ofstream(dir() + "/lexicons/emoji_sentiment_ranking/Emoji_Sentiment_Data_v1.0.csv",
                  std::ios::binary | std::ios::app)
        << "\xF0\x9F\x92\x94,0x1f494,97,0.5,60,27,10,BROKEN HEART,BLOCK\n";
    write_file(dir() + "/lexicons/multilang_afinn/AFINN-es.json",
               "{\"bueno\": 3, \"malo\": -3, \"horrible\": -3, \"general\": 2, "
               "\"cariño\": 2, \"cariñoso\": -2, \"muy bien\": 3, \"love\": 3}");
    write_file(dir() + "/lexicons/opener_hotel/es/expressions.csv",
               "\"exp#pol\";\"ratio\";\"RelatFreq\"\n"
               "\"fantástico#strongpositive\";\"1\";\"8\"\n"
               "\"sucio#negative\";\"0\";\"3\"\n");  // ratio 0: dropped
    write_file(dir() + "/lexicons/multilang_afinn/AFINN-zh.json",
               "{\"谢谢\": 2, \"垃圾\": -3, \"love\": 3}");
  }
};

const LexiconEntry* find(const sentiment::LexiconContents& c, std::uint64_t key) {
  for (const auto& t : c.terms)
    if (t.key == key) return &t.entry;
  return nullptr;
}

std::uint64_t stem_key_of(const char* algorithm, std::string_view word) {
  sentiment::Stemmer stemmer(algorithm);
  return sentiment::stem_key(term_key(stemmer.stem(word)));
}

TEST(LexiconCompiler, AnotherLanguageHasStemsWeightsAndItsOwnSources) {
  const SyntheticLanguageData data;
  LexiconReport report;
  LexiconSources sources{data.dir(),
                         data.rules("es.tsv",
                                    "negator\tno\nneutral\tgeneral\n"
                                    "pack\tnegative_weight\t2\n"),
                         "es"};
  const auto c = compile_lexicon(sources, report);
  EXPECT_EQ(c.language, "es");
  EXPECT_EQ(c.stemmer, "spanish");
  EXPECT_FLOAT_EQ(c.negative_weight, 2.0f);  // the rules file's
  EXPECT_FLOAT_EQ(c.stem_weight, 0.5f);      // the default
  // AFINN's factor is the English one (VADER 2y vs AFINN y here: 0.5).
  ASSERT_NE(find(c, term_key("bueno")), nullptr);
  EXPECT_NEAR(find(c, term_key("bueno"))->valence, 1.5, 1e-6);
  // Stems: "buenas" reaches "bueno"; "cariño"/"cariñoso" disagree in sign:
  // no stem; a neutral word blocks its stem and is itself kept, valueless.
  EXPECT_NE(find(c, stem_key_of("spanish", "buenas")), nullptr);
  EXPECT_EQ(find(c, stem_key_of("spanish", "cariños")), nullptr);
  ASSERT_NE(find(c, term_key("general")), nullptr);
  EXPECT_FALSE(find(c, term_key("general"))->flags & sentiment::kHasValence);
  EXPECT_EQ(find(c, stem_key_of("spanish", "generales")), nullptr);
  // OpeNER: kept when mostly of that polarity.
  EXPECT_NE(find(c, term_key("fantástico")), nullptr);
  EXPECT_EQ(find(c, term_key("sucio")), nullptr);
  // Emoji: the ranking (rated on tweets) before VADER's description words.
  const LexiconEntry* broken_heart = find(c, term_key("\xF0\x9F\x92\x94"));
  const LexiconEntry* smile = find(c, term_key("\xF0\x9F\x99\x82"));
  ASSERT_NE(broken_heart, nullptr);
  ASSERT_NE(smile, nullptr);
  EXPECT_LT(broken_heart->valence, 0);
  EXPECT_EQ(c.sources[broken_heart->source].first, "emoji_sentiment_ranking");
  EXPECT_NEAR(smile->valence, 2.8, 1e-6);
  EXPECT_EQ(c.sources[smile->source].first, "vader_emoji");
  // Only the sources used, the project's rules first.
  ASSERT_FALSE(c.sources.empty());
  EXPECT_EQ(c.sources[0].first, "textsense_rules");
  for (const auto& [name, licence] : c.sources) {
    EXPECT_NE(name, "vader");
    EXPECT_NE(name, "pattern");
  }
  // The image round-trips with its header fields.
  const auto lexicon = Lexicon::from_bytes(sentiment::serialize(c));
  EXPECT_EQ(lexicon->stemmer(), "spanish");
  EXPECT_DOUBLE_EQ(lexicon->negative_weight(), 2.0);
  EXPECT_DOUBLE_EQ(lexicon->stem_weight(), 0.5);
  // A pack naming a stemmer libstemmer does not have is damaged, not loaded.
  auto odd = c;
  odd.stemmer = "klingon";
  EXPECT_THROW(Lexicon::from_bytes(sentiment::serialize(odd)), ModelError);
}

TEST(LexiconCompiler, ChineseTermsInBothScripts) {
  const SyntheticLanguageData data;
  LexiconReport report;
  const auto c =
      compile_lexicon({data.dir(), data.rules("zh.tsv", "valence\t讨厌\t-2\n"), "zh"}, report);
  EXPECT_EQ(c.stemmer, "");
  ASSERT_NE(find(c, term_key("谢谢")), nullptr);
  ASSERT_NE(find(c, term_key("謝謝")), nullptr);  // traditional
  EXPECT_EQ(find(c, term_key("謝謝"))->valence, find(c, term_key("谢谢"))->valence);
  ASSERT_NE(find(c, term_key("討厭")), nullptr);  // a rule's term too
  EXPECT_FLOAT_EQ(find(c, term_key("討厭"))->valence, -2.0f * 1.0f);
  // English keys of a translated list in a non-Latin script are dropped.
  EXPECT_EQ(find(c, term_key("love")), nullptr);
}

// "pack negator_valence": every negator the rules give no valence of their
// own carries it (neutral only silences the open lexicons) and is marked a
// negation cue; a rules valence, 0 included, wins; without the setting,
// negators keep what they had.
TEST(LexiconCompiler, NegatorValenceMakesNegationCues) {
  const SyntheticLanguageData data;
  LexiconReport report;
  const std::string roles =
      "negator\tno\nnegator\tnunca\nneutral\tnunca\nnegator\tsin\nvalence\tsin\t0\n"
      "negator\tjamás\nvalence\tjamás\t-2\n";
  const auto c = compile_lexicon(
      {data.dir(), data.rules("es.tsv", roles + "pack\tnegator_valence\t-1.2\n"), "es"}, report);
  for (const char* cue : {"no", "nunca"}) {
    const LexiconEntry* e = find(c, term_key(cue));
    ASSERT_NE(e, nullptr) << cue;
    EXPECT_FLOAT_EQ(e->valence, -1.2f) << cue;
    EXPECT_EQ(e->flags & (sentiment::kNegator | sentiment::kHasValence | sentiment::kNegationCue),
              sentiment::kNegator | sentiment::kHasValence | sentiment::kNegationCue)
        << cue;
  }
  const LexiconEntry* sin = find(c, term_key("sin"));
  ASSERT_NE(sin, nullptr);
  EXPECT_TRUE(sin->flags & sentiment::kNegator);
  EXPECT_FALSE(sin->flags & (sentiment::kHasValence | sentiment::kNegationCue));
  const LexiconEntry* jamas = find(c, term_key("jamás"));
  ASSERT_NE(jamas, nullptr);
  EXPECT_FLOAT_EQ(jamas->valence, -2.0f);
  EXPECT_FALSE(jamas->flags & sentiment::kNegationCue);
  // Without the setting no negator is a cue.
  const auto plain = compile_lexicon({data.dir(), data.rules("es2.tsv", roles), "es"}, report);
  for (const auto& t : plain.terms) EXPECT_FALSE(t.entry.flags & sentiment::kNegationCue);
  ASSERT_NE(find(plain, term_key("nunca")), nullptr);
  EXPECT_FALSE(find(plain, term_key("nunca"))->flags & sentiment::kHasValence);
}

TEST(LexiconCompiler, AnotherLanguageRejectsBadPackSettings) {
  const SyntheticLanguageData data;
  LexiconReport report;
  for (const char* rules :
       {"pack\tnegative_weight\t0\n", "pack\tnegative_weight\t9\n", "pack\tcolour\t1\n",
        "pack\tstem_weight\n", "pack\tnegator_valence\t0\n", "pack\tnegator_valence\t1\n",
        "pack\tnegator_valence\t-5\n"})
    EXPECT_THROW(compile_lexicon({data.dir(), data.rules("bad.tsv", rules), "es"}, report),
                 std::runtime_error)
        << rules;
  EXPECT_THROW(compile_lexicon({data.dir(), data.rules("x.tsv", ""), "xx"}, report),
               std::runtime_error);
}

}  // namespace
}  // namespace textsense::train
