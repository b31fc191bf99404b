// Custom sentiment lexicons (core/custom_lexicon.h) over the shipped
// models/sentiment_en.model, through Segmenter + Analyzer as sentiment()
// runs them: overrides, new words, neutralising, phrases (case, Unicode,
// emoji, longest first, next to built-in idioms), negation, explain's
// source, every rejected term, the base left alone, a 10,000-term lexicon,
// and an empty custom lexicon scoring the dev sets bit for bit as the base.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/sentiment/custom_lexicon.h"
#include "core/common/errors.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "core/sentiment/text.h"
#include "scored_text.h"
#include "test_util.h"

namespace textsense::sentiment {
namespace {

const Lexicon& base() {
  static const std::unique_ptr<Lexicon> l =
      Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  return *l;
}

segment::Segmenter& segmenter() {
  static segment::Segmenter s;
  return s;
}

constexpr std::string_view kName = "skate_shop";

std::unique_ptr<Lexicon> custom(const std::vector<CustomTerm>& terms,
                                std::string_view name = kName) {
  return compile_custom_lexicon(base(), name, terms, segmenter());
}

using Scored = ScoredText;

Scored score(const Lexicon& lexicon, std::string_view text) {
  Analyzer analyzer(lexicon);
  return score_text(segmenter(), analyzer, text);
}

double score_of(const Lexicon& lexicon, std::string_view text) {
  return score(lexicon, text).doc.score;
}

// The message of the InvalidTermError `terms` throws ("" if none is thrown).
std::string rejection(const std::vector<CustomTerm>& terms, std::string_view name = kName) {
  try {
    custom(terms, name);
  } catch (const InvalidTermError& e) {
    return e.what();
  }
  return "";
}

TEST(CustomLexicon, OverrideTurnsSickPositive) {
  const std::string text = "This board is sick!";
  const double before = score_of(base(), text);
  const auto lexicon = custom({{"sick", 3.0}});
  const Scored after = score(*lexicon, text);
  EXPECT_LT(before, -0.05);
  EXPECT_GT(after.doc.score, 0.05);
  EXPECT_EQ(after.doc.label, Label::kPositive);
  EXPECT_FLOAT_EQ(after.row("sick").valence, 3.0f);
  // Case-insensitive like every lookup: "Sick" and "SICK" are the same term.
  EXPECT_GT(score_of(*lexicon, "This board is SICK!"), 0.05);
  EXPECT_GT(score_of(*lexicon, "Sick board."), 0.05);
  // As a hashtag too, as the analyzer looks hashtags up without "#".
  EXPECT_GT(score_of(*lexicon, "New board #sick"), 0.05);
}

TEST(CustomLexicon, OverrideKeepsTheWordsOtherRoles) {
  // Built-in: "sick of" is an idiom headed by "sick"; overriding "sick"
  // keeps the entry's kPhraseStart, so the idiom still wins there.
  const auto lexicon = custom({{"sick", 3.0}});
  const Scored s = score(*lexicon, "I am sick of this board.");
  EXPECT_LT(s.doc.score, -0.05);
  EXPECT_NE(s.source_of("sick"), kName);
  EXPECT_TRUE(s.row("sick").rules & kRuleIdiom);
  // "not" keeps negating after a custom valence for it.
  const auto not_lexicon = custom({{"not", -1.0}});
  EXPECT_LT(score_of(*not_lexicon, "The food was not good."), -0.05);
  const LexiconEntry* e = not_lexicon->find(term_key("not"));
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->flags & kNegator);
  EXPECT_FLOAT_EQ(e->valence, -1.0f);
}

TEST(CustomLexicon, NewWordScores) {
  const std::string text = "The deck is skatetastic.";
  EXPECT_DOUBLE_EQ(score_of(base(), text), 0.0);
  const auto lexicon = custom({{"skatetastic", 2.5}, {"wobbletrash", -3.0}});
  EXPECT_GT(score_of(*lexicon, text), 0.05);
  EXPECT_EQ(score(*lexicon, text).source_of("skatetastic"), kName);
  EXPECT_LT(score_of(*lexicon, "Those wheels are wobbletrash."), -0.05);
  // Elongation is retried on custom words as on built-in ones.
  const Scored s = score(*lexicon, "The deck is skatetastiiiic.");
  EXPECT_GT(s.doc.score, 0.05);
  EXPECT_TRUE(s.row("skatetastiiiic").rules & kRuleElongated);
}

TEST(CustomLexicon, ValenceZeroNeutralises) {
  const std::string text = "The plot was unpredictable.";
  const Scored before = score(base(), text);
  ASSERT_NE(before.doc.score, 0.0) << "the built-in lexicon no longer scores \"unpredictable\"";
  ASSERT_TRUE(before.row("unpredictable").rules & kRuleLexicon);
  const auto lexicon = custom({{"unpredictable", 0.0}});
  const Scored after = score(*lexicon, text);
  EXPECT_EQ(after.doc.score, 0.0);
  EXPECT_EQ(after.doc.label, Label::kNeutral);
  // No lexicon rule, no valence: as a word the lexicon does not know.
  EXPECT_EQ(after.row("unpredictable").rules & kRuleLexicon, 0u);
  EXPECT_EQ(after.row("unpredictable").valence, 0.0f);
  EXPECT_EQ(after.row("unpredictable").contribution, 0.0f);
  // The entry exists (it shadows the base's) but has no valence.
  const LexiconEntry* e = lexicon->find(term_key("unpredictable"));
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->flags & kHasValence);
  // Elongated or in capitals, it is still the neutralised word.
  EXPECT_NE(score_of(base(), "The plot was unpredictaaable."), 0.0);
  EXPECT_EQ(score_of(*lexicon, "The plot was unpredictaaable."), 0.0);
  EXPECT_EQ(score_of(*lexicon, "The plot was UNPREDICTABLE."), 0.0);
}

TEST(CustomLexicon, ValenceZeroNeutralisesABuiltInIdiom) {
  const std::string text = "This cake is to die for.";
  ASSERT_GT(score_of(base(), text), 0.05);
  const auto lexicon = custom({{"to die for", 0.0}});
  const Scored s = score(*lexicon, text);
  EXPECT_EQ(s.doc.score, 0.0);
  EXPECT_EQ(s.row("to").rules & (kRuleLexicon | kRuleIdiom), 0u);
  EXPECT_TRUE(s.row("die").rules & kRuleInPhrase);  // still one phrase, silent
}

TEST(CustomLexicon, PhraseAppliesCaseInsensitively) {
  const std::string text = "These trucks are rock solid.";
  const double before = score_of(base(), text);
  const auto lexicon = custom({{"Rock Solid", 3.5}});
  for (const char* t : {"These trucks are rock solid.", "These trucks are ROCK SOLID.",
                        "These trucks are Rock solid."}) {
    SCOPED_TRACE(t);
    const Scored s = score(*lexicon, t);
    EXPECT_GT(s.doc.score, before + 0.1);
    const std::string_view head = std::string_view(t).substr(17, 4);
    EXPECT_TRUE(s.row(head).rules & kRuleIdiom);
    EXPECT_TRUE(s.row(head).rules & kRuleLexicon);
    EXPECT_FLOAT_EQ(s.row(head).valence, 3.5f);
    EXPECT_EQ(s.source_of(head), kName);
  }
  // "solid" alone keeps its built-in valence.
  const Scored alone = score(*lexicon, "The trucks are solid.");
  EXPECT_NE(alone.source_of("solid"), kName);
  EXPECT_GT(alone.doc.score, 0.0);
}

TEST(CustomLexicon, PhraseWithNonAsciiLettersInAnyCase) {
  const auto lexicon = custom({{"überraschend gut", 3.0}, {"Crème brûlée", 2.0}});
  for (const char* t : {"Echt überraschend gut.", "Echt ÜBERRASCHEND gut.",
                        "Echt Überraschend GUT.", "ECHT ÜBERRASCHEND GUT."}) {
    SCOPED_TRACE(t);
    const Scored s = score(*lexicon, t);
    EXPECT_GT(s.doc.score, score_of(base(), t) + 0.3);
    EXPECT_GT(s.doc.score, 0.05);
    EXPECT_TRUE(s.tokens[1].rules & kRuleIdiom);
    EXPECT_FLOAT_EQ(s.tokens[1].valence, 3.0f);
    EXPECT_EQ(lexicon->source_name(s.tokens[1].source), kName);
    EXPECT_FALSE(score(base(), t).tokens[1].rules & kRuleLexicon);
  }
  for (const char* t : {"crème brûlée", "CRÈME BRÛLÉE", "Crème Brûlée", "crème BRÛLÉE"}) {
    SCOPED_TRACE(t);
    EXPECT_GT(score_of(*lexicon, t), 0.05);
    EXPECT_EQ(score_of(base(), t), 0.0);
  }
  // ASCII letters fold whatever their case: "üBERRASCHEND" is the lower
  // variant, "ÜberRASCHEND" the Title one.
  EXPECT_TRUE(score(*lexicon, "Echt üBERRASCHEND gut.").tokens[1].rules & kRuleIdiom);
  EXPECT_TRUE(score(*lexicon, "Echt ÜberRASCHEND gut.").tokens[1].rules & kRuleIdiom);
  // Two-byte capitals fold too (sentiment/text.h), so any mix of cases
  // of Latin-1 letters matches.
  EXPECT_GT(score_of(*lexicon, "crème brÛlée"), 0.05);
}

TEST(CustomLexicon, EmojiTerms) {
  const auto lexicon = custom({{"🛹", 2.0}, {"🤙🏽", 1.5}, {"bail 🩹", -2.0}});
  const Scored board = score(*lexicon, "Saturday 🛹");
  EXPECT_GT(board.doc.score, 0.05);
  EXPECT_TRUE(board.row("🛹").rules & kRuleEmoji);
  EXPECT_EQ(board.source_of("🛹"), kName);
  // The skin tone is dropped on both sides, as for built-in emoji.
  EXPECT_GT(score_of(*lexicon, "Saturday 🤙"), 0.05);
  EXPECT_GT(score_of(*lexicon, "Saturday 🤙🏿"), 0.05);
  // An emoji term stands outside negation, as built-in emoji do.
  EXPECT_GT(score_of(*lexicon, "Not today 🛹"), 0.05);
  EXPECT_LT(score_of(*lexicon, "Another bail 🩹"), -0.05);
}

TEST(CustomLexicon, LongestPhraseFirst) {
  const auto lexicon = custom({{"mega deal", 2.0}, {"mega deal breaker", -3.0}});
  const Scored longer = score(*lexicon, "That is a mega deal breaker.");
  EXPECT_LT(longer.doc.score, -0.05);
  EXPECT_FLOAT_EQ(longer.row("mega").valence, -3.0f);
  EXPECT_EQ(longer.row("breaker").rules, static_cast<std::uint32_t>(kRuleInPhrase));
  const Scored shorter = score(*lexicon, "That is a mega deal.");
  EXPECT_GT(shorter.doc.score, 0.05);
  EXPECT_FLOAT_EQ(shorter.row("mega").valence, 2.0f);
  // The same, declared the other way round.
  const auto reversed = custom({{"mega deal breaker", -3.0}, {"mega deal", 2.0}});
  EXPECT_LT(score_of(*reversed, "That is a mega deal breaker."), -0.05);
  // And a custom word as the head of custom phrases.
  const auto with_word = custom({{"mega", 1.0}, {"mega deal", 2.0}, {"mega deal breaker", -3.0}});
  EXPECT_LT(score_of(*with_word, "That is a mega deal breaker."), -0.05);
  EXPECT_FLOAT_EQ(score(*with_word, "That is mega.").row("mega").valence, 1.0f);
  EXPECT_FLOAT_EQ(score(*with_word, "That is a mega deal.").row("mega").valence, 2.0f);
}

TEST(CustomLexicon, PhrasesNextToBuiltInIdioms) {
  // Built-in "to die for" (3 tokens, +3) and a custom "to die" (2, -2)
  // share the head "to": the longest match wins either way.
  const auto lexicon = custom({{"to die", -2.0}, {"to die for and more", 3.5}});
  const LexiconEntry* head = lexicon->find(term_key("to"));
  ASSERT_NE(head, nullptr);
  EXPECT_TRUE(head->flags & kPhraseStart);
  EXPECT_GE(head->max_phrase_tokens, 5);
  const Scored idiom = score(*lexicon, "The cake is to die for.");
  EXPECT_GT(idiom.doc.score, 0.05);
  EXPECT_TRUE(idiom.row("to").rules & kRuleIdiom);
  EXPECT_NE(idiom.source_of("to"), kName);
  EXPECT_DOUBLE_EQ(idiom.doc.score, score_of(base(), "The cake is to die for."));
  const Scored shorter = score(*lexicon, "I do not want to die.");
  EXPECT_TRUE(shorter.row("to").rules & kRuleIdiom);
  EXPECT_EQ(shorter.source_of("to"), kName);
  const Scored shorter_alone = score(*lexicon, "We are going to die here.");
  EXPECT_LT(shorter_alone.doc.score, -0.05);
  const Scored longest = score(*lexicon, "The cake is to die for and more.");
  EXPECT_FLOAT_EQ(longest.row("to").valence, 3.5f);
  EXPECT_EQ(longest.source_of("to"), kName);
  // A custom phrase shorter than the built-in one from the same head does
  // not hide it: the head's max_phrase_tokens covers both.
  const auto short_only = custom({{"to die", -2.0}});
  EXPECT_GE(short_only->find(term_key("to"))->max_phrase_tokens, 3);
  EXPECT_DOUBLE_EQ(score_of(*short_only, "The cake is to die for."),
                   score_of(base(), "The cake is to die for."));
  EXPECT_LT(score_of(*short_only, "We are going to die here."), -0.05);
  // Overriding the built-in idiom itself.
  const auto flipped = custom({{"To Die For", -3.0}});
  const Scored f = score(*flipped, "The cake is to die for.");
  EXPECT_LT(f.doc.score, -0.05);
  EXPECT_EQ(f.source_of("to"), kName);
}

TEST(CustomLexicon, NegationAppliesToCustomWords) {
  const auto lexicon = custom({{"sick", 3.0}, {"rock solid", 3.0}});
  const Scored s = score(*lexicon, "This board is not sick.");
  EXPECT_LT(s.doc.score, -0.05);
  EXPECT_TRUE(s.row("sick").rules & kRuleNegated);
  EXPECT_LT(s.row("sick").contribution, 0.0f);
  EXPECT_LT(score_of(*lexicon, "These trucks aren't rock solid."), -0.05);
  // Boosters too.
  EXPECT_GT(score_of(*lexicon, "This board is very sick."),
            score_of(*lexicon, "This board is sick."));
}

TEST(CustomLexicon, ExplainNamesTheCustomLexicon) {
  const auto lexicon = custom({{"sick", 3.0}}, "tenant_42");
  const Scored s = score(*lexicon, "Great shop, sick boards.");
  EXPECT_TRUE(s.row("sick").rules & kRuleLexicon);
  EXPECT_EQ(s.source_of("sick"), "tenant_42");
  EXPECT_EQ(lexicon->source_licence(s.row("sick").source), "user data");
  // Built-in terms keep their built-in sources.
  const Scored b = score(base(), "Great shop, sick boards.");
  EXPECT_TRUE(s.row("Great").rules & kRuleLexicon);
  EXPECT_EQ(s.source_of("Great"), b.source_of("Great"));
  EXPECT_NE(s.source_of("Great"), "tenant_42");
  // The source table is the base's plus the custom one.
  ASSERT_EQ(lexicon->source_count(), base().source_count() + 1);
  for (std::size_t i = 0; i < base().source_count(); ++i)
    EXPECT_EQ(lexicon->source_name(static_cast<std::uint8_t>(i)),
              base().source_name(static_cast<std::uint8_t>(i)));
  EXPECT_EQ(lexicon->fallback(), &base());
  EXPECT_EQ(lexicon->language(), base().language());
}

TEST(CustomLexicon, RejectsBadTerms) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::string long_word(kMaxLookupBytes + 1, 'a');
  const std::string long_term = "good " + std::string(kMaxCustomTermBytes, ' ') + "stuff";
  struct Case {
    std::string term;
    double valence;
    std::string expect;  // in the message
  };
  const Case cases[] = {
      {"", 1, "empty"},
      {"   \t ", 1, "empty"},
      {"!!!", 1, "no word"},
      {"42", 1, "no word"},
      {"https://example.com", 1, "no word"},
      {"top 10", 1, "number"},
      {"@bob rocks", 1, "mention"},
      {"... great", 1, "punctuation"},
      {"one two three four five six seven", 1, "7 tokens"},
      {"Great. Awful", 1, "sentences"},
      {long_word, 1, "bytes"},
      {long_term, 1, "bytes long"},
      {"good", 4.01, "valence"},
      {"good", -4.5, "valence"},
      {"good", nan, "valence"},
      {"good", inf, "valence"},
      {"good", -inf, "valence"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.term);
    const std::string message = rejection({{"fine", 1.0}, {c.term, c.valence}});
    EXPECT_NE(message.find(c.expect), std::string::npos) << message;
    if (!c.term.empty() && c.term.size() < 40) {
      EXPECT_NE(message.find("\"" + c.term + "\""), std::string::npos) << message;
    }
  }
  // The limits themselves are fine.
  EXPECT_EQ(rejection({{"one two three four five six", 1}, {"good", 4}, {"bad", -4}}), "");
  EXPECT_EQ(rejection({{std::string(kMaxLookupBytes, 'a'), 1}}), "");
  EXPECT_EQ(rejection({}), "");
  // Invalid UTF-8 is reported without echoing the bad bytes.
  const std::string bad = rejection({{"fine", 1.0}, {"caf\xC3", 1.0}});
  EXPECT_NE(bad.find("#2"), std::string::npos) << bad;
  EXPECT_NE(bad.find("UTF-8"), std::string::npos) << bad;
  EXPECT_EQ(bad.find('\xC3'), std::string::npos);
  // A bad name.
  EXPECT_NE(rejection({{"good", 1}}, ""), "");
  EXPECT_NE(rejection({{"good", 1}}, "a\tb"), "");
  // The class: an input error, mapped like the core's other ones.
  EXPECT_THROW(custom({{"", 1}}), Error);
  EXPECT_THROW(custom({{"", 1}}), std::runtime_error);
}

TEST(CustomLexicon, RejectsTermsThatNormaliseAlike) {
  for (const auto& [a, b] :
       std::vector<std::pair<std::string, std::string>>{{"Sick", "SICK"},
                                                        {"sick", "#sick"},
                                                        {"not bad at all", "Not  BAD at all"},
                                                        {"überraschend", "ÜBERRASCHEND"},
                                                        {"Überraschend gut", "überraschend gut"},
                                                        {"don’t care", "don't care"},
                                                        {"👍🏽", "👍"}}) {
    SCOPED_TRACE(a + " / " + b);
    const std::string message = rejection({{a, 1.0}, {"other", 2.0}, {b, -1.0}});
    EXPECT_NE(message.find("\"" + a + "\""), std::string::npos) << message;
    EXPECT_NE(message.find("\"" + b + "\""), std::string::npos) << message;
    EXPECT_NE(message.find("same term"), std::string::npos) << message;
  }
  // Distinct terms that share tokens are fine.
  EXPECT_EQ(rejection({{"sick", 1}, {"sick board", 2}, {"board", 0}, {"so sick", 3}}), "");
}

TEST(CustomLexicon, RejectsTooManySources) {
  // Overlays of overlays add a source each; the 200th source is the last.
  std::vector<std::unique_ptr<Lexicon>> stack;
  const Lexicon* top = &base();
  while (top->source_count() < kMaxLexiconSources) {
    stack.push_back(compile_custom_lexicon(*top, "layer" + std::to_string(stack.size()),
                                           {{"sick", static_cast<double>(1 + stack.size() % 3)}},
                                           segmenter()));
    top = stack.back().get();
  }
  EXPECT_EQ(top->source_count(), kMaxLexiconSources);
  try {
    compile_custom_lexicon(*top, "one_too_many", {{"good", 1}}, segmenter());
    ADD_FAILURE() << "no InvalidTermError";
  } catch (const InvalidTermError& e) {
    EXPECT_NE(std::string(e.what()).find("sources"), std::string::npos) << e.what();
  }
  // The stack still answers: the top layer's "sick", the base's "good".
  const Scored s = score(*top, "Good and sick.");
  EXPECT_EQ(s.source_of("sick"), "layer" + std::to_string(stack.size() - 1));
  EXPECT_EQ(s.source_of("Good"), score(base(), "Good and sick.").source_of("Good"));
}

TEST(CustomLexicon, BaseIsUntouched) {
  const std::vector<std::string> texts = {
      "This board is sick!", "The plot was unpredictable.", "The cake is to die for.",
      "Not bad at all, but the wheels are wobbly.", "I LOVE it 😍 #happy"};
  std::vector<double> before;
  for (const std::string& t : texts) before.push_back(score_of(base(), t));
  const std::size_t entries = base().entry_count();
  const LexiconEntry sick = *base().find(term_key("sick"));
  {
    const auto lexicon = custom(
        {{"sick", 3}, {"unpredictable", 0}, {"to die for", -3}, {"not bad at all", 4}, {"😍", -2}});
    for (std::size_t i = 0; i < texts.size(); ++i)
      EXPECT_NE(score_of(*lexicon, texts[i]), before[i]) << texts[i];
  }
  for (std::size_t i = 0; i < texts.size(); ++i)
    EXPECT_EQ(score_of(base(), texts[i]), before[i]) << texts[i];
  EXPECT_EQ(base().entry_count(), entries);
  EXPECT_EQ(base().fallback(), nullptr);
  const LexiconEntry* after = base().find(term_key("sick"));
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(std::memcmp(after, &sick, sizeof sick), 0);
}

// Deterministic made-up words ("zkbafe", "zkdéli", ...) that no built-in
// lexicon holds; every 7th has an accented letter.
std::string made_up_word(std::size_t i) {
  static const char* const kSyllables[] = {"ba", "de", "fi", "go", "ku", "la", "me", "ni",
                                           "po", "ru", "sa", "te", "vi", "wo", "xu", "yo"};
  std::string w = i % 7 == 3 ? "zké" : "zk";
  for (std::size_t n = i + 1; n > 0; n /= 16) w += kSyllables[n % 16];
  return w;
}

TEST(CustomLexicon, TenThousandTerms) {
  // Words, and 2- and 3-word phrases of the same made-up words.
  std::vector<std::string> texts;
  std::vector<CustomTerm> terms;
  for (std::size_t i = 0; i < 10000; ++i) {
    std::string t = made_up_word(i);
    if (i % 3 >= 1) t += " " + made_up_word(i + 1);
    if (i % 3 == 2) t += " " + made_up_word(i + 2);
    texts.push_back(t);
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    double v = static_cast<double>(static_cast<int>(i * 37 % 81) - 40) / 10.0;
    if (v == 0) v = 1.5;
    terms.push_back({texts[i], v});
  }
  const auto lexicon = custom(terms);
  EXPECT_GE(lexicon->entry_count(), terms.size());
  Analyzer analyzer(*lexicon);
  segment::Segmentation seg;
  std::vector<SentenceSentiment> sentences;
  std::vector<TokenSentiment> rows;
  std::size_t found = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    // Every 5th in upper case: non-ASCII letters included.
    std::string text = texts[i];
    if (i % 5 == 0) {
      for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      for (std::size_t at; (at = text.find("é")) != std::string::npos;) text.replace(at, 2, "É");
    }
    segmenter().segment(text, seg);
    analyzer.analyze(text, seg, sentences, &rows);
    const bool ok = !rows.empty() && rows[0].valence == static_cast<float>(terms[i].valence) &&
                    lexicon->source_name(rows[0].source) == kName &&
                    (rows[0].rules & kRuleLexicon) &&
                    (texts[i].find(' ') == std::string::npos || (rows[0].rules & kRuleIdiom));
    found += ok;
    if (!ok && found + 10 > i) {
      ADD_FAILURE() << "not found: \"" << text << "\"";
    }
  }
  EXPECT_EQ(found, terms.size());
}

// Bit for bit: the double scores and every explain row.
void expect_identical(const Scored& a, const Scored& b) {
  std::uint64_t x, y;
  std::memcpy(&x, &a.doc.score, 8);
  std::memcpy(&y, &b.doc.score, 8);
  EXPECT_EQ(x, y) << a.text;
  EXPECT_EQ(a.doc.label, b.doc.label);
  EXPECT_EQ(a.doc.positive, b.doc.positive);
  EXPECT_EQ(a.doc.negative, b.doc.negative);
  EXPECT_EQ(a.doc.neutral, b.doc.neutral);
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i)
    EXPECT_EQ(std::memcmp(&a.sentences[i].sum, &b.sentences[i].sum, 8), 0) << a.text;
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const TokenSentiment &s = a.tokens[i], &t = b.tokens[i];
    const bool same = std::memcmp(&s.valence, &t.valence, 4) == 0 &&
                      std::memcmp(&s.contribution, &t.contribution, 4) == 0 && s.rules == t.rules &&
                      s.source == t.source &&
                      a.lexicon->source_name(s.source) == b.lexicon->source_name(t.source);
    EXPECT_TRUE(same) << a.text << " token " << i;
  }
}

TEST(CustomLexicon, WithoutTermsScoresTheDevSetsAsTheBase) {
  const std::string data = testing::shared_data_dir();
  if (data.empty())
    GTEST_SKIP() << "../shared/data is absent: dev-set comparison with the base lexicon skipped";
  const auto lexicon = custom({});
  EXPECT_EQ(lexicon->entry_count(), 0u);
  std::size_t texts = 0;
  for (const char* name :
       {"tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"}) {
    const std::string path = data + "/sentiment_dev/vader_groundtruth_dev/" + name + "_dev.tsv";
    std::ifstream in(path);
    if (!in) GTEST_SKIP() << path << " is absent: dev-set comparison with the base skipped";
    for (std::string line; std::getline(in, line);) {
      const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      ASSERT_NE(t2, std::string::npos) << line;
      const std::string text = line.substr(t2 + 1);
      expect_identical(score(base(), text), score(*lexicon, text));
      ++texts;
    }
  }
  EXPECT_EQ(texts, 7026u);
}

}  // namespace
}  // namespace textsense::sentiment
