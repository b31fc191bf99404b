// SentenceBreaker against ICU's own sentence iterator for every language
// profile: the same boundaries on hand-made cases, on every ASCII character
// around a terminator, on random text over the characters the rules and the
// suppressions look at (every Sentence_Break class, several scripts), and
// on real text in every language of the packs from ../shared/data when it
// is there.
#include "core/segment/sentence_breaker.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/lang/profile.h"
#include "core/segment/segmenter.h"
#include "test_util.h"

namespace textsense {
namespace {

using Boundaries = std::vector<std::int32_t>;

static_assert(segment::SentenceBreaker::kDone == icu::BreakIterator::DONE);

// One profile's two iterators.
struct Pair {
  const lang::Profile* profile;
  std::unique_ptr<icu::BreakIterator> icu;
  std::unique_ptr<segment::SentenceBreaker> ours;

  explicit Pair(const lang::Profile& p) : profile(&p) {
    UErrorCode status = U_ZERO_ERROR;
    icu.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(p.icu_locale), status));
    EXPECT_TRUE(U_SUCCESS(status)) << p.icu_locale;
    ours = std::make_unique<segment::SentenceBreaker>(p.icu_locale);
  }

  Boundaries from_icu(const std::string& text) {
    // A UTF-8 UText: ICU's boundaries are byte offsets, as the segmenter
    // reads them.
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    icu->setText(utext, status);
    EXPECT_TRUE(U_SUCCESS(status));
    Boundaries out;
    for (std::int32_t b = icu->next(); b != icu::BreakIterator::DONE; b = icu->next())
      out.push_back(b);
    utext_close(utext);
    return out;
  }

  Boundaries from_ours(const std::string& text) {
    ours->set_text(text);
    Boundaries out;
    for (std::int32_t b = ours->next(); b != segment::SentenceBreaker::kDone; b = ours->next())
      out.push_back(b);
    return out;
  }
};

std::vector<std::unique_ptr<Pair>> all_profiles() {
  std::vector<std::unique_ptr<Pair>> out;
  const lang::ProfileList list = lang::profiles();
  for (std::size_t i = 0; i < list.count; ++i)
    out.push_back(std::make_unique<Pair>(*list.items[i]));
  return out;
}

std::string show(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

// Compares on `text`; false (after reporting the first difference, with
// the text around it) when they differ.
bool same(Pair& p, const std::string& text) {
  const Boundaries a = p.from_icu(text), b = p.from_ours(text);
  if (a == b) return true;
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::int32_t at = i < a.size() ? (i < b.size() ? std::min(a[i], b[i]) : a[i]) : b[i];
  const std::size_t from = at > 60 ? static_cast<std::size_t>(at) - 60 : 0;
  ADD_FAILURE() << p.profile->icu_locale << ": boundary " << i << ", ICU "
                << (i < a.size() ? a[i] : -1) << ", ours " << (i < b.size() ? b[i] : -1)
                << ", near \"" << show(text.substr(from, at - from)) << "|"
                << show(text.substr(at, 60)) << "\"";
  return false;
}

TEST(SentenceBreaker, HandMadeCasesMatchIcu) {
  const std::vector<std::string> cases = {
      "",
      "a",
      ".",
      "...",
      "Hello there.  How are you?\nFine!  ",
      "3.5 apples. Then 4.",
      "U.S. Army. The U.S. is big.",
      "He said \"stop.\" Then he left.",
      "a.b",
      "A.B c.D e. F",
      "etc. (see below) and more.",
      "etc. (5) And more.",
      "Wow!! Great?! ok. ok",
      "x.\r\ny\rz\n\nw",
      "Mr. Smith met Mrs. Jones, Dr. Who and Prof. X. Ok.",
      "e.g. this, i.e. that. No. 5 is mine.",
      "z.B. heute. Nr. 5. Hr. Maier kam.",
      "p. ex. ceci. M. Dupont est la.",
      "Ph.D. students. Ph. D.",
      "a.) b",
      "a.' B",
      "end.\t\tNext",
      "one. , two",
      "why? - because.",
      "see: 1. 2. 3.",
      "I saw Dr. Smith and Mr. Jones at 5 p.m. today. Then we left.",
      "  .  ",
      "a. b. C. d.",
      "No. No.\nNo.",
      "(Hi.) (Ho.)",
      "St. Louis. St.Louis.",
      "Mr.  Smith",
      "Mr.\nSmith",
      " Mr. X",
      // Beyond ASCII: other terminators, separators, combining marks and
      // format characters (SB5), emoji, letters of other scripts.
      "我很好。你呢？好！",
      "「好。」他说。",
      "Это ж. д. Он пришёл. А ты?",
      "هل أنت بخير؟ نعم.",
      "Great! \xF0\x9F\x98\x80\xF0\x9F\x98\x80 Loved it.",
      "e\xCC\x81. B",
      "a.\xCC\x81"
      "B",
      "one.\xE2\x80\xA8two\xC2\x85three",
      "x.\xC2\xA0\xC2\xA0y",
      "Hi.\xE2\x80\x8B There",
      "\xE2\x80\x9CYes.\xE2\x80\x9D No.",
      "\xC2\xABOui.\xC2\xBB Non.",
      "Stra\xC3\x9F"
      "e. \xC3\x9C",
      "\xCC\x81. a",
      "\n\xCC\x81.B",
      "3\xEF\xBC\x8E"
      "5",
      "a\xEF\xBC\x8E b",
      "Dr.\xE2\x80\x8BSmith",
      // A text that opens with the end of a longer entry (Portuguese "jul.",
      // "l."): broken as the same words elsewhere in a text.
      "ul. \"",
      "ul. Y",
      "d\n\nul. \"",
  };
  for (const auto& p : all_profiles())
    for (const std::string& text : cases)
      if (!same(*p, text)) break;
}

// Short strings over the characters the rules and suppressions look at,
// with fragments of abbreviations of every profile's CLDR list.
TEST(SentenceBreaker, RandomTextMatchesIcu) {
  const std::vector<std::string> pieces = {
      ".",
      ".",
      ".",
      "!",
      "?",
      " ",
      " ",
      " ",
      "  ",
      "\n",
      "\r",
      "\r\n",
      "\t",
      "\"",
      "'",
      ")",
      "(",
      ",",
      "-",
      ":",
      ";",
      "a",
      "b",
      "x",
      "A",
      "B",
      "X",
      "1",
      "2",
      "Mr",
      "Mrs",
      "Dr",
      "U",
      "S",
      "K",
      "e",
      "g",
      "i",
      "etc",
      "No",
      "Nr",
      "z",
      "B",
      "St",
      "Ph",
      "D",
      "Jan",
      "Prof",
      "p",
      "M",
      "Hr",
      "Sr",
      "Sra",
      "Av",
      "ca",
      "vs",
      "Co",
      "Inc",
      "Ltd",
      "bzw",
      "usw",
      "Abs",
      "art",
      "pag",
      "Sig",
      "Mme",
      "av",
      "J",
      "jr",
      "ex",
      "Lda",
      "Exmo",
      "dhr",
      "mevr",
      "blz",
      "Mw",
      "etc",
      "&",
      "#",
      "\xCC\x81",      // U+0301 combining acute: Extend
      "\xE2\x80\x8D",  // U+200D zero width joiner: Extend
      "\xEF\xB8\x8F",  // U+FE0F variation selector: Extend
      "\xC2\xAD",      // U+00AD soft hyphen: Format
      "\xE2\x81\xA0",  // U+2060 word joiner: Format
      "\xC2\x85",      // U+0085 next line: Sep
      "\xE2\x80\xA8",  // U+2028 line separator: Sep
      "\xC2\xA0",      // U+00A0 no-break space: Sp
      "\xE3\x80\x80",  // U+3000 ideographic space: Sp
      "\xE3\x80\x82",  // U+3002 ideographic full stop: STerm
      "\xEF\xBC\x81",  // U+FF01 fullwidth '!': STerm
      "\xD8\x9F",      // U+061F Arabic question mark: STerm
      "\xE2\x80\xA4",  // U+2024 one dot leader: ATerm
      "\xEF\xBC\x8E",  // U+FF0E fullwidth full stop: ATerm
      "\xC2\xAB",
      "\xC2\xBB",
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\xE3\x80\x8C",  // Close
      "\xE3\x80\x81",
      "\xEF\xBC\x8C",
      "\xE2\x80\x93",  // SContinue
      "\xC3\xA9",
      "\xC3\x89",
      "\xD0\xB6",
      "\xD0\x96",
      "\xC3\x9F",  // Lower, Upper
      "\xE4\xB8\xAD",
      "\xD8\xA7",
      "\xE3\x81\x82",  // OLetter: Han, Arabic, kana
      "\xD9\xA3",
      "\xEF\xBC\x91",      // Numeric: Arabic-Indic, fullwidth
      "\xF0\x9F\x98\x80",  // an emoji: Other
      "\xD0\xB3",
      "\xD0\xB6. \xD0\xB4",  // Cyrillic, "ж. д"
  };
  std::mt19937 rng(20261204);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 14);
  for (const auto& p : all_profiles()) {
    for (int i = 0; i < 20000; ++i) {
      std::string s;
      for (int n = length(rng); n > 0; --n) s += pieces[pick(rng)];
      if (!same(*p, s)) return;
    }
  }
}

// Every printable ASCII pair around the rules' decision points.
TEST(SentenceBreaker, EveryCharacterAroundTerminatorsMatchesIcu) {
  std::string chars;
  for (int c = 1; c < 128; ++c) chars += static_cast<char>(c);
  for (const auto& p : all_profiles()) {
    for (const char term : std::string(".!?")) {
      for (const char x : chars) {
        for (const char y : std::string("aA1 .\"\n")) {
          if (!same(*p, std::string("ab") + term + x + y + "c")) return;
          if (!same(*p, std::string("ab") + x + term + " " + y + "c")) return;
        }
      }
    }
  }
}

// Every ASCII character at every offset of a long ASCII stretch, and
// non-ASCII letters after one: skip_plain() passes such stretches 16 bytes
// at a time and must still stop at every line end and terminator.
TEST(SentenceBreaker, LongAsciiStretchesMatchIcu) {
  const std::string filler = "word, words and more words in a long plain stretch of text ";
  for (const auto& p : all_profiles()) {
    for (int c = 1; c < 128; ++c) {
      for (std::size_t at = 0; at < 40; ++at) {
        std::string s = filler.substr(0, at) + static_cast<char>(c) + " Next" + filler + "end";
        if (!same(*p, s)) return;
      }
    }
    for (std::size_t at = 0; at < 40; ++at)
      if (!same(*p, filler.substr(0, at) +
                        "\xD0\xB6. \xD0\x94"
                        "a" +
                        filler + "\xE3\x80\x82 x"))
        return;
  }
}

// Real text: the sentences of the treebanks (English training text, the
// other languages' dev text), the English dev tweets and the XED dev
// subtitles, a few thousand lines at a time as one document.
TEST(SentenceBreaker, CorpusTextMatchesIcu) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data not found: corpus comparison skipped";
  std::vector<std::string> docs;
  const auto add_lines = [&](const std::string& content, const std::string& prefix) {
    std::istringstream lines(content);
    std::string doc;
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
      if (!prefix.empty()) {
        if (line.rfind(prefix, 0) != 0) continue;
        line = line.substr(prefix.size());
      }
      doc += line + (count % 3 == 0 ? "\n" : " ");
      if (++count % 2000 == 0) docs.push_back(std::move(doc)), doc.clear();
    }
    if (!doc.empty()) docs.push_back(doc);
  };
  add_lines(testing::read_data_file(data + "/ud/en_ewt/en_ewt-ud-train.conllu.xz"), "# text = ");
  for (const char* treebank :
       {"de_gsd/de_gsd", "es_gsd/es_gsd", "fr_gsd/fr_gsd", "ja_gsd/ja_gsd", "nl_alpino/nl_alpino",
        "pt_bosque/pt_bosque", "ru_gsd/ru_gsd", "zh_gsdsimp/zh_gsdsimp"})
    add_lines(testing::read_data_file(data + "/ud/" + treebank + "-ud-dev.conllu"), "# text = ");
  for (const char* xed : {"ar", "de", "es", "fr", "it", "ja", "nl", "pt", "ru", "zh"})
    add_lines(testing::read_data_file(data + "/sentiment_dev/xed_dev/" + xed + "-projections.tsv"),
              "");
  add_lines(testing::read_data_file(data + "/sentiment_dev/vader_groundtruth_dev/tweets_dev.tsv"),
            "");
  ASSERT_GT(docs.size(), 5u);
  for (const auto& p : all_profiles())
    for (const std::string& doc : docs)
      if (!same(*p, doc)) break;
}

// The segmenter with its ASCII paths on and off (ICU alone) splits the same
// sentences, profile by profile.
TEST(SentenceBreaker, SegmenterSentencesSameWithAndWithoutFastPath) {
  const std::string text =
      "I saw Dr. Smith and Mr. Jones at 5 p.m. today. Then we left! Did we? Yes.\r\n"
      "The U.S. Army, e.g. Sgt. York, won. z.B. heute. M. Dupont. Sr. Gomez. 3.5 kg. ok";
  const lang::ProfileList list = lang::profiles();
  for (std::size_t i = 0; i < list.count; ++i) {
    segment::Segmenter fast(*list.items[i]), slow(*list.items[i]);
    slow.set_fast_paths(false);
    segment::Segmentation a, b;
    fast.segment(text, a);
    slow.segment(text, b);
    ASSERT_EQ(a.sentences.size(), b.sentences.size()) << list.items[i]->icu_locale;
    for (std::size_t s = 0; s < a.sentences.size(); ++s)
      EXPECT_EQ(a.sentences[s].span.byte_begin, b.sentences[s].span.byte_begin);
  }
}

}  // namespace
}  // namespace textsense
