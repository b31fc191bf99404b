// The sentiment engine: scores each sentence of a segmented document from
// its lexicon terms and the rules that modify them, then aggregates the
// sentences into a document score that does not saturate on long texts.
//
// Per sentence (one left-to-right pass plus bounded look-backs, so time is
// linear in the input whatever it holds):
//   * lexicon lookup of every word, emoticon, emoji and hashtag, longest
//     multi-word expression first ("kind of", "to die for", "not only");
//     elongated words retried without their repeats ("goooood" -> "good");
//   * boosters and dampers within 3 tokens before a term ("very", "a bit");
//   * negation with a scope: a negator ("not", "n't", "never", "no",
//     "without", ...) flips the terms after it until punctuation, a
//     contrast word or `negation_window` tokens; negated positives flip
//     harder than negated negatives ("not good" is negative, "not bad" only
//     mildly positive), and a booster under negation damps instead ("not
//     very good" is milder than "not good"); a negator that follows what it
//     negates (Japanese 良くない, German "Ich mag es nicht") flips the
//     nearest term before it in its clause;
//   * words the lexicon does not list are looked up by their Snowball stem
//     when the lexicon holds stems ("buenísimas" -> "buen");
//   * contrast: before "but"/"however"/"yet" counts less, after it more; a
//     concessive clause ("although ...,") counts less;
//   * emphasis: ALL-CAPS words in mixed-case text, elongations, "!" and "??".
// The sentence score is VADER's normalisation of the summed contributions,
// S / sqrt(S^2 + alpha); the document score normalises the sentences' sums
// divided by sqrt(n) for up to 4 sentences and by a divisor linear in n
// beyond, so a long text does not saturate (VADER's sum does) and a short
// one does not drown one strong sentence in neutral ones (a mean does).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/segment/segmentation.h"
#include "core/sentiment/lexicon.h"
#include "core/sentiment/stemmer.h"
#include "core/runtime/stop_signal.h"

namespace textsense::sentiment {

// The engine's constants. Defaults are VADER's where VADER has one; the
// others were chosen on the dev sets (scripts/sentiment_dev.sh).
struct Params {
  double alpha = 15.0;           // sentence normalisation S / sqrt(S^2 + alpha)
  double caps_emphasis = 0.733;  // added to |valence| of an ALL-CAPS term
  double elongation_emphasis = 0.293;
  double negated_positive = 0.74;          // "not good": -0.74 * good (VADER's N_SCALAR)
  double negated_negative = 0.5;           // "not bad": -0.5 * bad
  std::size_t negation_window = 6;         // tokens a negation reaches (also ends at punctuation)
  double amplified_negation = 1.25;        // "not ... at all"
  double before_contrast = 0.5;            // weight of what precedes "but"
  double after_contrast = 1.2;             // weight of what follows it (VADER: 1.5)
  double concessive = 0.5;                 // weight of an "although ..." clause
  double exclamation = 0.292;              // per "!", at most 4
  double question = 0.18;                  // per "?" beyond the first, at most 0.96 in all
  double length_exponent = 0.5;            // document: normalise(sum of sentences / n^this) ...
  std::size_t accumulating_sentences = 4;  // ... up to this many sentences, then a mean
  double label_threshold = 0.05;           // |score| below it: neutral
  // Multiply the pack's own weights (LexiconHeader), for experiments:
  std::size_t stem_lookup = 1;    // 0: no lookup by Snowball stem
  double stem_weight = 1.0;       // valence share of a word matched by its stem only
  double negative_weight = 1.0;   // scales negative valences
  double strong_threshold = 0.5;  // a sentence this far from 0 counts for "mixed"
};

enum class Label : std::uint8_t { kNeutral, kPositive, kNegative, kMixed };
std::string_view label_name(Label label);

// Why a token contributed what it did (sentiment_explain's rules column).
enum Rule : std::uint32_t {
  kRuleLexicon = 1u << 0,      // the token is a lexicon term with a valence
  kRuleIdiom = 1u << 1,        // ... as the head of a multi-word expression
  kRuleInPhrase = 1u << 2,     // the token belongs to a matched phrase (a role phrase: "kind of")
  kRuleEmoji = 1u << 3,        // an emoji or emoticon term
  kRuleElongated = 1u << 4,    // "goooood": looked up as "good", emphasised
  kRuleCaps = 1u << 5,         // ALL CAPS in mixed-case text: emphasised
  kRuleIntensified = 1u << 6,  // a booster before it ("very")
  kRuleDiminished = 1u << 7,   // a damper before it ("slightly")
  kRuleNegated = 1u << 8,      // inside a negation scope
  kRuleNegationAmplified = 1u << 9,  // "not ... at all"
  kRuleBeforeContrast = 1u << 10,    // before "but": weighed down
  kRuleAfterContrast = 1u << 11,     // after "but": weighed up
  kRuleConcessive = 1u << 12,        // in an "although" clause: weighed down
  kRuleExclamation = 1u << 13,       // "!" emphasis of the sentence
  kRuleQuestion = 1u << 14,          // "??" emphasis of the sentence
  kRuleNegator = 1u << 15,           // the token opens a negation scope
  kRuleBooster = 1u << 16,           // the token boosts or damps what follows
  kRuleContrast = 1u << 17,          // the token is a contrast marker
  kRuleNotSentimentUse = 1u << 18,   // "like" used as a preposition: ignored
  kRuleHashtagWords = 1u << 19,      // a hashtag scored by its words ("#best_day_ever")
};
constexpr int kRuleCount = 20;
std::string_view rule_name(int bit);

struct TokenSentiment {
  float valence = 0;       // the lexicon's valence (0 if none)
  float contribution = 0;  // what the token added to its sentence's sum
  std::uint32_t rules = 0;
  std::uint8_t source = 0;  // lexicon source of the valence
};

struct SentenceSentiment {
  double score = 0;                                // in [-1, 1]
  double sum = 0;                                  // summed contributions S
  double positive = 0, negative = 0, neutral = 0;  // VADER-style mass
  Label label = Label::kNeutral;
  bool opens_with_contrast = false;  // "But ...", "However, ..."
  // False for a sentence in a language without a lexicon in a document of
  // several languages: no score, and left out of the document's.
  bool analysed = true;
};

struct DocumentSentiment {
  double score = 0;  // in [-1, 1]
  Label label = Label::kNeutral;
  double positive = 0, negative = 0, neutral = 0;  // shares, summing to 1 (or all 0)
  std::uint32_t sentences = 0;
  std::uint32_t tokens = 0;
  // False when no sentence was analysed (all in languages without a
  // lexicon): the score means nothing and SQL shows NULL.
  bool analysed = true;
};

// Analyzer::summarize() one sentence at a time: for sentence results that
// arrive in document order but not all at once (a large document scored
// window by window), so they need not all be kept. add() every sentence in
// order, then finish(): the result is summarize()'s, bit for bit (the same
// additions in the same order).
class DocumentFold {
 public:
  explicit DocumentFold(const Params& params) : params_(params) {}
  void add(const SentenceSentiment& sentence);
  DocumentSentiment finish(std::size_t token_count);

 private:
  // Folds the held sentence, now that whether the next one opens with a
  // contrast is known.
  void fold_held(bool next_opens_with_contrast);

  const Params& params_;
  SentenceSentiment held_;  // the last sentence added, not yet folded
  std::size_t count_ = 0, analysed_ = 0;
  double sum_ = 0, positive_ = 0, negative_ = 0, neutral_ = 0;
  bool strong_positive_ = false, strong_negative_ = false;
};

class Analyzer {
 public:
  // `lexicon` must outlive the analyzer. Not thread-safe (scratch buffers):
  // one analyzer per thread, any number sharing one lexicon.
  explicit Analyzer(const Lexicon& lexicon, const Params& params = Params());

  // Scores `seg` (the segmentation of `utf8`). Fills `sentences` (one per
  // segmented sentence) and, when `tokens` is given, one TokenSentiment per
  // token. Throws CancelledError when `stop` asks for it (polled every few
  // thousand tokens).
  DocumentSentiment analyze(std::string_view utf8, const segment::Segmentation& seg,
                            std::vector<SentenceSentiment>& sentences,
                            std::vector<TokenSentiment>* tokens,
                            const runtime::StopSignal& stop = {});

  // analyze() in two steps, so the sentences of a large document can be
  // scored in parallel (one analyzer per thread) and summarized in order:
  // score_sentences() replaces `sentences` (and `tokens`) with the results
  // for `seg`; summarize() folds a document's sentence results, in document
  // order, into its score.
  void score_sentences(std::string_view utf8, const segment::Segmentation& seg,
                       std::vector<SentenceSentiment>& sentences,
                       std::vector<TokenSentiment>* tokens, const runtime::StopSignal& stop = {});
  DocumentSentiment summarize(const std::vector<SentenceSentiment>& sentences,
                              std::size_t token_count) const;

  // Scores sentence `index` of `seg` alone (a sentence of another language
  // in a mixed document); `out` receives its tokens' results.
  SentenceSentiment score_one(std::string_view utf8, const segment::Segmentation& seg,
                              std::size_t index, TokenSentiment* out);

  const Lexicon& lexicon() const { return lexicon_; }
  const Params& params() const { return params_; }

 private:
  // One token of the sentence being scored.
  struct Item {
    const LexiconEntry* entry = nullptr;  // nullptr: not a term
    std::uint64_t key = 0;                // its lookup key (term_key)
    std::uint32_t token = 0;              // index into Segmentation::tokens
    std::uint8_t phrase_tokens = 1;       // > 1: head of a matched phrase
    std::uint8_t punct = 0;               // a Punct class (sentiment_analyzer.cpp)
    std::uint8_t exclamations = 0, questions = 0;
    bool caps = false, elongated = false, covered = false, is_word = false;
    bool used = false;          // a negator or booster that acted on a term
    bool stemmed = false;       // matched by its Snowball stem, not as itself
    bool hashtag_word = false;  // one of the words of a hashtag ("#a_b")
  };
  SentenceSentiment score_sentence(std::string_view utf8, const segment::Segmentation& seg,
                                   const segment::Sentence& sentence,
                                   TokenSentiment* out);  // out[k]: k-th token of the sentence
  // The rules over items_ (look_up()'s), one result per item in `out`.
  inline SentenceSentiment score_items(TokenSentiment* out);  // inline in analyzer.cpp
  // score_sentence() of a sentence with a hashtag read as its words.
  SentenceSentiment score_with_hashtag_words(const segment::Sentence& sentence,
                                             TokenSentiment* out);
  void look_up(std::string_view utf8, const segment::Segmentation& seg,
               const segment::Sentence& sentence);
  // Looks a token of `kind` up: the lexicon, then for words the form
  // without elongation and the stem. Sets the item's entry, key and flags.
  // (Defined inline in analyzer.cpp, the only file that calls it.)
  inline void find_term(Item& item, segment::TokenKind kind, std::string_view text);
  // Whether a hashtag's text ("#a_b") holds two or more words joined by '_'.
  static bool has_hashtag_words(std::string_view text);
  // Replaces each such hashtag that is no term of its own by an item per
  // word and a clause break.
  void expand_hashtag_words(std::string_view utf8, const segment::Segmentation& seg);
  // Sums the items of a sentence with hashtag words into its tokens.
  void fold_hashtag_words(const segment::Sentence& sentence, const TokenSentiment* items,
                          TokenSentiment* tokens) const;
  // The stem entry of a word the lexicon does not list (nullptr: none).
  const LexiconEntry* find_by_stem(std::string_view form, std::uint64_t key);
  // Negators that act on what precedes them (kNegatesBefore), after the
  // forward pass has scored the sentence.
  void negate_backward(TokenSentiment* out);

  const Lexicon& lexicon_;
  Params params_;
  std::vector<Item> items_;
  std::vector<Item> expanded_;    // expand_hashtag_words()'s scratch
  bool unknown_hashtag_ = false;  // look_up() met a hashtag that is no term
  std::vector<TokenSentiment> scratch_tokens_;
  std::vector<TokenSentiment> item_out_;  // per item, when hashtags add items
  std::string form_, alt_;
  std::unique_ptr<Stemmer> stemmer_;      // the lexicon's Snowball stemmer, if it has stems
  double stem_weight_, negative_weight_;  // the pack's, times the Params'
  // Direct-mapped memo of find_by_stem() by word key (16 KB; key 0 is
  // "empty", and term_key() of a real word is 0 with probability 2^-64).
  static constexpr std::size_t kStemCacheSlots = 1024;
  struct StemCacheSlot {
    std::uint64_t key = 0;
    const LexiconEntry* entry = nullptr;
  };
  std::vector<StemCacheSlot> stem_cache_ = std::vector<StemCacheSlot>(kStemCacheSlots);
  std::uint64_t subject_keys_[32] = {};
  std::size_t subject_key_count_ = 0;
  // The profile's: a word after a hyphen that is a word of its own
  // (Portuguese "diga-me"), not the part of a compound.
  bool (*stays_after_hyphen_)(std::string_view part) = nullptr;
};

}  // namespace textsense::sentiment
