// The detector's short cut (langid/fast_path.h): its one-pass scan reads a
// text exactly as the cleaned copy would read, the word index finds every
// listed word, and the rules settle what they should and nothing else.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/common/ascii.h"
#include "core/langid/english_vocabulary.h"
#include "core/langid/fast_path.h"
#include "core/langid/language_detector.h"
#include "core/langid/latin_word_index.h"
#include "core/langid/latin_word_table.h"
#include "core/langid/latin_word_table_builder.h"
#include "core/langid/text_cleaner.h"
#include "core/langid/word_lists.h"

namespace {

using namespace textsense::langid;

void expect_same_scan(std::string_view text) {
  std::string cleaned;
  clean_for_detection(text, cleaned);
  const FunctionWordScan raw = scan_function_words(text);
  const FunctionWordScan copy = scan_function_words(cleaned);
  SCOPED_TRACE(std::string(text));
  ASSERT_EQ(raw.plain, copy.plain);
  if (!raw.plain) return;  // the counts stop where the scan stopped
  EXPECT_EQ(raw.words, copy.words);
  EXPECT_EQ(raw.long_words, copy.long_words);
  EXPECT_EQ(raw.unknown_to_english, copy.unknown_to_english);
  EXPECT_EQ(raw.for_english, copy.for_english);
  for (int l = 0; l < kMainLanguageCount; ++l) EXPECT_EQ(raw.exclusive[l], copy.exclusive[l]);
  EXPECT_EQ(raw.decisive(), copy.decisive());
}

TEST(DetectionShortCut, ScanOfTheRawTextEqualsScanOfTheCleanedCopy) {
  const char* const texts[] = {
      "",
      "the cat and the dog",
      "see http://www.example.com/the/and/for now",
      "mail me@the.and.for please, the end",
      "www.the-and-for.com and WWW.THE.COM and Www.the.com but wWw.the.com stays",
      "RT @someone: the best of the day RT: RT",
      "RTthe and RT_the",
      "#the #and #for hashtags keep their words",
      "#www.the.com and ##WWW.the.com, #RT ##RT: #RT@the and a#www.the.com",
      // A fuzz input: a hashtag whose rest is a host, after a form feed.
      "O p\x0c#www.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x01\xc8\xad c aaaaaaaaaaaaaaaaae",
      "a\x01http://x.y/the and\x7f the",
      "tab\tnew\nline\x0b\x0c\rthe and for",
      "http://x\xc2\x85the and the",                // C1 control inside a URL
      "the \xef\xb7\x90 and \xef\xbf\xbe for",      // noncharacters
      "the \xf0\x9f\xbf\xbf and \xf4\x8f\xbf\xbf",  // U+1FFFF, U+10FFFF
      "caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbb"
      "l\xc3\xa9"
      "e and the",
      "don't l'\xc3\xa9t\xc3\xa9 aujourd'hui it's the",
      "THE AND FOR The And For tHe",
      "extraordinarilylongwordsarenotlisted and the the",
      "the \xd0\xbc\xd0\xb8\xd1\x80 and",                 // another script: not plain
      "http://\xd0\xbc\xd0\xb8\xd1\x80.example the and",  // ... blanked with its URL
      "the \xf0\x9f\x98\x80\xf0\x9f\x98\x80 and \xe2\x80\x94 for",
      "ends with a word at the very end of the text: abc",
      "exactly16letters exactly8 seventeen17letters",
  };
  for (const char* text : texts) expect_same_scan(text);
}

// The scan reads most tokens through a 64-byte window (fast_path.cpp,
// read_simple_tokens()): tokens across the window's end, tokens longer than
// a window, words longer than any listed word, the cleaning's marks inside
// and across windows, and windows that reach the end of the text.
TEST(DetectionShortCut, WindowEdgesReadAsTheCleanedCopy) {
  const std::string across = std::string(60, ' ') + "the and for with";  // crosses byte 64
  const std::string long_token = std::string(70, 'a') + " the and";
  const std::string long_url = "http://" + std::string(70, 'x') + "/the the and";
  const std::string long_mail = std::string(62, 'a') + "@the.and the and";
  const std::string blanks = std::string(130, ' ') + "the and";
  std::string many;
  for (int k = 0; k < 40; ++k) many += "the and for with ";
  const std::string texts[] = {
      across,
      long_token,
      long_url,
      long_mail,
      blanks,
      many,
      "abcdefghijklmnopqrstu the and",  // a 21-letter word: in no list
      "the and for with from into the",
      "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h",
      "#hashtag#inside and ##x ###",
      "mail@x the and",
      "abcdefghijkl://x the and",
      "http://example.com/the/and/for the and",
      "\xc3\xa9t\xc3\xa9@example.com the and",  // beyond ASCII before the '@'
      "abcdefghijk\xc2\x85@x the and",          // a C1 control ends the token before '@'
      "ab:c the: RT: RT #RT: www.x Www.the WWW.THE wWw.the",
      "don't 'tis dogs' rock'n'roll 80's O'Clock a'b'c''d",
      "Ab AB aB I'M Don'T",
      "the",
      "the ",
      " the",
      "x",
      "yaaaaay sooo hushhhh",
  };
  for (const std::string& text : texts) expect_same_scan(text);
}

TEST(DetectionShortCut, ByteTableAgreesWithTheCleanerAndAscii) {
  // A text of one byte between two English words: the byte splits the
  // words exactly when the cleaner blanks it or it is not a letter.
  for (int b = 1; b < 0x80; ++b) {
    const std::string text = std::string("the") + static_cast<char>(b) + "and";
    const FunctionWordScan scan = scan_function_words(text);
    const bool splits = is_blank_after_cleaning(static_cast<unsigned char>(b)) ||
                        !textsense::ascii::is_letter(static_cast<unsigned char>(b));
    // An inner apostrophe joins ("the'and"); '@' makes the token an
    // address, which the cleaning blanks.
    if (b == '\'' || b == '@') continue;
    EXPECT_EQ(scan.words, splits ? 2 : 1) << "byte " << b;
  }
}

TEST(DetectionShortCut, EveryListedWordIsFound) {
  const LatinWordIndex& index = LatinWordIndex::shared();
  for (int l = 0; l < kMainLanguageCount; ++l) {
    const WordList& list = word_list(static_cast<MainLanguage>(l));
    for (const char* words : {list.top, list.common}) {
      std::string_view all(words);
      while (!all.empty()) {
        const std::size_t space = all.find(' ');
        const std::string_view word = all.substr(0, space);
        if (!word.empty()) {
          const WordMembership m = index.find(word);
          EXPECT_TRUE(((m.top | m.common) >> l) & 1) << word << " of " << kMainLanguageCodes[l];
        }
        if (space == std::string_view::npos) break;
        all.remove_prefix(space + 1);
      }
    }
  }
  std::size_t vocabulary = 0;
  for (std::size_t c = 0; c < kFrequentEnglishChunks + kEnglishSentimentWordsChunks; ++c) {
    std::string_view all(c < kFrequentEnglishChunks
                             ? kFrequentEnglish[c]
                             : kEnglishSentimentWords[c - kFrequentEnglishChunks]);
    while (!all.empty()) {
      const std::size_t space = all.find(' ');
      const std::string_view word = all.substr(0, space);
      if (!word.empty()) {
        ++vocabulary;
        EXPECT_TRUE(index.find(word).frequent_english) << word;
      }
      if (space == std::string_view::npos) break;
      all.remove_prefix(space + 1);
    }
  }
  EXPECT_GT(vocabulary, 25000u);
  EXPECT_FALSE(index.find("zamanda").frequent_english);
  EXPECT_FALSE(index.find("the").frequent_english && !index.find("the").any());
  EXPECT_FALSE(index.find("").any());
  EXPECT_FALSE(index.find("seventeenletterss").any());
}

TEST(DetectionShortCut, CompiledInTablesAreTheBuiltOnes) {
  // The build writes the tables (tools/generate_latin_word_table.cpp); the
  // same builder, run here, must give them slot for slot.
  const LatinWordTables built = build_latin_word_tables();
  ASSERT_EQ(built.short_keys.size(), generated::kShortCapacity);
  ASSERT_EQ(built.long_keys.size(), generated::kLongCapacity);
  EXPECT_EQ(built.short_shift, generated::kShortShift);
  EXPECT_EQ(built.long_shift, generated::kLongShift);
  for (std::size_t i = 0; i < built.short_keys.size(); ++i) {
    ASSERT_EQ(built.short_keys[i], generated::kShortKeys[i]) << i;
    ASSERT_EQ(built.short_members[i], generated::kShortMembers[i]) << i;
  }
  for (std::size_t i = 0; i < built.long_keys.size(); ++i) {
    ASSERT_EQ(built.long_keys[i].low, generated::kLongKeys[i].low) << i;
    ASSERT_EQ(built.long_keys[i].high, generated::kLongKeys[i].high) << i;
    ASSERT_EQ(built.long_members[i], generated::kLongMembers[i]) << i;
  }
  // At most three quarters full, so that every probe ends.
  std::size_t used = 0;
  for (const std::uint64_t k : built.short_keys) used += k != 0;
  EXPECT_LE(used * 4, built.short_keys.size() * 3);
  const LatinWordIndex index = built.index();
  for (const char* word : {"the", "und", "aujourd'hui", "extraordinary", "zzzz"})
    EXPECT_EQ(index.find(word).any(), LatinWordIndex::shared().find(word).any()) << word;
}

TEST(DetectionShortCut, EnglishWordsSettleShortTweets) {
  // No function word of any list, or too few: the English vocabulary
  // settles them.
  for (const char* text : {"bad mood. :'(", "WTF?", "So annoyed", "Damn it :(", "Stormy weather",
                           "@someone so sweet!", "outstanding!",
                           // elongated: looked up with the runs cut
                           "yaaaay!!", "hushhhhhh", "woohooo go team"})
    EXPECT_EQ(decisive_function_words(text), "en") << text;
}

TEST(DetectionShortCut, AFewEnglishWordsAreEnglishButNotReliably) {
  const Detector detector;
  for (const char* text : {"@bob #tag", "bad mood", "WTF?"}) {
    const Guess guess = detector.detect(text);
    EXPECT_EQ(guess.lang, "en") << text;
    EXPECT_FALSE(guess.reliable) << text;
    EXPECT_LT(guess.confidence, 0.9) << text;
  }
  const Guess three = detector.detect("so tired, bad mood, worst weather");
  EXPECT_EQ(three.lang, "en");
  EXPECT_TRUE(three.reliable);
}

TEST(DetectionShortCut, NamesAndOtherLanguagesAreNotSettledAsEnglish) {
  for (const char* text :
       {"Costa Rica", "Carlos Menem", "Juan Pablo", "Con la", "La vista", "Am Samstag",
        "In Colombia", "kisa zamanda mirrorlari cikar gibi geliyor :)", "Jeg ser ikke fjernsyn",
        "Siya na! :D", "Photo:", "12345 !!!"})
    EXPECT_NE(decisive_function_words(text), "en") << text;
}

TEST(DetectionShortCut, OneLanguageOutnumberingAnotherSettles) {
  // English-only words against one Dutch-only word ("heel").
  const std::string text =
      "I didn't think that the new one would be that good, but it is heel awesome";
  const FunctionWordScan scan = scan_function_words(text);
  EXPECT_EQ(scan.decisive(), "en");
  // Three to one is not enough.
  EXPECT_EQ(decisive_function_words("the and with der"), "");
}

TEST(DetectionShortCut, ASettledMixedTextStillPointsToItsOtherLanguage) {
  // The short cut settles it as English, but a French sentence is there:
  // a caller looking for sentences in other languages must look.
  const Detector detector;
  const std::string text =
      "I really loved this hotel and the staff were very kind to us all week, "
      "we would come back here again with the kids next summer for sure. "
      "Le petit déjeuner était très bon.";
  const Guess guess = detector.detect(text);
  EXPECT_EQ(guess.lang, "en");
  EXPECT_TRUE(guess.others_possible);
  EXPECT_FALSE(guess.single_language);
  const Guess plain = detector.detect("bad mood, the worst day of the week");
  EXPECT_EQ(plain.lang, "en");
  EXPECT_FALSE(plain.others_possible);
}

TEST(DetectionShortCut, AListedWordIsASignEvenWhenEnglishWritesIt) {
  // "kan" is on Dutch's list and a word English writes too (GloVe's
  // frequent words have it); it is still a sign of another language, and
  // here it is the only one that a Danish sentence beside an English one
  // gives: the sentences are looked at, and CLD2 finds the Danish.
  // (Exempting such words would spare some English tweets the sentence
  // checks, and score mixed texts like this one with English rules where a
  // sentence is not English.)
  const Detector detector;
  const Guess mixed = detector.choose(
      "Jeg kan få brug for malplaceret hengivenhed. I may have use for such misplaced devotion.");
  EXPECT_TRUE(mixed.others_possible);
  EXPECT_FALSE(scan_function_words("I kan do it").nothing_against(kEn));
}

}  // namespace
