// The ASCII fast path and the mixed path (ASCII stretches fast, the rest by
// ICU) must give exactly ICU's boundaries: checked on random strings over
// the characters that matter to the word-break rules, and on the text of a
// real treebank when ../shared/data is present.
#include "core/segment/word_breaker.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

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
