#include "core/segment/segmenter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/common/errors.h"
#include "core/common/utf8.h"
#include "core/segment/special_spans.h"
#include "test_util.h"

namespace textsense {
namespace {

using testing::kinded_tokens;
using testing::segment;
using testing::sentence_texts;
using testing::token_texts;
using Strings = std::vector<std::string>;

TEST(Segmenter, EmptyAndBlankInputGiveNothing) {
  for (std::string_view s : {"", " ", "\n\t \r\n", "\xE3\x80\x80" /* ideographic space */}) {
    const segment::Segmentation seg = segment(s);
    EXPECT_TRUE(seg.tokens.empty()) << s;
    EXPECT_TRUE(seg.sentences.empty()) << s;
  }
}

TEST(Segmenter, SplitsSentencesAndTrimsThem) {
  EXPECT_EQ(sentence_texts("  Hello there.  How are you?\nFine!  "),
            (Strings{"Hello there.", "How are you?", "Fine!"}));
  EXPECT_EQ(sentence_texts("I saw Dr. Smith and Mr. Jones at 5 p.m. today. Then we left."),
            (Strings{"I saw Dr. Smith and Mr. Jones at 5 p.m. today.", "Then we left."}));
  EXPECT_EQ(sentence_texts("J. R. R. Tolkien wrote it, e.g. The Hobbit."),
            (Strings{"J. R. R. Tolkien wrote it, e.g. The Hobbit."}));
  // A URL with dots does not end a sentence.
  EXPECT_EQ(sentence_texts("Read https://x.org/a. B/c.html now. Ok."),
            (Strings{"Read https://x.org/a.", "B/c.html now.", "Ok."}));
  EXPECT_EQ(sentence_texts("我爱北京。今天天气很好！"), (Strings{"我爱北京。", "今天天气很好！"}));
}

TEST(Segmenter, EnglishContractionsFollowUniversalDependencies) {
  EXPECT_EQ(token_texts("I don't think I'm gonna. Can't won't it's we'd've"),
            (Strings{"I", "do", "n't", "think", "I", "'m", "gon", "na", ".", "Ca", "n't", "wo",
                     "n't", "it", "'s", "we", "'d", "'ve"}));
  EXPECT_EQ(token_texts("don\xE2\x80\x99t cannot they're you'll"),
            (Strings{"do", "n\xE2\x80\x99t", "can", "not", "they", "'re", "you", "'ll"}));
  // Not clitics: names, o'clock, possessive plural, leading apostrophe.
  EXPECT_EQ(token_texts("O'Neil rock'n'roll o'clock dogs' 'tis"),
            (Strings{"O'Neil", "rock'n'roll", "o'clock", "dogs", "'", "'", "tis"}));
}

TEST(Segmenter, AbbreviationsKeepTheirPeriod) {
  EXPECT_EQ(token_texts("The U.S. and Dr. Who, e.g. now, etc."),
            (Strings{"The", "U.S.", "and", "Dr.", "Who", ",", "e.g.", "now", ",", "etc."}));
  EXPECT_EQ(token_texts("No. 5 is it. The answer is no."),
            (Strings{"No.", "5", "is", "it", ".", "The", "answer", "is", "no", "."}));
  EXPECT_EQ(token_texts("Wait... what?! Really!!!"),
            (Strings{"Wait", "...", "what", "?!", "Really", "!!!"}));
}

TEST(Segmenter, RunsOfMarksDatesAndTimes) {
  EXPECT_EQ(kinded_tokens("*** === $$$ -- ?!. 08/16/2000 at 11:16:00 1/2"),
            (Strings{"punct:***", "symbol:===", "symbol:$$$", "punct:--", "punct:?!.",
                     "number:08/16/2000", "word:at", "number:11:16:00", "number:1/2"}));
}

TEST(Segmenter, HyphensSplitExceptAfterBoundPrefixes) {
  EXPECT_EQ(token_texts("well-known e-mail co-workers long--winded"),
            (Strings{"well", "-", "known", "e-mail", "co-workers", "long", "--", "winded"}));
}

TEST(Segmenter, EmojiClustersAreSingleTokens) {
  EXPECT_EQ(kinded_tokens("👍🏽 👨‍👩‍👧 🇫🇷 1️⃣ ©️ 😂😂 ❤"),
            (Strings{"emoji:👍🏽", "emoji:👨‍👩‍👧", "emoji:🇫🇷", "emoji:1️⃣",
                     "emoji:©️", "emoji:😂", "emoji:😂", "symbol:❤"}));
}

TEST(Segmenter, UrlsEmailsMentionsHashtagsEmoticons) {
  EXPECT_EQ(kinded_tokens("See https://x.org/a?b=c&d=(e)."),
            (Strings{"word:See", "url:https://x.org/a?b=c&d=(e)", "punct:."}));
  EXPECT_EQ(kinded_tokens("(www.example.com) mail bob.s+1@mail.example.co.uk!"),
            (Strings{"punct:(", "url:www.example.com", "punct:)", "word:mail",
                     "email:bob.s+1@mail.example.co.uk", "punct:!"}));
  EXPECT_EQ(kinded_tokens("@bob_1 #Tag2 #1 C# x@y"),
            (Strings{"mention:@bob_1", "hashtag:#Tag2", "punct:#", "number:1", "word:C", "punct:#",
                     "word:x@y"}));
  EXPECT_EQ(kinded_tokens("#café @josé"), (Strings{"hashtag:#café", "mention:@josé"}));
  EXPECT_EQ(kinded_tokens("great :) bad :-( love <3 at 10:30"),
            (Strings{"word:great", "emoticon::)", "word:bad", "emoticon::-(", "word:love",
                     "emoticon:<3", "word:at", "number:10:30"}));
  // The heart as HTML escapes it (tweets from the API); other entities
  // and a heart glued to a word stay as they were.
  EXPECT_EQ(kinded_tokens("love &lt;3 &lt;/3 a&lt;3 &amp; &lt;33"),
            (Strings{"word:love", "emoticon:&lt;3", "emoticon:&lt;/3", "word:a", "punct:&",
                     "word:lt", "punct:;", "number:3", "punct:&", "word:amp", "punct:;", "punct:&",
                     "word:lt", "punct:;", "number:33"}));
}

// Found by fuzz/segmentation_fuzz: the URL scan stepped byte by byte and
// decoded continuation bytes as characters. "р" (D1 80) followed by "M"
// decoded from its 0x80 as U+000D, a blank, so the URL ended inside the
// character and the next token began after the lost byte; at the end of
// the text the decode read one byte past it.
TEST(SpecialSpans, CandidatesAreTheTriggersNotAfterAnAsciiLetterOrDigit) {
  // The vector search must stop exactly where a byte-by-byte one would:
  // random strings of triggers, letters, digits, blanks and multi-byte
  // characters, of every length around the 16-byte blocks, from every start.
  const auto reference = [](std::string_view doc, std::size_t i) {
    const auto at = [&](std::size_t k) { return k < doc.size() ? doc[k] : '\0'; };
    const auto alnum = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    for (; i < doc.size(); ++i) {
      const char c = doc[i], next = at(i + 1);
      if (c == '@') return i;
      if (i > 0 && alnum(doc[i - 1])) continue;
      if (std::string_view("#:;=<^-&").find(c) != std::string_view::npos ||
          ((c == 'h' || c == 'H' || c == 'f' || c == 'F') && (next == 't' || next == 'T')) ||
          ((c == 'w' || c == 'W') && (next == 'w' || next == 'W')) || (c == 'T' && next == '_'))
        return i;
    }
    return doc.size();
  };
  // The pieces, space-separated (a space is one of them too).
  std::vector<std::string> pieces = {" "};
  std::istringstream listed(
      "h H f F w W @ # : ; = < ^ - T & a z A Z 0 9 _ . ` ~ t G [ / ht Ft wW T_ HT "
      "\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80");
  for (std::string piece; listed >> piece;) pieces.push_back(piece);
  std::mt19937 random(7);
  for (int round = 0; round < 4000; ++round) {
    std::string doc;
    const std::size_t length = random() % 70;
    // Mostly plain letters, so that the candidates are sparse, as in text.
    while (doc.size() < length)
      doc += random() % 4 == 0 ? pieces[random() % pieces.size()]
                               : std::string(1, "bcdeg"[random() % 5]);
    for (std::size_t i = 0; i <= doc.size(); ++i)
      ASSERT_EQ(segment::detail::next_candidate(doc, i), reference(doc, i))
          << "from " << i << " in \"" << doc << '"';
  }
}

TEST(Segmenter, UrlsWithNonAsciiCharactersEndOnCharacterBoundaries) {
  EXPECT_EQ(kinded_tokens("See https://x.org/\xD1\x80Mail bob"),
            (Strings{"word:See", "url:https://x.org/\xD1\x80Mail", "word:bob"}));
  // An exact-size buffer: no NUL after the text for a stray read to hit
  // (AddressSanitizer reported a heap-buffer-overflow here).
  const std::string text = "see http://x.org/caf\xC3\xA9";
  const std::unique_ptr<char[]> exact(new char[text.size()]);
  std::memcpy(exact.get(), text.data(), text.size());
  const std::string_view doc(exact.get(), text.size());
  const segment::Segmentation seg = segment(doc);
  ASSERT_EQ(seg.tokens.size(), 2u);
  EXPECT_EQ(seg.tokens[1].span.text(doc), "http://x.org/caf\xC3\xA9");
  EXPECT_EQ(seg.tokens[1].kind, segment::TokenKind::kUrl);
}

// Control characters separate words like whitespace and are no tokens
// (as tokens of their own they tripled the tokens of a hostile text).
TEST(Segmenter, ControlCharactersAreBlank) {
  EXPECT_EQ(kinded_tokens("bad\x01\x1b"
                          "good \x7f\xC2\x80ok\xC2\x9F"),
            (Strings{"word:bad", "word:good", "word:ok"}));
}

TEST(Segmenter, NumbersSymbolsAndPunctuation) {
  EXPECT_EQ(
      kinded_tokens("$5.99 1,000 50% 3rd"),
      (Strings{"symbol:$", "number:5.99", "number:1,000", "number:50", "punct:%", "word:3rd"}));
  EXPECT_EQ(kinded_tokens("« Non » — 5€"),
            (Strings{"punct:«", "word:Non", "punct:»", "punct:—", "number:5", "symbol:€"}));
}

TEST(Segmenter, DictionaryScriptsSplitIntoWords) {
  EXPECT_EQ(token_texts("我爱北京天安门"), (Strings{"我", "爱", "北京", "天安门"}));
  EXPECT_EQ(token_texts("東京都に住んでいます"),
            (Strings{"東京", "都", "に", "住", "んで", "い", "ます"}));
  EXPECT_EQ(token_texts("ฉันรักภาษาไทยมาก"), (Strings{"ฉัน", "รัก", "ภาษา", "ไทย", "มาก"}));
}

TEST(Segmenter, OtherScripts) {
  EXPECT_EQ(token_texts("أحب القراءة كثيراً. هل تحب؟"),
            (Strings{"أحب", "القراءة", "كثيراً", ".", "هل", "تحب", "؟"}));
  EXPECT_EQ(sentence_texts("أحب القراءة كثيراً. هل تحب؟").size(), 2u);
  // German compounds stay whole; ß and umlauts are letters.
  EXPECT_EQ(token_texts("Die Donaudampfschifffahrtsgesellschaft ist groß."),
            (Strings{"Die", "Donaudampfschifffahrtsgesellschaft", "ist", "groß", "."}));
  EXPECT_EQ(token_texts("Hello世界 and Привет мир"),
            (Strings{"Hello", "世界", "and", "Привет", "мир"}));
  // A letter with stacked combining marks is one word.
  EXPECT_EQ(token_texts("e\xCC\x81\xCC\x88\xCC\x83\xCC\x82 x"),
            (Strings{"e\xCC\x81\xCC\x88\xCC\x83\xCC\x82", "x"}));
}

TEST(Segmenter, OffsetsCountBytesAndCodePoints) {
  const std::string text = "Hello 世界! 👍🏽 https://x.org #tag";
  const segment::Segmentation seg = segment(text);
  ASSERT_EQ(token_texts(text),
            (Strings{"Hello", "世界", "!", "👍🏽", "https://x.org", "#tag"}));
  // Character offsets agree with a count of code points before each token.
  for (const segment::Token& t : seg.tokens) {
    EXPECT_EQ(t.span.char_begin,
              utf8::count_code_points(std::string_view(text).substr(0, t.span.byte_begin)));
    EXPECT_EQ(t.span.char_length, utf8::count_code_points(t.span.text(text)));
  }
  EXPECT_EQ(seg.tokens[3].span.char_begin, 10u);  // 👍🏽 is two code points
  EXPECT_EQ(seg.tokens[3].span.char_length, 2u);
  EXPECT_EQ(seg.tokens[4].span.char_begin, 13u);
}

TEST(Segmenter, TokensTileSentencesInOrder) {
  const std::string text =
      "First one. Second: a URL https://a.b/c. and @x! 三つ目の文です。 ☺ Last";
  const segment::Segmentation seg = segment(text);
  std::uint32_t next = 0, previous_end = 0;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = seg.sentences[s];
    ASSERT_EQ(sentence.first_token, next);
    ASSERT_GT(sentence.token_count, 0u);
    next += sentence.token_count;
    EXPECT_EQ(sentence.span.byte_begin, seg.tokens[sentence.first_token].span.byte_begin);
    EXPECT_EQ(sentence.span.byte_end(),
              seg.tokens[sentence.first_token + sentence.token_count - 1].span.byte_end());
    for (std::uint32_t i = sentence.first_token; i < next; ++i) {
      EXPECT_EQ(seg.tokens[i].sentence, s);
      EXPECT_GE(seg.tokens[i].span.byte_begin, previous_end);
      EXPECT_GT(seg.tokens[i].span.byte_length, 0u);
      previous_end = seg.tokens[i].span.byte_end();
    }
  }
  EXPECT_EQ(next, seg.tokens.size());
}

TEST(Segmenter, MalformedUtf8IsRejectedWithItsOffset) {
  segment::Segmenter segmenter;
  segment::Segmentation out;
  try {
    segmenter.segment("valid start \xC3\x28 then junk", out);
    FAIL() << "expected InvalidUtf8Error";
  } catch (const InvalidUtf8Error& e) {
    EXPECT_EQ(e.byte_offset(), 12u);
  }
  EXPECT_THROW(segmenter.segment("\xFF", out), InvalidUtf8Error);
  EXPECT_THROW(segmenter.segment("\xED\xA0\x80", out), InvalidUtf8Error);  // surrogate
  EXPECT_TRUE(out.tokens.empty());
  // The segmenter is still usable afterwards.
  segmenter.segment("fine", out);
  EXPECT_EQ(out.tokens.size(), 1u);
}

TEST(Segmenter, TenMegabyteInputs) {
  std::string prose;
  while (prose.size() < 10'000'000)
    prose +=
        "The staff were friendly, but the room wasn't clean. Visit www.x.org! 世界 👍🏽 ";
  const segment::Segmentation seg = segment(prose);
  EXPECT_GT(seg.sentences.size(), 200'000u);
  EXPECT_GT(seg.tokens.size(), 2'000'000u);
  EXPECT_EQ(seg.tokens.back().span.byte_end(), prose.size() - 1);
  // One "word" of 10 MB, no break opportunity: analysed in pieces of 32-63
  // KiB (segmenter.h, "Long sentences"), one token per piece, that cover
  // it end to end.
  const segment::Segmentation word = segment(std::string(10'000'000, 'a'));
  ASSERT_GE(word.tokens.size(), 10'000'000u / (63 * 1024));
  ASSERT_LE(word.tokens.size(), 10'000'000u / (32 * 1024) + 1);
  EXPECT_EQ(word.sentences.size(), word.tokens.size());
  std::uint32_t next = 0;
  for (const segment::Token& t : word.tokens) {
    EXPECT_EQ(t.span.byte_begin, next);
    EXPECT_LE(t.span.byte_length, 64u * 1024);
    next = t.span.byte_end();
  }
  EXPECT_EQ(next, 10'000'000u);
  std::string emoji;
  while (emoji.size() < 10'000'000) emoji += "😂";
  const segment::Segmentation emojis = segment(emoji);
  EXPECT_EQ(emojis.tokens.size(), emoji.size() / 4);
}

// A sentence longer than 64 KiB is cut at word starts, never inside a URL;
// the sentences before and after it are untouched.
TEST(Segmenter, LongSentencesAreCutAtWordStarts) {
  std::string doc = "The room was clean! ";
  const std::size_t long_begin = doc.size();
  while (doc.size() < 300'000) doc += "very very https://example.org/a/b?c=d very ";
  doc += "end!";
  const std::size_t long_end = doc.size();
  doc += " The staff were rude. Bye.";
  const segment::Segmentation seg = segment(doc);
  ASSERT_GE(seg.sentences.size(), 2u + 300'000 / (63 * 1024));
  EXPECT_EQ(seg.sentences.front().span.text(doc), "The room was clean!");
  EXPECT_EQ(seg.sentences.back().span.text(doc), "Bye.");
  EXPECT_EQ(seg.sentences[seg.sentences.size() - 2].span.text(doc), "The staff were rude.");
  for (std::size_t i = 1; i + 2 < seg.sentences.size(); ++i) {
    const segment::Span& span = seg.sentences[i].span;
    ASSERT_LE(span.byte_length, 64u * 1024);
    ASSERT_GE(span.byte_begin, long_begin);
    ASSERT_LE(span.byte_end(), long_end);
    ASSERT_EQ(doc[span.byte_begin - 1], ' ') << "piece " << i << " starts inside a word";
  }
  for (const segment::Token& t : seg.tokens) {
    if (t.kind != segment::TokenKind::kUrl) continue;
    ASSERT_EQ(t.span.text(doc), "https://example.org/a/b?c=d");
  }
}

// CJK without punctuation and one emoji repeated: pieces on code points.
TEST(Segmenter, LongTextWithoutSpacesIsCutOnCodePoints) {
  for (const std::string unit : {"好", "我们今天去公园散步", "😀", "a\u0301"}) {
    std::string doc;
    while (doc.size() < 500'000) doc += unit;
    const segment::Segmentation seg = segment(doc);
    EXPECT_GE(seg.sentences.size(), 500'000u / (63 * 1024)) << unit;
    std::uint32_t covered = 0;
    for (const segment::Sentence& s : seg.sentences) {
      EXPECT_LE(s.span.byte_length, 64u * 1024) << unit;
      EXPECT_EQ(utf8::find_invalid(s.span.text(doc)), utf8::kValid) << unit;
      covered += s.span.byte_length;
    }
    EXPECT_EQ(covered, doc.size()) << unit;
  }
}

// segment_by_window() hands over the same sentences and tokens as
// segment(), a window at a time, with indexes counted within the window.
TEST(Segmenter, WindowsPutTogetherAreTheWholeSegmentation) {
  std::string prose;
  while (prose.size() < 400'000)
    prose += "Dr. Smith was not helpful. See https://example.org/a.b?c=d. 非常好。服务很差。 ";
  std::string one_sentence;
  while (one_sentence.size() < 300'000) one_sentence += "very ";
  for (const std::string& doc : {prose, one_sentence, std::string("Short. Text."), std::string()}) {
    segment::Segmenter segmenter;
    segment::Segmentation whole;
    segmenter.segment(doc, whole, {}, segment::Segmenter::Offsets::kBytesOnly);
    segment::Segmentation joined, batch;
    std::size_t windows = 0;
    segmenter.segment_by_window(doc, batch, [&](const segment::Segmentation& window) {
      ++windows;
      ASSERT_FALSE(window.sentences.empty());
      ASSERT_EQ(window.sentences.front().first_token, 0u);
      const auto sentence_base = static_cast<std::uint32_t>(joined.sentences.size());
      const auto token_base = static_cast<std::uint32_t>(joined.tokens.size());
      for (segment::Sentence s : window.sentences) {
        s.first_token += token_base;
        joined.sentences.push_back(s);
      }
      for (segment::Token t : window.tokens) {
        t.sentence += sentence_base;
        joined.tokens.push_back(t);
      }
    });
    ASSERT_EQ(joined.sentences.size(), whole.sentences.size());
    ASSERT_EQ(joined.tokens.size(), whole.tokens.size());
    for (std::size_t i = 0; i < whole.sentences.size(); ++i) {
      ASSERT_EQ(joined.sentences[i].span.byte_begin, whole.sentences[i].span.byte_begin) << i;
      ASSERT_EQ(joined.sentences[i].span.byte_length, whole.sentences[i].span.byte_length) << i;
      ASSERT_EQ(joined.sentences[i].first_token, whole.sentences[i].first_token) << i;
      ASSERT_EQ(joined.sentences[i].token_count, whole.sentences[i].token_count) << i;
    }
    for (std::size_t i = 0; i < whole.tokens.size(); ++i) {
      ASSERT_EQ(joined.tokens[i].span.byte_begin, whole.tokens[i].span.byte_begin) << i;
      ASSERT_EQ(joined.tokens[i].span.byte_length, whole.tokens[i].span.byte_length) << i;
      ASSERT_EQ(joined.tokens[i].sentence, whole.tokens[i].sentence) << i;
      ASSERT_EQ(joined.tokens[i].kind, whole.tokens[i].kind) << i;
    }
    // More than one window for the long texts: no call held them whole.
    if (doc.size() > 200'000) {
      EXPECT_GE(windows, doc.size() / (64 * 1024));
    } else {
      EXPECT_LE(windows, 1u);
    }
  }
}

TEST(Segmenter, StopSignalCancelsLongInputs) {
  std::string prose;
  while (prose.size() < 2'000'000) prose += "A sentence of ordinary words. ";
  int polls = 0;
  runtime::StopSignal stop{[](void* ctx) { return ++*static_cast<int*>(ctx) >= 3; }, &polls};
  segment::Segmenter segmenter;
  segment::Segmentation out;
  EXPECT_THROW(segmenter.segment(prose, out, stop), CancelledError);
  EXPECT_EQ(polls, 3);
  segmenter.segment("still works", out);
  EXPECT_EQ(out.tokens.size(), 2u);
}

}  // namespace
}  // namespace textsense
