// Regression suite of the sentiment engine's rules, run against the shipped
// models/sentiment_en.model through Segmenter + Analyzer. Every case asserts
// a sign or an ordering, never an exact value, so retuning the constants
// (Params) or the lexicon keeps it green as long as the behaviour a rule
// exists for survives. One TEST per rule family; plus explain consistency,
// bounds, labels, linear time and cancellation. Needs no shared data.
//
// Cases the engine gets wrong today are kept, each in its own TEST, behind
// EXPECT_OR_KNOWN_BUG: skipped (with the input and the actual score) while
// the engine fails them, an ordinary assertion once it is fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>

#include "core/common/errors.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "scored_text.h"

namespace textsense::sentiment {
namespace {

const Lexicon& lexicon() {
  static const std::unique_ptr<Lexicon> l =
      Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  return *l;
}

using Scored = ScoredText;

segment::Segmenter& segmenter() {
  static segment::Segmenter s;
  return s;
}

Analyzer& analyzer() {
  static Analyzer a(lexicon());
  return a;
}

Scored analyze(std::string_view text) { return score_text(segmenter(), analyzer(), text); }

double score(std::string_view text) { return analyze(text).doc.score; }

std::string rules_of(const TokenSentiment& t) {
  std::string out;
  for (int bit = 0; bit < kRuleCount; ++bit) {
    if (!(t.rules & (1u << bit))) continue;
    if (!out.empty()) out += ',';
    out += rule_name(bit);
  }
  return out;
}

// Every row of an explain, for failure messages.
std::string explain(std::string_view text) {
  const Scored r = analyze(text);
  std::ostringstream out;
  out << "\"" << text << "\" scores " << r.doc.score << "\n";
  for (std::size_t i = 0; i < r.seg.tokens.size(); ++i)
    out << "  " << r.seg.tokens[i].span.text(r.text) << "\t" << r.tokens[i].valence << "\t"
        << r.tokens[i].contribution << "\t" << rules_of(r.tokens[i]) << "\n";
  return out.str();
}

#define EXPECT_POSITIVE(text) EXPECT_GT(score(text), 0) << explain(text)
#define EXPECT_NEGATIVE(text) EXPECT_LT(score(text), 0) << explain(text)
#define EXPECT_NEUTRAL(text) EXPECT_EQ(score(text), 0) << explain(text)
// score(a) < score(b)
#define EXPECT_SCORES_BELOW(a, b) EXPECT_LT(score(a), score(b)) << explain(a) << explain(b)

#define EXPECT_OR_KNOWN_BUG(condition, text)                                                  \
  do {                                                                                        \
    if (!(condition))                                                                         \
      GTEST_SKIP() << "known engine bug (reported): " #condition " fails; " << explain(text); \
    EXPECT_TRUE(condition);                                                                   \
  } while (0)

// --- negation ---

TEST(SentimentRules, Negation) {
  EXPECT_POSITIVE("not bad");
  EXPECT_NEGATIVE("not good");
  EXPECT_NEGATIVE("I don't like it");
  EXPECT_NEGATIVE("I didn\xE2\x80\x99t like it");  // typographic apostrophe
  EXPECT_EQ(score("I didn\xE2\x80\x99t like it"), score("I didn't like it"));
  EXPECT_NEGATIVE("It isn't good.");
  EXPECT_NEGATIVE("nothing good");
  EXPECT_NEGATIVE("never good");
  EXPECT_NEGATIVE("I do not think it is good");
  EXPECT_POSITIVE("no problems at all");
  EXPECT_GE(score("without doubt"), 0) << explain("without doubt");
  EXPECT_GE(score("without a doubt"), 0) << explain("without a doubt");
  EXPECT_POSITIVE("no doubt it is great");
  // "not only" does not negate.
  EXPECT_POSITIVE("not only good but also cheap");
  EXPECT_POSITIVE("It is not only good but also cheap.");
  // Negated positives flip harder than negated negatives.
  EXPECT_GT(std::fabs(score("not good")), 0);
  EXPECT_LT(score("not bad"), -score("bad")) << explain("not bad");
  EXPECT_GT(score("not good"), -score("good")) << explain("not good");
  // "at all" strengthens the negation in either direction.
  EXPECT_SCORES_BELOW("not good at all", "not good");
  EXPECT_SCORES_BELOW("not bad", "not bad at all");
  // The scope ends at punctuation: the second clause is not negated.
  EXPECT_POSITIVE("The food was not good, the service was great.");
  EXPECT_NEGATIVE("It was not good and the staff was rude.");
}

TEST(SentimentRules, NegationRow) {
  const Scored r = analyze("The room was not clean.");
  EXPECT_TRUE(r.row("not").rules & kRuleNegator) << rules_of(r.row("not"));
  EXPECT_TRUE(r.row("clean").rules & kRuleNegated) << rules_of(r.row("clean"));
  EXPECT_GT(r.row("clean").valence, 0);
  EXPECT_LT(r.row("clean").contribution, 0);
}

// "I never liked it": "liked" needs a subject right before it, and "never"
// is not one, so the verb is dropped as a non-sentiment use and the
// sentence scores 0 instead of negative.
TEST(SentimentRules, NegatedLikeAfterAnAdverb) {
  EXPECT_OR_KNOWN_BUG(score("I never liked it") < 0, "I never liked it");
}
TEST(SentimentRules, NegatedLikeWithoutSubjectWord) {
  EXPECT_OR_KNOWN_BUG(score("never liked it") < 0, "never liked it");
}
// "like" as a verb after a noun subject or an adverb is not recognised:
// "My kids liked it", "Everyone liked it", "I always liked it" score 0.
TEST(SentimentRules, LikeAfterANounSubject) {
  EXPECT_OR_KNOWN_BUG(score("My kids liked it") > 0, "My kids liked it");
}
TEST(SentimentRules, LikeAfterAnAdverb) {
  EXPECT_OR_KNOWN_BUG(score("I always liked it") > 0, "I always liked it");
}

// --- negated intensifiers and dampers ---

TEST(SentimentRules, NegatedIntensifier) {
  // "not very good" is negative, but milder than "not good".
  EXPECT_SCORES_BELOW("not good", "not very good");
  EXPECT_NEGATIVE("not very good");
  EXPECT_LT(score("It is not very good."), 0);
  // "not very bad" is at most as positive as "not bad".
  EXPECT_LE(score("It is not very bad."), score("It is not bad."))
      << explain("It is not very bad.");
  // "I don't really like it" is milder than "I don't like it".
  EXPECT_SCORES_BELOW("I don't like it", "I don't really like it");
  EXPECT_NEGATIVE("I don't really like it");
  const Scored r = analyze("not very good");
  EXPECT_TRUE(r.row("good").rules & kRuleNegated) << rules_of(r.row("good"));
  EXPECT_TRUE(r.row("very").rules & kRuleBooster) << rules_of(r.row("very"));
}

// "not slightly good": a damper under negation is turned into an
// intensifier (boost = -boost), so it scores below "not good". It should
// be no more negative than "not good".
TEST(SentimentRules, NegatedDamper) {
  EXPECT_OR_KNOWN_BUG(score("not slightly good") >= score("not good"), "not slightly good");
}

// --- boosters and dampers ---

TEST(SentimentRules, Intensifiers) {
  EXPECT_SCORES_BELOW("good", "very good");
  EXPECT_SCORES_BELOW("slightly good", "good");
  EXPECT_POSITIVE("slightly good");
  EXPECT_SCORES_BELOW("extremely bad", "bad");
  EXPECT_SCORES_BELOW("bad", "slightly bad");
  EXPECT_NEGATIVE("slightly bad");
  EXPECT_SCORES_BELOW("very good", "very very very good");
  EXPECT_SCORES_BELOW("kind of good", "good");
  EXPECT_SCORES_BELOW("a bit good", "good");
  const Scored r = analyze("The room was very clean.");
  EXPECT_TRUE(r.row("clean").rules & kRuleIntensified) << rules_of(r.row("clean"));
  const Scored d = analyze("The room was slightly dirty.");
  EXPECT_TRUE(d.row("dirty").rules & kRuleDiminished) << rules_of(d.row("dirty"));
}

// --- contrast ---

TEST(SentimentRules, Contrast) {
  EXPECT_NEGATIVE("The food was great, but the service was awful.");
  EXPECT_POSITIVE("The food was awful, but the service was great.");
  EXPECT_NEGATIVE("The food was great; however, the service was awful.");
  EXPECT_POSITIVE("The food was awful; however, the service was great.");
  EXPECT_NEGATIVE("The food was great and yet the service was awful.");
  EXPECT_NEGATIVE("The movie was good, but I hated the ending.");
  // Across sentences: "But ..." / "However, ..." opening the next one.
  EXPECT_NEGATIVE("The food was great. However, the service was awful.");
  EXPECT_POSITIVE("The food was awful. However, the service was great.");
  EXPECT_NEGATIVE("The food was great. But the service was awful.");
  // Concessive clauses count less.
  EXPECT_NEGATIVE("Although the food was great, the service was awful.");
  EXPECT_NEGATIVE("Though the food was great, the service was awful.");
  EXPECT_POSITIVE("Although the food was awful, the service was great.");
  EXPECT_POSITIVE("Good, though expensive.");

  const Scored r = analyze("The food was great, but the service was awful.");
  EXPECT_TRUE(r.row("great").rules & kRuleBeforeContrast) << rules_of(r.row("great"));
  EXPECT_TRUE(r.row("awful").rules & kRuleAfterContrast) << rules_of(r.row("awful"));
  EXPECT_TRUE(r.row("but").rules & kRuleContrast) << rules_of(r.row("but"));
  const Scored c = analyze("Although the food was great, the service was awful.");
  EXPECT_TRUE(c.row("great").rules & kRuleConcessive) << rules_of(c.row("great"));
  EXPECT_FALSE(c.row("awful").rules & kRuleConcessive) << rules_of(c.row("awful"));
}

// "yet" alone is not a contrast marker (only "and yet" is), so the clause
// before it keeps full weight and the sentence comes out positive.
TEST(SentimentRules, ContrastYet) {
  const char* text = "The food was great, yet the service was awful.";
  EXPECT_OR_KNOWN_BUG(score(text) < 0, text);
}

// --- emphasis ---

TEST(SentimentRules, AllCaps) {
  EXPECT_SCORES_BELOW("good food, great view", "GOOD food, great view");
  EXPECT_SCORES_BELOW("BAD food, awful view", "bad food, awful view");
  // A sentence written all in capitals is not emphasised word by word.
  EXPECT_EQ(score("GOOD FOOD"), score("good food"));
  const Scored r = analyze("GOOD food, great view");
  EXPECT_TRUE(r.row("GOOD").rules & kRuleCaps) << rules_of(r.row("GOOD"));
  EXPECT_SCORES_BELOW("very good food here", "VERY good food here");
}

TEST(SentimentRules, Exclamation) {
  EXPECT_SCORES_BELOW("good", "good!");
  EXPECT_SCORES_BELOW("good!", "good!!!");
  EXPECT_SCORES_BELOW("bad!!!", "bad");
  EXPECT_EQ(score("good!!!!!!!!"), score("good!!!!"));  // at most 4 count
  EXPECT_NEUTRAL("The table is brown!!!");              // emphasis of nothing is nothing
  const Scored r = analyze("good!!!");
  EXPECT_TRUE(r.row("!!!").rules & kRuleExclamation) << rules_of(r.row("!!!"));
}

TEST(SentimentRules, Question) {
  EXPECT_EQ(score("good?"), score("good"));  // one "?" is a question, not emphasis
  EXPECT_SCORES_BELOW("good", "good???");
  EXPECT_SCORES_BELOW("bad???", "bad");
  EXPECT_NEUTRAL("Is the table brown???");
}

TEST(SentimentRules, Elongation) {
  EXPECT_SCORES_BELOW("good", "goooood");
  EXPECT_POSITIVE("good");
  EXPECT_SCORES_BELOW("good", "soooo good");
  EXPECT_SCORES_BELOW("baaaad", "bad");
  const Scored r = analyze("goooood");
  EXPECT_TRUE(r.row("goooood").rules & kRuleElongated) << rules_of(r.row("goooood"));
  EXPECT_GT(r.row("goooood").valence, 0);
}

// --- emoticons and emoji ---

TEST(SentimentRules, Emoticons) {
  EXPECT_POSITIVE(":)");
  EXPECT_POSITIVE(":-)");
  EXPECT_POSITIVE("<3");
  EXPECT_NEGATIVE(":(");
  EXPECT_NEGATIVE(":'(");
  EXPECT_POSITIVE("Arrived today :)");
  EXPECT_NEGATIVE("Arrived today :(");
  const Scored r = analyze("Arrived today :)");
  EXPECT_TRUE(r.row(":)").rules & kRuleEmoji) << rules_of(r.row(":)"));
}

TEST(SentimentRules, Emoji) {
  EXPECT_POSITIVE("\xF0\x9F\x98\x8D");                  // 😍
  EXPECT_POSITIVE("\xF0\x9F\x91\x8D");                  // 👍
  EXPECT_POSITIVE("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");  // 👍🏽
  EXPECT_EQ(score("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), score("\xF0\x9F\x91\x8D"));
  EXPECT_NEGATIVE("\xF0\x9F\x98\xA1");          // 😡
  EXPECT_POSITIVE("\xE2\x9D\xA4\xEF\xB8\x8F");  // ❤️ (with FE0F)
  EXPECT_POSITIVE("Great trip \xF0\x9F\x98\x8D\xF0\x9F\x98\x8D");
  // ZWJ sequences: a family, a profession with a skin tone, a heart on
  // fire. Looked up by their first component; must not crash nor come out
  // clearly negative.
  // clang-format off
  for (const char* zwj : {"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
                          "\xE2\x80\x8D\xF0\x9F\x91\xA6",                                  // 👨‍👩‍👧‍👦
                          "\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x9A\x92",  // 👩🏽‍🚒
                          "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",                  // 👩‍💻
                          "\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x94\xA5"}) {       // ❤️‍🔥
    // clang-format on
    const Scored r = analyze(zwj);
    EXPECT_EQ(r.seg.tokens.size(), 1u) << zwj;
    EXPECT_GE(r.doc.score, -0.05) << explain(zwj);
    EXPECT_LE(r.doc.score, 1.0);
  }
}

// --- hashtags of several words ---

TEST(SentimentRules, HashtagWords) {
  // Words joined by '_' are scored as the words they are, with the rules.
  EXPECT_POSITIVE("#best_day_ever");
  EXPECT_NEGATIVE("#worst_service");
  EXPECT_NEGATIVE("#not_good");
  EXPECT_SCORES_BELOW("#good", "#very_good");
  EXPECT_NEUTRAL("#monday_morning");
  EXPECT_NEUTRAL("#_good_");  // one word: looked up whole, as before
  EXPECT_NEUTRAL("#good_");
  // A hashtag is a clause of its own: its negator does not reach past it.
  EXPECT_POSITIVE("#not_today great");
  EXPECT_EQ(score("#not_today great"), score("#not_today. great"));
  // Nothing outside joins its words either: no phrase ("kind of") across
  // its start, no compound across a hyphen on either side.
  const Scored kind = analyze("kind #of_great");
  EXPECT_FALSE(kind.row("kind").rules & kRuleInPhrase) << explain("kind #of_great");
  EXPECT_GT(kind.row("kind").valence, 0);
  EXPECT_EQ(score("great-#bad_day"), score("#bad_day-great"));
  EXPECT_NE(score("great-#bad_day"), 0) << explain("great-#bad_day");
  // Its parts are tokens of their own kind: a number is never a term (VADER
  // lists "187" and "86").
  EXPECT_NEUTRAL("#day_187");
  EXPECT_NEUTRAL("#route_86");
  // A long hashtag (over the 64-byte lookup limit as a whole) still splits.
  EXPECT_POSITIVE("#what_a_wonderful_surprise_for_everyone_who_came_to_the_party_tonight");
  const Scored r = analyze("I got #the_best_gift_ever today");
  ASSERT_EQ(r.tokens.size(), r.seg.tokens.size());
  const TokenSentiment& tag = r.row("#the_best_gift_ever");
  EXPECT_TRUE(tag.rules & kRuleHashtagWords) << rules_of(tag);
  EXPECT_TRUE(tag.rules & kRuleLexicon) << rules_of(tag);
  EXPECT_GT(tag.valence, 0);
  EXPECT_GT(tag.contribution, 0);
  EXPECT_EQ(r.row("today").rules, 0u) << rules_of(r.row("today"));
  EXPECT_NEAR(tag.contribution, r.sentences[0].sum, 1e-4)
      << explain("I got #the_best_gift_ever today");
}

// --- idioms and multi-word expressions ---

TEST(SentimentRules, Idioms) {
  EXPECT_POSITIVE("to die for");
  EXPECT_POSITIVE("The chocolate cake is to die for.");
  EXPECT_NEGATIVE("I could die.");  // "die" alone stays negative
  EXPECT_NEGATIVE("waste of money");
  EXPECT_NEGATIVE("This blender was a waste of money.");
  EXPECT_SCORES_BELOW("kind of good", "good");
  EXPECT_POSITIVE("kind of good");
  EXPECT_NEUTRAL("looks like rain");
  EXPECT_NEUTRAL("It looks like rain.");
  EXPECT_POSITIVE("I like it");
  EXPECT_POSITIVE("I really like it");
  EXPECT_POSITIVE("Looks like a good deal.");
  EXPECT_POSITIVE("I would highly recommend it.");
  EXPECT_NEUTRAL("Good morning, the bus stop is over there.");

  const Scored r = analyze("The chocolate cake is to die for.");
  EXPECT_TRUE(r.row("to").rules & kRuleIdiom) << rules_of(r.row("to"));
  EXPECT_TRUE(r.row("die").rules & kRuleInPhrase) << rules_of(r.row("die"));
  EXPECT_EQ(r.row("die").contribution, 0);
  const Scored l = analyze("It looks like rain.");
  EXPECT_EQ(l.row("like").contribution, 0);
  EXPECT_TRUE(l.row("like").rules & kRuleNotSentimentUse) << rules_of(l.row("like"));
}

// --- documents ---

// Twenty neutral sentences (a few words carry a tiny lexicon valence).
const char* const kNeutralReview =
    "We arrived at the hotel on a Tuesday afternoon. The reception desk is on the ground floor. "
    "Our room was on the fourth floor. The elevator is next to the stairs. The room had two beds "
    "and a desk. There is a window facing the street. Breakfast is served from seven to ten. The "
    "restaurant is next to the lobby. We took the bus to the city centre. The bus stop is five "
    "minutes away. The museum opens at nine in the morning. We visited the old town on the "
    "second day. The train station is a short walk from the hotel. Check-out is at eleven. We "
    "left our bags at the reception. The taxi to the airport took forty minutes. The hotel has a "
    "parking garage. The room key is a plastic card. The bathroom has a shower and a bathtub. "
    "The hotel has about eighty rooms.";

const char* const kPositiveReview =
    "The staff were wonderful and friendly. The room was clean and comfortable. Breakfast was "
    "delicious. The view was amazing. We loved the location. The pool was great. Everything was "
    "perfect. We had a fantastic time. The bed was very comfortable. I would highly recommend "
    "this hotel.";

TEST(SentimentRules, LongDocumentsDoNotSaturate) {
  const std::string mild = std::string(kNeutralReview) + " The shower was a bit cold.";
  const Scored m = analyze(mild);
  EXPECT_EQ(m.doc.sentences, 21u);
  EXPECT_LT(m.doc.score, 0) << explain(mild);
  EXPECT_GT(m.doc.score, -0.3) << explain(mild);
  // ... and the complaint alone is stronger than the review that holds it.
  EXPECT_LT(score("The shower was a bit cold."), m.doc.score);

  EXPECT_GT(score(kPositiveReview), 0.5);
  std::string longer;
  for (int i = 0; i < 10; ++i) longer += std::string(kPositiveReview) + " ";
  const double s = score(longer);
  EXPECT_GT(s, 0.5);
  EXPECT_LE(s, 1.0);
  // A long negative review with one positive sentence stays negative.
  EXPECT_NEGATIVE(std::string(kNeutralReview) +
                  " The room was dirty. The staff was rude. The food was awful. The pool was "
                  "nice.");
}

TEST(SentimentRules, DoneWhenSentence) {
  const char* text = "The food was not bad at all, but the service was painfully slow.";
  const Scored r = analyze(text);
  EXPECT_LT(r.doc.score, 0) << explain(text);
  EXPECT_GT(r.doc.score, -0.9) << explain(text);
  EXPECT_EQ(r.doc.label, Label::kNegative);
  EXPECT_TRUE(r.row("not").rules & kRuleNegator) << rules_of(r.row("not"));
  const std::uint32_t bad = r.row("bad").rules;
  EXPECT_TRUE(bad & (kRuleNegated | kRuleIdiom)) << rules_of(r.row("bad"));
  EXPECT_GT(r.row("bad").contribution, 0);  // "not bad": mildly positive
  EXPECT_TRUE(bad & kRuleBeforeContrast) << rules_of(r.row("bad"));
  EXPECT_TRUE(r.row("slow").rules & kRuleAfterContrast) << rules_of(r.row("slow"));
  EXPECT_TRUE(r.row("slow").rules & kRuleIntensified) << rules_of(r.row("slow"));
  EXPECT_LT(r.row("slow").contribution, 0);
}

// --- explain consistency, bounds, labels ---

const char* const kAssorted[] = {
    "good",
    "#not_good_at_all but #best_day_ever!! #so_very_happy",
    "The food was not bad at all, but the service was painfully slow.",
    "GOOD food, great view!!!",
    "Is it good???",
    "The food was great. However, the service was awful!",
    "Although the food was great, the service was awful.",
    "not very good",
    "I don't really like it :(",
    "soooo goooood \xF0\x9F\x98\x8D\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
    "It looks like rain.",
    "The chocolate cake is to die for.",
    "This blender was a waste of money. Never again!",
    "not not not not good good good bad bad bad",
    "!!!!!!!!!!?????????",
    "BAD BAD BAD terrible TERRIBLE horrible!!!!",
    "very very very very very very very very very very very very good",
    kNeutralReview,
    kPositiveReview,
};

TEST(SentimentRules, ExplainContributionsAddUpToSentenceSums) {
  for (const char* text : kAssorted) {
    const Scored r = analyze(text);
    ASSERT_EQ(r.tokens.size(), r.seg.tokens.size());
    ASSERT_EQ(r.sentences.size(), r.seg.sentences.size());
    for (std::size_t s = 0; s < r.sentences.size(); ++s) {
      const segment::Sentence& sentence = r.seg.sentences[s];
      double sum = 0;
      for (std::uint32_t k = 0; k < sentence.token_count; ++k)
        sum += r.tokens[sentence.first_token + k].contribution;
      EXPECT_NEAR(sum, r.sentences[s].sum, 1e-4) << "sentence " << s << " of " << explain(text);
    }
    // Without explain rows the scores are the same.
    std::vector<SentenceSentiment> plain;
    const DocumentSentiment d = analyzer().analyze(r.text, r.seg, plain, nullptr);
    EXPECT_EQ(d.score, r.doc.score) << text;
    ASSERT_EQ(plain.size(), r.sentences.size());
    for (std::size_t s = 0; s < plain.size(); ++s) EXPECT_EQ(plain[s].sum, r.sentences[s].sum);
  }
}

TEST(SentimentRules, ScoresAreBoundedAndShapesConsistent) {
  for (const char* text : kAssorted) {
    const Scored r = analyze(text);
    EXPECT_GE(r.doc.score, -1.0) << text;
    EXPECT_LE(r.doc.score, 1.0) << text;
    EXPECT_TRUE(std::isfinite(r.doc.score)) << text;
    for (const SentenceSentiment& s : r.sentences) {
      EXPECT_GE(s.score, -1.0) << text;
      EXPECT_LE(s.score, 1.0) << text;
      EXPECT_EQ(s.score > 0, s.sum > 0) << text;
      EXPECT_EQ(s.score < 0, s.sum < 0) << text;
    }
    EXPECT_EQ(r.doc.sentences, r.seg.sentences.size());
    EXPECT_EQ(r.doc.tokens, r.seg.tokens.size());
    const double shares = r.doc.positive + r.doc.negative + r.doc.neutral;
    if (shares != 0) {
      EXPECT_NEAR(shares, 1.0, 1e-9) << text;
    }
    for (double v : {r.doc.positive, r.doc.negative, r.doc.neutral}) {
      EXPECT_GE(v, 0) << text;
      EXPECT_LE(v, 1) << text;
    }
  }
  // A huge emphatic text stays within bounds too.
  std::string huge;
  for (int i = 0; i < 2000; ++i) huge += "EXCELLENT!!!! ";
  const double s = score(huge);
  EXPECT_LE(s, 1.0);
  EXPECT_GT(s, 0.5);
  huge.clear();
  for (int i = 0; i < 2000; ++i) huge += "worst worst WORST terrible!!!! ";
  EXPECT_GE(score(huge), -1.0);
  EXPECT_LT(score(huge), -0.5);
}

// Random mixtures of every rule's trigger words: bounded, finite scores;
// explain rows that add up; the same score without explain rows.
TEST(SentimentRules, RandomMixturesOfRuleTriggers) {
  // clang-format off
  const char* const vocabulary[] = {
      "not", "n't", "never", "no", "without", "nothing", "very", "slightly", "kind", "of",
      "sort", "a", "bit", "to", "die", "for", "at", "all", "whatsoever", "in", "the", "least",
      "but", "however", "although", "though", "yet", "and", "which", ",", ".", "!", "?", "!!!",
      "???", "?!", ";", "GOOD", "good", "bad", "BAD", "goooood", "soooo", "great", "awful",
      "like", "I", "it", "waste", "money", "pretty", "much", ":)", ":(", ":D", "<3", "-", "'",
      "\"", "\xF0\x9F\x98\x8D", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
      "\xF0\x9F\x98\xA1",
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
      "self-indulgent", "#happy", "@bob", "https://x.org/a", "1,000", "don't",
      "isn\xE2\x80\x99t", "only", "just", "doubt", "recommend", "highly", "would"};
  // clang-format on
  constexpr std::size_t kWords = sizeof vocabulary / sizeof vocabulary[0];
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state](std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t words = 1 + next(40);
    for (std::size_t w = 0; w < words; ++w) {
      if (w > 0 && next(5) != 0) text += ' ';
      text += vocabulary[next(kWords)];
    }
    const Scored r = analyze(text);
    ASSERT_TRUE(std::isfinite(r.doc.score)) << text;
    ASSERT_GE(r.doc.score, -1.0) << text;
    ASSERT_LE(r.doc.score, 1.0) << text;
    for (std::size_t s = 0; s < r.sentences.size(); ++s) {
      const segment::Sentence& sentence = r.seg.sentences[s];
      double sum = 0;
      for (std::uint32_t k = 0; k < sentence.token_count; ++k) {
        const TokenSentiment& t = r.tokens[sentence.first_token + k];
        ASSERT_TRUE(std::isfinite(t.contribution)) << text;
        ASSERT_EQ(t.rules >> kRuleCount, 0u) << text;
        sum += t.contribution;
      }
      ASSERT_NEAR(sum, r.sentences[s].sum, 1e-4) << explain(text);
      ASSERT_GE(r.sentences[s].score, -1.0) << text;
      ASSERT_LE(r.sentences[s].score, 1.0) << text;
    }
    std::vector<SentenceSentiment> plain;
    ASSERT_EQ(analyzer().analyze(r.text, r.seg, plain, nullptr).score, r.doc.score) << text;
  }
}

TEST(SentimentRules, EmptyTextIsNeutralWithNoSentences) {
  for (const char* text : {"", "   ", "\n\t \n"}) {
    const Scored r = analyze(text);
    EXPECT_EQ(r.doc.score, 0) << '"' << text << '"';
    EXPECT_EQ(r.doc.sentences, 0u);
    EXPECT_EQ(r.doc.tokens, 0u);
    EXPECT_EQ(r.doc.label, Label::kNeutral);
    EXPECT_TRUE(r.sentences.empty());
    EXPECT_EQ(r.doc.positive + r.doc.negative + r.doc.neutral, 0);
  }
}

TEST(SentimentRules, Labels) {
  EXPECT_EQ(analyze("This hotel is wonderful.").doc.label, Label::kPositive);
  EXPECT_EQ(analyze("This hotel is horrible.").doc.label, Label::kNegative);
  EXPECT_EQ(analyze("The table is brown.").doc.label, Label::kNeutral);
  const char* mixed = "The food was absolutely amazing! The service was absolutely horrible!";
  EXPECT_EQ(analyze(mixed).doc.label, Label::kMixed) << explain(mixed);
  // Sentence labels follow their scores.
  const Scored r = analyze("Great view. The table is brown. Awful food.");
  ASSERT_EQ(r.sentences.size(), 3u);
  EXPECT_EQ(r.sentences[0].label, Label::kPositive);
  EXPECT_EQ(r.sentences[1].label, Label::kNeutral);
  EXPECT_EQ(r.sentences[2].label, Label::kNegative);
  EXPECT_EQ(label_name(Label::kPositive), "positive");
  EXPECT_EQ(label_name(Label::kNegative), "negative");
  EXPECT_EQ(label_name(Label::kNeutral), "neutral");
  EXPECT_EQ(label_name(Label::kMixed), "mixed");
  for (int bit = 0; bit < kRuleCount; ++bit) EXPECT_NE(rule_name(bit), "?") << bit;
  EXPECT_EQ(rule_name(kRuleCount), "?");
  EXPECT_EQ(rule_name(-1), "?");
}

TEST(SentimentRules, AnalyzerStateDoesNotLeakBetweenCalls) {
  const double a = score("The food was not bad at all, but the service was painfully slow.");
  score(kPositiveReview);
  score("GOOD food, great view!!! \xF0\x9F\x98\x8D");
  score("");
  EXPECT_EQ(score("The food was not bad at all, but the service was painfully slow."), a);
  Analyzer fresh(lexicon());
  const Scored r = analyze("not very good at all");
  std::vector<SentenceSentiment> sentences;
  EXPECT_EQ(fresh.analyze(r.text, r.seg, sentences, nullptr).score, r.doc.score);
}

// --- linear time and cancellation ---

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() + unit.size() <= bytes) out += unit;
  return out;
}

// CPU seconds of this thread: unlike wall time, not inflated when ctest -j
// or other work on the machine preempts the test.
double thread_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU seconds of one analysis of an already segmented text.
double analyze_seconds(const std::string& text, const segment::Segmentation& seg) {
  std::vector<SentenceSentiment> sentences;
  const double t0 = thread_seconds();
  const DocumentSentiment d = analyzer().analyze(text, seg, sentences, nullptr);
  const double t1 = thread_seconds();
  EXPECT_TRUE(std::isfinite(d.score));
  return t1 - t0;
}

#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
constexpr double kSlowBuild = 1;
#else
constexpr double kSlowBuild = 10;  // Debug or sanitizer builds
#endif

// Segments and scores `bytes` of `unit` repeated within `bound_seconds`;
// then checks that scoring twice the text takes about twice the time. The
// ratio is measured from 2 MB up, where the engine's working set (tokens,
// per-token scratch) no longer fits in the caches at either size, so that
// a cache cliff between the two sizes is not mistaken for superlinear work.
void expect_linear(std::string_view unit, std::size_t bytes, double bound_seconds) {
  const std::string text = repeat(unit, bytes);
  segment::Segmentation seg;
  const auto t0 = std::chrono::steady_clock::now();
  segmenter().segment(text, seg);
  std::vector<SentenceSentiment> sentences;
  const double s = analyzer().analyze(text, seg, sentences, nullptr).score;
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(s, -1.0);
  EXPECT_LE(s, 1.0);
  EXPECT_LT(total, bound_seconds * kSlowBuild) << "segment + analyze of " << bytes << " bytes";

  const std::size_t base = std::max<std::size_t>(bytes, 2u << 20);
  const std::string small = repeat(unit, base);
  const std::string large = repeat(unit, 2 * base);
  segment::Segmentation seg_small, seg_large;
  segmenter().segment(small, seg_small);
  segmenter().segment(large, seg_large);
  // Interleaved, best of seven each: a busy machine (caches shared with
  // other processes) slows runs, never speeds them up.
  double t_small = 1e9, t_large = 1e9;
  for (int i = 0; i < 7; ++i) {
    t_small = std::min(t_small, analyze_seconds(small, seg_small));
    t_large = std::min(t_large, analyze_seconds(large, seg_large));
  }
  const double ratio = t_large / std::max(t_small, 1e-6);
  std::printf(
      "\"%.*s\" x %zu bytes: %zu tokens, %zu sentences, segment+analyze %.3f s; "
      "analyze of %zu bytes %.4f s, of twice that %.4f s (ratio %.2f)\n",
      static_cast<int>(unit.size()), unit.data(), bytes, seg.tokens.size(), seg.sentences.size(),
      total, base, t_small, t_large, ratio);
  EXPECT_LT(ratio, 3.0) << "analyze time is not linear in the input";
}

TEST(SentimentRules, LinearTimeOnEmoticonHeavyDocument) {
  expect_linear(":) :( :-) <3 ", 2u << 20, 2.0);
}

TEST(SentimentRules, LinearTimeOnOneHugeSentence) {
  expect_linear("not very good ", 1u << 20, 2.0);
}

TEST(SentimentRules, LinearTimeOnManyPhraseHeads) {
  // Every token starts a phrase that never completes.
  expect_linear("kind to not at the ", 1u << 20, 2.0);
}

TEST(SentimentRules, LinearTimeOnHashtagsOfWords) {
  // Each hashtag becomes several items, a clause break and a fold.
  expect_linear("#not_very_good_kind_of_to ", 1u << 20, 2.0);
}

struct CountingStop {
  int polls = 0;
  int stop_at = 0;  // stop on this poll (1-based); 0: never
  static bool poll(void* self) {
    auto* s = static_cast<CountingStop*>(self);
    ++s->polls;
    return s->stop_at != 0 && s->polls >= s->stop_at;
  }
  runtime::StopSignal signal() { return runtime::StopSignal{&CountingStop::poll, this}; }
};

TEST(SentimentRules, StopSignalCancelsLargeDocuments) {
  const std::string many = repeat("The food was good. The service was slow! ", 1u << 20);
  const std::string one = repeat("not very good ", 1u << 20);
  for (const std::string* text : {&many, &one}) {
    segment::Segmentation seg;
    segmenter().segment(*text, seg);
    std::vector<SentenceSentiment> sentences;
    std::vector<TokenSentiment> tokens;
    CountingStop always{0, 1};
    EXPECT_THROW(analyzer().analyze(*text, seg, sentences, nullptr, always.signal()),
                 CancelledError);
    EXPECT_EQ(always.polls, 1);
    CountingStop always_explain{0, 1};
    EXPECT_THROW(analyzer().analyze(*text, seg, sentences, &tokens, always_explain.signal()),
                 CancelledError);
    // A signal that never fires is polled now and then, not per token, and
    // changes nothing.
    CountingStop never;
    const double with = analyzer().analyze(*text, seg, sentences, nullptr, never.signal()).score;
    const double without = analyzer().analyze(*text, seg, sentences, nullptr).score;
    EXPECT_EQ(with, without);
    EXPECT_GE(never.polls, 1);
    EXPECT_LE(static_cast<std::size_t>(never.polls), seg.tokens.size() / 1000 + 1);
  }
  // Stopping late in a document of many sentences: still a throw, not a
  // partial result; and the analyzer works normally afterwards.
  segment::Segmentation seg;
  segmenter().segment(many, seg);
  std::vector<SentenceSentiment> sentences;
  CountingStop late{0, 10};
  EXPECT_THROW(analyzer().analyze(many, seg, sentences, nullptr, late.signal()), CancelledError);
  EXPECT_EQ(late.polls, 10);
  EXPECT_POSITIVE("The food was good.");
}

}  // namespace
}  // namespace textsense::sentiment
