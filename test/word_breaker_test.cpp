// The ASCII fast path and the mixed path (ASCII stretches fast, the rest by
// ICU) must give exactly ICU's boundaries: checked on random strings over
// the characters that matter to the word-break rules, and on the text of a
// real treebank when ../shared/data is present.
#include "core/segment/word_breaker.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

#include "core/common/utf8.h"
#include "core/segment/cjk_dictionary.h"
#include "core/segment/segmenter.h"
#include "test_util.h"

namespace textsense {
namespace {

std::string describe(std::string_view doc, const std::vector<segment::ByteRange>& pieces) {
  std::ostringstream out;
  for (const segment::ByteRange& p : pieces)
    out << '[' << doc.substr(p.begin, p.end - p.begin) << ']';
  return out.str();
}

void expect_same_as_icu(segment::IcuWordBreaker& icu, std::string_view doc) {
  std::vector<segment::ByteRange> fast, slow;
  segment::split_words_ascii(doc, 0, static_cast<std::uint32_t>(doc.size()), fast);
  icu.split(doc, 0, static_cast<std::uint32_t>(doc.size()), slow);
  ASSERT_EQ(describe(doc, fast), describe(doc, slow)) << "input: \"" << doc << '"';
  // The fast path says exactly which pieces hold an apostrophe (the word
  // rules' hooks skip the others).
  for (const segment::ByteRange& p : fast)
    ASSERT_EQ(p.may_have_apostrophe,
              doc.substr(p.begin, p.end - p.begin).find('\'') != std::string_view::npos)
        << "piece \"" << doc.substr(p.begin, p.end - p.begin) << "\" of \"" << doc << '"';
}

TEST(AsciiWordBreaker, MatchesIcuOnHandPickedCases) {
  segment::IcuWordBreaker icu;
  // clang-format off
  for (std::string_view s :
       {"", " ", "a", "hello world", "don't", "U.S.", "3.14", "1,000,000", "a.b.c", "a..b",
        "1.a", "a.1", "a1.2", "1a.b", "foo_bar", "_", "__a", "a_1", "a:b", "a@b", "a@b.c",
        "x'y'z", "'quoted'", "e-mail", "a;b", "1;2", "1'2", "a'1", "tab\there", "line\r\nnext",
        "$5.99", "50%", "10:30", ":-)", "<3", "!!!", "...", "a--b", "C++", "C#", "#tag",
        "@user", "http://x.org/a?b=c&d=e", "\x01\x02", "a\x7f" "b", "  multiple   spaces  "})
    // clang-format on
    expect_same_as_icu(icu, s);
}

TEST(AsciiWordBreaker, MatchesIcuOnRandomStrings) {
  segment::IcuWordBreaker icu;
  // Every ASCII class of the word-break rules, weighted towards the tricky
  // ones (mid-word and mid-number punctuation).
  const std::string alphabet =
      "aaabbZZ0011__...'',,;;::@@##--  \t\n\r\"!?$%&()*+/<=>[]\\^`{|}~\x01\x7f";
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 24);
  for (int i = 0; i < 100000; ++i) {
    std::string s;
    for (int n = length(rng); n > 0; --n) s += alphabet[pick(rng)];
    expect_same_as_icu(icu, s);
    if (HasFatalFailure()) return;
  }
}

void expect_mixed_same_as_icu(segment::IcuWordBreaker& icu, std::string_view doc) {
  std::vector<segment::ByteRange> mixed, whole;
  icu.split_mixed(doc, 0, static_cast<std::uint32_t>(doc.size()), mixed);
  icu.split(doc, 0, static_cast<std::uint32_t>(doc.size()), whole);
  ASSERT_EQ(describe(doc, mixed), describe(doc, whole)) << "input: \"" << doc << '"';
}

TEST(MixedWordBreaker, MatchesIcuOnHandPickedCases) {
  segment::IcuWordBreaker icu;
  for (std::string_view s :
       {"the caf\u00e9 was great \U0001F60D",
        "cr\u00e8me br\u00fbl\u00e9e.",
        "a \u0301b",
        "x \u200D\U0001F525",
        "\u0301 start",
        "a\t\u0301b",
        "a\n\u0301b",
        "a \u00ADb",
        "\U0001F44D\U0001F3FD ok",
        "\U0001F1FA\U0001F1F8 \U0001F1EC\U0001F1E7",
        "\u4E2D\u6587 text \u65E5\u672C\u8A9E",
        "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22 thai",
        "don\u2019t stop",
        "a\u00A0b c",
        "\u05D0\"\u05D1 x",
        "Se\u00F1or Garc\u00EDa, hi",
        "1\u00A0000 2",
        "\u0085next \u2028line",
        "\u041E\u0442\u043B\u0438\u0447\u043D\u043E!",
        "\u0648\u0627\u0644\u062E\u062F\u0645\u0629 \u0661\u0662\u066B\u0663",
        "\u05E9\u05DC\u05D5\u05DD \u05E6\u05D4\"\u05DC",
        "\u0301\u0416 x",
        "\u0436\u0436.\u0436\u0436 \u0436\u0436. \u0436\u0436?! \u0436\u0436_ \u0436\u0436@",
        "\u05D0' \u05D0\" \u0627\u060C \u00E9t\u00E9, \u00E91 1\u00E9. \u0436:\u0436"})
    expect_mixed_same_as_icu(icu, s);
}

TEST(MixedWordBreaker, MatchesIcuOnRandomMixedStrings) {
  segment::IcuWordBreaker icu;
  // ASCII word-break classes, whitespace, and non-ASCII characters of every
  // class the rules treat specially: letters, combining marks, ZWJ, format
  // characters, emoji with modifiers, regional indicators, dictionary
  // scripts (Han, Thai), Hebrew, Katakana, non-ASCII spaces and newlines,
  // U+2019 (MidNumLet).
  const std::vector<std::string> alphabet = {
      "a", "b", "Z", "0", "1", "_", ".", "'", ",", ":", "@", "#", "-", "\"", "!", " ", " ", " ",
      "\t", "\n", "\r", "\u00e9", "\u0301", "\u200D", "\u00AD", "\uFE0F", "\U0001F60D",
      "\U0001F3FD", "\U0001F1FA", "\U0001F1F8", "\u4E2D", "\u6587", "\u0E20", "\u0E32", "\u05D0",
      "\u30A2", "\u00A0", "\u3000", "\u0085", "\u2028", "\u2019", "\u00F1", "\u0410",
      std::string(1, '\0'), "\x01", "\x1b", "\x7f", "\u0080", "\u009F",
      // Alphabets a whole stretch of which skips ICU (is_one_alphabetic_word),
      // and their word-joining punctuation, digits and marks.
      "\u0416", "\u044F", "\u0483", "\u0387", "\u03A9", "\u03AC", "\u0531", "\u0589", "\u05D0",
      "\u05F3", "\u05F4", "\u0627", "\u0644", "\u064B", "\u0640", "\u0660", "\u0669", "\u066B",
      "\u066C", "\u060C", "\u061F", "\u0670", "\u06D4", "\u0141", "\u01C5", "\u0250", "\u00D7",
      "\u00F7", "\u00AA"};
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 20);
  for (int i = 0; i < 100000; ++i) {
    std::string s;
    for (int n = length(rng); n > 0; --n) s += alphabet[pick(rng)];
    expect_mixed_same_as_icu(icu, s);
    if (HasFatalFailure()) return;
  }
}

// Chinese and Japanese runs go to CjkDictionary instead of ICU (through
// split_mixed); the words must be ICU's, whatever touches the runs.
TEST(CjkWordBreaker, IcusDictionaryIsReadHere) {
  // Debian's ICU has the word list in the layout read here; without it
  // the tests below would only compare ICU with itself.
  ASSERT_NE(segment::CjkDictionary::shared(), nullptr);
  const segment::CjkDictionary& d = *segment::CjkDictionary::shared();
  EXPECT_EQ(d.classify(U'\u6771'), segment::CjkDictionary::kRun);       // Han
  EXPECT_EQ(d.classify(U'\u306E'), segment::CjkDictionary::kRun);       // hiragana
  EXPECT_EQ(d.classify(U'\u30FC'), segment::CjkDictionary::kRun);       // prolonged sound mark
  EXPECT_EQ(d.classify(U'\U00020000'), segment::CjkDictionary::kRun);   // Han, plane 2
  EXPECT_EQ(d.classify(U'\uFF76'), segment::CjkDictionary::kBlocking);  // half-width: not NFKC
  EXPECT_EQ(d.classify(U'\uF900'), segment::CjkDictionary::kBlocking);  // compatibility ideograph
  EXPECT_EQ(d.classify(U'\u3099'), segment::CjkDictionary::kBlocking);  // combining voiced mark
  EXPECT_EQ(d.classify(U'_'), segment::CjkDictionary::kBlocking);       // joins katakana (WB13a)
  EXPECT_EQ(d.classify(U'\u0E01'), segment::CjkDictionary::kBlocking);  // Thai: another engine
  EXPECT_EQ(d.classify(U'\u3002'), segment::CjkDictionary::kOutside);   // 。
  EXPECT_EQ(d.classify(U'a'), segment::CjkDictionary::kOutside);
}

TEST(CjkWordBreaker, MayHoldRunSaysYesForEveryRunCharacterAndNoForEnglishPunctuation) {
  // The byte test decides whether a stretch is searched for runs at all
  // (and whether the dictionary is loaded): a run character it missed
  // would be split by ICU's catch-all instead.
  ASSERT_NE(segment::CjkDictionary::shared(), nullptr);
  const segment::CjkDictionary& d = *segment::CjkDictionary::shared();
  std::size_t runs = 0;
  for (char32_t c = 1; c < 0x110000; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || d.classify(c) != segment::CjkDictionary::kRun) continue;
    ++runs;
    ASSERT_TRUE(segment::CjkDictionary::may_hold_run("ab" + testing::utf8_of(c) + "cd"))
        << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
  EXPECT_GT(runs, 90000u);  // Han of planes 0 and 2, hiragana, katakana
  // The punctuation of English text and the emoji of tweets are not.
  for (std::string_view s : {"it\u2019s \u201Cok\u201D \u2013 fine\u2026", "\u2764\uFE0F",
                             "\U0001F600\U0001F44D\U0001F3FD", "\u00E9t\u00E9", "\u2E7F"})
    EXPECT_FALSE(segment::CjkDictionary::may_hold_run(s)) << s;
  for (std::string_view s : {"\u2E80", "\u3042", "\uF900", "\uFF76", "\U00020000", "\u6771"})
    EXPECT_TRUE(segment::CjkDictionary::may_hold_run(s)) << s;
}

TEST(CjkWordBreaker, SameWordsWhateverWasSegmentedBefore) {
  // ICU splits a run that starts with U+30FC otherwise the first time its
  // iterator meets one (word_breaker.cpp): a new breaker must not.
  const std::string text = "\u30FC\u6771\u4EAC\u90FD";  // ー東京都
  std::vector<segment::ByteRange> fresh_icu, fresh_mixed, used_icu;
  segment::IcuWordBreaker fresh, another;
  fresh.split(text, 0, static_cast<std::uint32_t>(text.size()), fresh_icu);
  another.split_mixed(text, 0, static_cast<std::uint32_t>(text.size()), fresh_mixed);
  fresh.split(text, 0, static_cast<std::uint32_t>(text.size()), used_icu);
  EXPECT_EQ(describe(text, fresh_icu), "[\u30FC][\u6771\u4EAC][\u90FD]");
  EXPECT_EQ(describe(text, fresh_mixed), describe(text, fresh_icu));
  EXPECT_EQ(describe(text, used_icu), describe(text, fresh_icu));
}

TEST(CjkWordBreaker, MatchesIcuOnHandPickedCases) {
  segment::IcuWordBreaker icu;
  for (std::string_view s :
       {"\u6700\u9AD8\u2764\uFE0F\u5B09\u3057\u3044",    // 最高❤️嬉しい: VS16 between runs
        "\u3059\u3054\u3044\U0001F44D\U0001F3FD\u306D",  // すごい👍🏽ね: modifier
        "\u6700\u9AD8\u3002\u2764\uFE0F",                // 最高。❤️
        "\u6700\u9AD8\u2764\u200D\U0001F525\u3060",      // a ZWJ sequence
        "\u30AB\u30BF_\u30AB\u30CA",                     // カタ_カナ: WB13a/b
        "\uFF76\uFF80\uFF76\uFF85\u3067\u3059",          // ｶﾀｶﾅです: not NFKC
        "\u6771\u4EAC\u30BF\u30EF\u30FC\u3099",          // a combining mark after a run
        "\u65E5\u672C\u0E44\u0E17\u0E22",                // Thai right after a run
        "\u65E5\u672C\u3001\u0E44\u0E17\u0E22\u3002\u8A9E",  // Thai between runs
        "2026\u5E7412\u67085\u65E5", "\uFF12\uFF10\uFF12\uFF16\u5E74", "iPhone\u306E\u8A55\u5224",
        "\u300C\u3053\u3093\u306B\u3061\u306F\u300D\u3000\u4E16\u754C"})
    expect_mixed_same_as_icu(icu, s);
}

TEST(CjkWordBreaker, MatchesIcuForEveryCharacterBesideAndInsideRuns) {
  segment::IcuWordBreaker icu;
  // Every code point of the BMP and of the Han planes (every 7th beyond),
  // before, inside and after runs of Han, hiragana and katakana, twice in
  // a row between them (a character the rules join to itself), and between
  // runs with punctuation around it (away from the runs).
  for (char32_t c = 1; c < 0x110000; c += c < 0x10000 || (c >= 0x20000 && c < 0x32000) ? 1 : 7) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string x = testing::utf8_of(c);
    for (const std::string& s :
         {"\u65E5\u672C" + x + "\u8A9E\u3067\u3059", "ab" + x + "\u306E\u30AB\u30BF",
          "\u30AB\u30BF" + x + "\u30AB\u30CA", x + "\u6771\u4EAC\u90FD",
          "\u3002" + x + x + "\u5927", "\u65E5\u3002" + x + "\u3001\u30AB",
          "\u30A2!" + x + x + "a\u6F22"}) {
      expect_mixed_same_as_icu(icu, s);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(CjkWordBreaker, MatchesIcuOnRandomJapaneseAndChineseStrings) {
  segment::IcuWordBreaker icu;
  // Han, kana and what surrounds them in real text, and every class of
  // character the rules treat specially next to them.
  const std::vector<std::string> alphabet = {
      "\u65E5", "\u672C", "\u8A9E", "\u6771",     "\u4EAC",     "\u4E2D",     "\u6587",
      "\u7684", "\u4E0D", "\u597D", "\u5F88",     "\u5927",     "\u5B66",     "\u751F",
      "\u306E", "\u306F", "\u3067", "\u3059",     "\u3057",     "\u305F",     "\u304C",
      "\u3044", "\u30AB", "\u30BF", "\u30B9",     "\u30DE",     "\u30DB",     "\u30FC",
      "\u30FB", "\u3005", "\u3006", "\u3007",     "\u303B",     "\u3001",     "\u3002",
      "\u300C", "\u300D", "\uFF01", "\uFF1F",     "\uFF08",     "\uFF09",     "\u3000",
      "\uFF11", "\uFF41", "\uFF76", "\uFF9E",     "\uFF70",     "\uFF65",     "\u3099",
      "\u309B", "\u30A0", "\uFE00", "\u200D",     "\u200B",     "\u00AD",     "\uF900",
      "\u2F00", "\u3231", "\u32D0", "\U00020000", "\U0002A700", "\U0001F600", "\U0001F3FD",
      "\u0E01", "\uAC00", "\u1100", "a",          "Z",          "1",          "_",
      ".",      ",",      "'",      ":",          "@",          "#",          "-",
      "!",      "\u00E9", "\u0301", "\u2019",     "\u00A0",     "\u301C",     "\u2026",
      "\u2024", "\uFF1A", "\uFF0E", "\uFF0C",     "\uFF20",     "\u2764",     "\uFE0F",
      "\u3030", "\u00B7", "\u0387"};
  std::mt19937 rng(20261205);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 24);
  for (int i = 0; i < 100000; ++i) {
    std::string s;
    for (int n = length(rng); n > 0; --n) s += alphabet[pick(rng)];
    expect_mixed_same_as_icu(icu, s);
    if (HasFatalFailure()) return;
  }
}

TEST(CjkWordBreaker, MatchesIcuOnTreebankText) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data not found: treebank comparison skipped";
  segment::IcuWordBreaker icu;
  std::size_t sentences = 0;
  for (const char* file :
       {"/ud/ja_gsd/ja_gsd-ud-dev.conllu", "/ud/zh_gsdsimp/zh_gsdsimp-ud-dev.conllu"}) {
    std::istringstream lines(testing::read_data_file(data + file));
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("# text = ", 0) != 0) continue;
      expect_mixed_same_as_icu(icu, std::string_view(line).substr(9));
      if (HasFatalFailure()) return;
      ++sentences;
    }
  }
  EXPECT_GT(sentences, 1000u);
}

// Whole-segmenter equality on real English: fast path on versus off.
TEST(AsciiWordBreaker, SegmenterOutputIdenticalOnTreebankText) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data not found: treebank comparison skipped";
  const std::string conllu = testing::read_data_file(data + "/ud/en_ewt/en_ewt-ud-train.conllu.xz");
  ASSERT_FALSE(conllu.empty());
  std::string text;
  std::istringstream lines(conllu);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("# text = ", 0) == 0) text += line.substr(9) + (text.size() % 3 ? " " : "\n");
  ASSERT_GT(text.size(), 1000000u);

  segment::Segmenter fast, slow;
  slow.set_fast_paths(false);
  segment::Segmentation a, b;
  fast.segment(text, a);
  slow.segment(text, b);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    ASSERT_EQ(a.tokens[i].span.byte_begin, b.tokens[i].span.byte_begin) << "token " << i;
    ASSERT_EQ(a.tokens[i].span.byte_length, b.tokens[i].span.byte_length) << "token " << i;
    ASSERT_EQ(a.tokens[i].kind, b.tokens[i].kind) << "token " << i;
  }
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
}

}  // namespace
}  // namespace textsense
