// textsense::langid::Detector: one ordinary sentence in each of the eleven
// main languages, the script rules (Hangul, kana, Han, Thai, Greek, Hebrew,
// Arabic vs Persian, Cyrillic narrowed by its letters, Devanagari), the
// short-text layer on a few words, what must come out empty (empty text,
// digits, punctuation, emoji, URLs and mentions only, ill-formed UTF-8),
// detect_all() on a mixed document, a 10 MB text, concurrent use, and
// choose() (detect() without CLD2 where the script decides) against
// detect(). Every sentence here was written for this test.
#include <gtest/gtest.h>

#include <algorithm>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/langid/detection_sample.h"
#include "core/langid/language_detector.h"
#include "core/common/utf8.h"
#include "test_util.h"

namespace textsense::langid {
namespace {

const Detector& detector() {
  static const Detector d;
  return d;
}

std::string lang(std::string_view text) { return detector().detect(text).lang; }

void expect_empty(std::string_view text) {
  const Guess g = detector().detect(text);
  EXPECT_EQ(g.lang, "") << text;
  EXPECT_EQ(g.confidence, 0) << text;
  EXPECT_FALSE(g.reliable) << text;
}

TEST(LanguageDetector, ElevenLanguagesOnOrdinarySentences) {
  const std::pair<const char*, const char*> cases[] = {
      {"en", "The weather was cold, so we stayed at home and read books all afternoon."},
      {"de", "Gestern sind wir mit dem Zug nach Hamburg gefahren, weil das Auto kaputt war."},
      {"es", "Mañana vamos a visitar a mis abuelos, que viven en un pueblo cerca de la costa."},
      {"fr", "Nous avons mangé dans un petit restaurant où le service était très agréable."},
      {"it", "Domani andiamo al mare con i bambini, se il tempo lo permette."},
      {"pt", "Não consegui dormir porque os vizinhos fizeram muito barulho durante a noite."},
      {"nl", "We hebben gisteren een lange wandeling gemaakt door het bos bij ons huis."},
      {"ru", "Вчера мы долго гуляли по парку, а потом пили чай у друзей."},
      {"ar", "ذهبنا أمس إلى السوق واشترينا الكثير من الفواكه والخضروات الطازجة."},
      {"zh", "我们昨天去了公园，天气很好，孩子们玩得非常开心。"},
      {"ja", "昨日は友達と一緒に公園を散歩して、とても楽しかったです。"},
  };
  for (const auto& [want, text] : cases) {
    const Guess g = detector().detect(text);
    EXPECT_EQ(g.lang, want) << text;
    EXPECT_TRUE(g.reliable) << text;
    EXPECT_GT(g.confidence, 0.5) << text;
    EXPECT_LE(g.confidence, 1.0) << text;
  }
}

TEST(LanguageDetector, ShortGermanSentenceIsReliable) {
  const Guess g = detector().detect("Das Essen war ausgezeichnet.");
  EXPECT_EQ(g.lang, "de");
  EXPECT_TRUE(g.reliable);
}

TEST(LanguageDetector, ShortSentencesGoToTheMainLanguages) {
  EXPECT_EQ(lang("The food was great."), "en");
  EXPECT_EQ(lang("I love it"), "en");
  EXPECT_EQ(lang("O presidente"), "pt");  // CLD2 alone: Indonesian
  EXPECT_EQ(lang("De man"), "nl");        // CLD2 alone: English
  EXPECT_EQ(lang("La città"), "it");
  EXPECT_EQ(lang("El gobierno"), "es");
  EXPECT_EQ(lang("Les enfants"), "fr");
  EXPECT_EQ(lang("Der Hund"), "de");
  EXPECT_EQ(lang("Não sei"), "pt");
  EXPECT_EQ(lang("¿Dónde está?"), "es");
  EXPECT_EQ(lang("Het is"), "nl");
  EXPECT_EQ(lang("C'est la vie"), "fr");
  EXPECT_EQ(lang("Non è vero"), "it");
}

TEST(LanguageDetector, ScriptDecides) {
  EXPECT_EQ(lang("안녕하세요"), "ko");
  EXPECT_EQ(lang("ありがとう"), "ja");
  EXPECT_EQ(lang("東京へ行きます"), "ja");  // kanji plus kana
  EXPECT_EQ(lang("中国"), "zh");
  EXPECT_EQ(lang("這是繁體中文"), "zh");  // traditional script is "zh" too
  EXPECT_EQ(lang("駅"), "ja");            // a Japanese-only form (Chinese: 驿 / 驛)
  EXPECT_EQ(lang("สวัสดีครับ"), "th");
  EXPECT_EQ(lang("Καλημέρα"), "el");
  EXPECT_EQ(lang("שלום"), "he");  // CLD2 says "iw"
  EXPECT_EQ(lang("مرحبا"), "ar");
  EXPECT_EQ(lang("Привет"), "ru");
  EXPECT_EQ(lang("नमस्ते दोस्त"), "hi");
  // A decisive script is reliable even on one word.
  EXPECT_TRUE(detector().detect("안녕하세요").reliable);
  EXPECT_TRUE(detector().detect("ありがとう").reliable);
}

TEST(LanguageDetector, CyrillicIsNarrowedByItsLetters) {
  EXPECT_EQ(lang("Дякую, друже, що ти прийшов і приніс їжу"), "uk");  // і, ї
  EXPECT_EQ(lang("Їжак"), "uk");
  EXPECT_EQ(lang("Дзякуй, сябар, ўсё добра"), "be");  // ў
  EXPECT_EQ(lang("Ђаци иду у школу"), "sr");          // ђ
  EXPECT_EQ(lang("Мы были дома"), "ru");              // ы
  EXPECT_EQ(lang("Кот"), "ru");                       // nothing else said: Russian
}

TEST(LanguageDetector, ArabicScriptIsArabicUnlessClearlyPersianOrUrdu) {
  EXPECT_EQ(lang("كتاب"), "ar");
  EXPECT_EQ(lang("من امروز به دانشگاه رفتم و با دوستانم چای خوردیم، هوا خیلی سرد بود."), "fa");
}

TEST(LanguageDetector, OtherLatinLanguagesSurviveWhenTheTextSaysSo) {
  EXPECT_EQ(lang("Dziękuję bardzo, to był naprawdę piękny dzień w górach."), "pl");
  EXPECT_EQ(lang("Jag tycker om att läsa böcker på kvällen när det är mörkt ute."), "sv");
  EXPECT_EQ(lang("Bugün hava çok güzel, parkta uzun bir yürüyüş yaptık."), "tr");
}

TEST(LanguageDetector, NothingToSay) {
  expect_empty("");
  expect_empty("   \n\t ");
  expect_empty("12345 678,90");
  expect_empty("!!! ??? ... --- ***");
  expect_empty("😀😂👍🏽❤️");
  expect_empty("https://example.com/some/path?x=1 www.example.org");
  expect_empty("@someone @other_user");
  expect_empty("someone@example.com");
}

TEST(LanguageDetector, IllFormedUtf8IsEmptyNotACrash) {
  const std::string cases[] = {
      std::string("hello \xff world, this is English"),
      std::string("\xc3"),                          // truncated sequence
      std::string("\xe0\x80\xaf"),                  // overlong
      std::string("\xed\xa0\x80"),                  // surrogate
      std::string("Das ist gut \xf4\x90\x80\x80"),  // above U+10FFFF
  };
  for (const std::string& text : cases) {
    expect_empty(text);
    std::vector<Share> shares;
    detector().detect_all(text, shares);
    EXPECT_TRUE(shares.empty());
  }
}

TEST(LanguageDetector, ControlsAndNoncharactersDoNotBlindCld2) {
  // CLD2 refuses text with C0/C1 controls or noncharacters outright; the
  // detector blanks them first.
  EXPECT_EQ(lang(std::string("The children\x01 were playing in the garden all day.")), "en");
  EXPECT_EQ(lang("Die Kinder spielten \xC2\x85 den ganzen Tag im Garten.\xEF\xBF\xBE"), "de");
  EXPECT_EQ(lang(std::string("Le chat dort\0 sur le canapé du salon.", 39)), "fr");
}

TEST(LanguageDetector, UrlsAndMentionsDoNotVote) {
  EXPECT_EQ(lang("@user_one @user_two Das Wetter ist heute wirklich schön https://t.co/abc123"),
            "de");
  EXPECT_EQ(lang("RT @someone: Que dia lindo hoje, vamos à praia! #verão"), "pt");
}

TEST(LanguageDetector, DetectAllOnAMixedDocument) {
  const std::string doc =
      "The meeting was moved to Thursday because half of the team was travelling. We will "
      "discuss the budget, the hiring plan and the new office first. Please send your notes "
      "before Wednesday evening so that everyone can read them in advance. "
      "Die Besprechung wurde auf Donnerstag verschoben, weil die Hälfte des Teams auf Reisen "
      "war. Wir besprechen zuerst das Budget, die Einstellungen und das neue Büro. Bitte "
      "schickt eure Notizen bis Mittwochabend, damit alle sie vorher lesen können.";
  std::vector<Share> shares;
  detector().detect_all(doc, shares);
  ASSERT_GE(shares.size(), 2u);
  std::vector<std::string> langs;
  double total = 0;
  for (const Share& s : shares) {
    langs.push_back(s.lang);
    EXPECT_GT(s.percent, 10.0) << s.lang;
    EXPECT_LE(s.percent, 100.0) << s.lang;
    total += s.percent;
  }
  EXPECT_LE(total, 100.0 + 1e-9);
  EXPECT_NE(std::find(langs.begin(), langs.end(), "en"), langs.end());
  EXPECT_NE(std::find(langs.begin(), langs.end(), "de"), langs.end());
  for (std::size_t i = 1; i < shares.size(); ++i)
    EXPECT_GE(shares[i - 1].percent, shares[i].percent);  // best first
}

TEST(LanguageDetector, DetectAllAgreesWithDetectOnOneLanguage) {
  std::vector<Share> shares;
  detector().detect_all("O presidente", shares);
  ASSERT_EQ(shares.size(), 1u);
  EXPECT_EQ(shares[0].lang, "pt");
  detector().detect_all("😀", shares);
  EXPECT_TRUE(shares.empty());
  detector().detect_all("Der Zug kommt heute leider etwas später an.", shares);
  ASSERT_FALSE(shares.empty());
  EXPECT_EQ(shares[0].lang, "de");
}

TEST(LanguageDetector, TenMegabytes) {
  const std::string unit =
      "Il treno per Milano parte alle otto e mezza, ma oggi è in ritardo di venti minuti. ";
  std::string big;
  big.reserve(10u << 20);
  while (big.size() < (10u << 20)) big += unit;
  const Guess g = detector().detect(big);
  EXPECT_EQ(g.lang, "it");
  EXPECT_TRUE(g.reliable);
  std::vector<Share> shares;
  detector().detect_all(big, shares);
  ASSERT_FALSE(shares.empty());
  EXPECT_EQ(shares[0].lang, "it");
}

// A long text is judged on a bounded sample that covers its beginning, its
// end and what lies between, cut at spaces, and stays well-formed UTF-8.
TEST(DetectionSample, BoundedSpreadAndWellFormed) {
  std::string scratch;
  const std::string short_text = "Short texts are read whole.";
  EXPECT_EQ(detection_sample(short_text, scratch).data(), short_text.data());

  std::string big = "Anfang ";
  while (big.size() < (8u << 20)) big += "Ça coûte 3 € — 世界は広い。 ";
  big += " Schluss";
  const std::string_view sample = detection_sample(big, scratch);
  EXPECT_LE(sample.size(), kDetectionSampleBytes + kDetectionSampleWindows);
  EXPECT_GT(sample.size(), kDetectionSampleBytes * 9 / 10);
  EXPECT_EQ(sample.substr(0, 7), "Anfang ");
  EXPECT_EQ(sample.substr(sample.size() - 8), " Schluss");
  EXPECT_EQ(utf8::find_invalid(sample), utf8::kValid);
  // Windows are joined at word edges: no word is cut in two.
  std::size_t windows = 1;
  for (std::size_t i = 0; i < sample.size(); ++i)
    if (sample[i] == '\n') {
      ++windows;
      EXPECT_TRUE(sample[i - 1] != ' ' && i + 1 < sample.size()) << i;
    }
  EXPECT_EQ(windows, kDetectionSampleWindows);

  // Text without spaces is cut at character boundaries.
  std::string han;
  while (han.size() < (1u << 20)) han += "好";
  EXPECT_EQ(utf8::find_invalid(detection_sample(han, scratch)), utf8::kValid);
}

// A document whose second half is in another language shows both.
TEST(LanguageDetector, LongDocumentChangingLanguageShowsBoth) {
  std::string doc;
  while (doc.size() < (4u << 20))
    doc += "The train to Milan leaves at half past eight, but today it is twenty minutes late. ";
  while (doc.size() < (8u << 20))
    doc += "Il treno per Milano parte alle otto e mezza, ma oggi è in ritardo di venti minuti. ";
  std::vector<Share> shares;
  detector().detect_all(doc, shares);
  ASSERT_GE(shares.size(), 2u);
  EXPECT_TRUE((shares[0].lang == "en" && shares[1].lang == "it") ||
              (shares[0].lang == "it" && shares[1].lang == "en"));
  EXPECT_TRUE(detector().detect(doc).others_possible);
}

TEST(LanguageDetector, ConcurrentUseGivesTheSameAnswers) {
  const std::vector<std::string> texts = {"The food was great.",
                                          "Das Essen war ausgezeichnet.",
                                          "La comida estaba buenísima.",
                                          "Le repas était excellent.",
                                          "Il cibo era ottimo.",
                                          "A comida estava ótima.",
                                          "Het eten was heerlijk.",
                                          "Еда была отличной.",
                                          "كان الطعام ممتازا.",
                                          "饭菜很好吃。",
                                          "料理はとても美味しかったです。"};
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(lang(t));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (std::size_t i = 0; i < texts.size(); ++i)
          if (detector().detect(texts[i]).lang != expected[i]) ++mismatches[t];
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
  EXPECT_EQ(expected, (std::vector<std::string>{"en", "de", "es", "fr", "it", "pt", "nl", "ru",
                                                "ar", "zh", "ja"}));
}

// choose() must give detect()'s language, reliability and mixing flags
// (it skips CLD2 only where script_decides_alone() says CLD2 cannot change
// them): compared field by field.
void expect_choose_agrees(std::string_view text) {
  const Guess full = detector().detect(text);
  const Guess chosen = detector().choose(text);
  ASSERT_EQ(chosen.lang, full.lang) << text;
  ASSERT_EQ(chosen.reliable, full.reliable) << text;
  ASSERT_EQ(chosen.single_language, full.single_language) << text;
  ASSERT_EQ(chosen.others_possible, full.others_possible) << text;
}

TEST(LanguageDetector, ChooseAgreesWithDetect) {
  for (
      std::string_view s :
      {"", "123", "\U0001F600", "The food was great.", "Das Essen war ausgezeichnet.",
       "\uC548\uB155\uD558\uC138\uC694", "\u3042\u308A\u304C\u3068\u3046",
       "\u6771\u4EAC\u3078\u884C\u304D\u307E\u3059", "\u4E2D\u56FD",
       "\u9019\u662F\u7E41\u9AD4\u4E2D\u6587", "\u99C5", "\u6642\u9593", "\u5E2B",
       "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35", "\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1",
       "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627",
       "\u0645\u0646 \u0627\u0645\u0631\u0648\u0632 \u0628\u0647 \u062F\u0627\u0646\u0634\u06AF\u0627\u0647 \u0631\u0641\u062A\u0645",
       "\u041F\u0440\u0438\u0432\u0435\u0442",
       "\u041C\u044B \u0431\u044B\u043B\u0438 \u0434\u043E\u043C\u0430", "\u0407\u0436\u0430\u043A",
       "\u0414\u0437\u044F\u043A\u0443\u0439, \u045E\u0441\u0451", "\u0402\u0430\u0446\u0438",
       "\u049A\u0430\u0437\u0430\u049B\u0441\u0442\u0430\u043D \u044B", "\u041A\u043E\u0442",
       // Cyrillic without Russian's own letters: long enough to be reliable
       // without CLD2, and Bulgarian-like with hard signs (CLD2 decides).
       "\u041F\u0440\u0438\u0432\u0435\u0442, \u043A\u0430\u043A \u0434\u0435\u043B\u0430",
       "\u0414\u043D\u0435\u0441 \u0435 \u0445\u0443\u0431\u0430\u0432 \u0434\u0435\u043D "
       "\u0438 \u043D\u0438\u0435 \u0441\u043C\u0435 \u0432 \u043F\u0430\u0440\u043A\u0430 "
       "\u0441 \u043F\u0440\u0438\u044F\u0442\u0435\u043B\u0438\u0442\u0435 \u0441\u0438, "
       "\u044A\u0433\u044A\u043B \u0441\u044A\u0441 \u0441\u043B\u044A\u043D\u0446\u0435",
       "\u0928\u092E\u0938\u094D\u0924\u0947", "\u0540\u0561\u0575\u0561\u057D\u057F\u0561\u0576",
       "I love \u6771\u4EAC and \u5927\u962A"})
    expect_choose_agrees(s);
}

TEST(LanguageDetector, ChooseAgreesWithDetectOnTheDevSets) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data not found: dev-set comparison skipped";
  std::vector<std::string> texts;
  for (const char* ud : {"ru_taiga/ru_taiga-ud-dev.conllu", "ru_gsd/ru_gsd-ud-dev.conllu",
                         "ja_gsd/ja_gsd-ud-dev.conllu", "zh_gsdsimp/zh_gsdsimp-ud-dev.conllu",
                         "de_gsd/de_gsd-ud-dev.conllu", "en_ewt/en_ewt-ud-dev.conllu"}) {
    std::istringstream lines(testing::read_data_file(data + "/ud/" + ud));
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("# text = ", 0) == 0) texts.push_back(line.substr(9));
  }
  for (const char* xed : {"ar", "cn", "ja", "ru", "de", "es"}) {
    std::istringstream lines(
        testing::read_data_file(data + "/sentiment_dev/xed_dev/" + xed + "-projections.tsv"));
    for (std::string line; std::getline(lines, line);)
      texts.push_back(line.substr(0, line.find('\t')));
  }
  std::istringstream arabic(
      testing::read_data_file(data + "/sentiment_dev/tweets_multilingual/arabic/val_text.txt"));
  for (std::string line; std::getline(arabic, line);) texts.push_back(line);
  ASSERT_GT(texts.size(), 10000u);
  for (const std::string& t : texts) {
    if (utf8::find_invalid(t) != utf8::kValid) continue;
    expect_choose_agrees(t);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace textsense::langid
