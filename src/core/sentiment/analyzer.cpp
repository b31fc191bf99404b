#include "core/sentiment/analyzer.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/common/errors.h"
#include "core/lang/profile.h"
#include "core/segment/token_classifier.h"
#include "core/sentiment/text.h"

namespace textsense::sentiment {
namespace {

// Punctuation classes that matter to the rules.
enum Punct : std::uint8_t { kNotPunct, kClauseBreak, kComma };

constexpr double kBoosterDecay[3] = {1.0, 0.95, 0.9};  // VADER's, by distance
constexpr std::size_t kStopPollTokens = 4096;
constexpr int kMaxExclamations = 4;


double sign(double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); }

double normalize(double sum, double alpha) {
  const double score = sum / std::sqrt(sum * sum + alpha);
  return std::clamp(score, -1.0, 1.0);
}

Label label_of(double score, double threshold) {
  if (score >= threshold) return Label::kPositive;
  if (score <= -threshold) return Label::kNegative;
  return Label::kNeutral;
}

}  // namespace


std::string_view label_name(Label label) {
  switch (label) {
    case Label::kPositive: return "positive";
    case Label::kNegative: return "negative";
    case Label::kMixed: return "mixed";
    case Label::kNeutral: break;
  }
  return "neutral";
}

std::string_view rule_name(int bit) {
  static constexpr std::string_view kNames[kRuleCount] = {"lexicon",           "idiom",
                                                          "in_phrase",         "emoji",
                                                          "elongated",         "all_caps",
                                                          "intensified",       "diminished",
                                                          "negated",           "negation_amplified",
                                                          "before_contrast",   "after_contrast",
                                                          "concessive_clause", "exclamation",
                                                          "question",          "negator",
                                                          "booster",           "contrast",
                                                          "not_sentiment_use", "hashtag_words"};
  return bit >= 0 && bit < kRuleCount ? kNames[bit] : std::string_view("?");
}

Analyzer::Analyzer(const Lexicon& lexicon, const Params& params)
    : lexicon_(lexicon),
      params_(params),
      stem_weight_(lexicon.stem_weight() * params.stem_weight),
      negative_weight_(lexicon.negative_weight() * params.negative_weight) {
  // The "like" rule's subjects come from the lexicon's language profile
  // (English only): a term flagged kNeedsSubject in another language's
  // lexicon has no subjects, so it never counts.
  const lang::Profile& profile = lang::profile_for(lexicon.language());
  for (std::size_t i = 0; i < profile.like_subject_count && i < std::size(subject_keys_); ++i)
    subject_keys_[subject_key_count_++] = term_key(profile.like_subjects[i]);
  stays_after_hyphen_ = profile.stays_after_hyphen;
  if (!lexicon.stemmer().empty() && params.stem_lookup != 0)
    stemmer_ = std::make_unique<Stemmer>(lexicon.stemmer());
}

const LexiconEntry* Analyzer::find_by_stem(std::string_view form, std::uint64_t key) {
  // Most words that miss the lexicon are the same few function words
  // ("de", "la", "und"): stemming each of them every time was a sixth of
  // a Spanish text's cost, so the answer for a word is kept, by its key.
  StemCacheSlot& slot = stem_cache_[key & (kStemCacheSlots - 1)];
  if (slot.key == key) return slot.entry;
  const std::string_view stem = stemmer_->stem(form);
  const LexiconEntry* entry = stem.empty() ? nullptr : lexicon_.find(stem_key(term_key(stem)));
  slot = StemCacheSlot{key, entry};
  return entry;
}

// Inlined into look_up(), the hot loop (a call per token cost English tweets
// 8 %).
[[gnu::always_inline]] inline void Analyzer::find_term(Item& item, segment::TokenKind kind,
                                                       std::string_view text) {
  const bool looked_up = kind == segment::TokenKind::kWord || kind == segment::TokenKind::kSymbol ||
                         kind == segment::TokenKind::kHashtag ||
                         kind == segment::TokenKind::kEmoji ||
                         kind == segment::TokenKind::kEmoticon;
  // Punctuation is only hashed (phrases such as "still ," end in it);
  // numbers, URLs, e-mail addresses and mentions are never terms.
  if ((!looked_up && kind != segment::TokenKind::kPunctuation) || text.size() > kMaxLookupBytes) {
    // A hashtag too long to be a term may still be words joined by '_'.
    unknown_hashtag_ |= kind == segment::TokenKind::kHashtag;
    return;
  }
  Casing casing;
  const std::string_view form = primary_form(kind, text, form_, casing);
  item.caps = casing.all_caps;
  item.key = term_key(form);
  if (!looked_up) return;
  item.entry = lexicon_.find(item.key);
  if (item.entry == nullptr && kind == segment::TokenKind::kEmoji &&
      first_zwj_component(text, alt_)) {
    item.key = term_key(alt_);
    item.entry = lexicon_.find(item.key);
  }
  if (kind == segment::TokenKind::kEmoji || kind == segment::TokenKind::kEmoticon) return;
  // "goooood" -> "good", "soooo" -> "soo" -> "so".
  for (std::size_t keep = 2; item.entry == nullptr && keep >= 1; --keep) {
    if (!collapse_elongation(form, keep, alt_, casing.ascii)) break;
    const std::uint64_t key = term_key(alt_);
    if (const LexiconEntry* e = lexicon_.find(key)) {
      item.entry = e;
      item.key = key;
      item.elongated = true;
    }
  }
  // An inflected form the lexicon does not list, by its stem. The item
  // keeps its own key: phrases and the "like" rule match surface words.
  if (item.entry == nullptr && stemmer_ != nullptr && kind == segment::TokenKind::kWord) {
    item.entry = find_by_stem(form, item.key);
    item.stemmed = item.entry != nullptr;
  }
  // A hashtag the lexicon does not list may be words joined by '_'.
  if (item.entry == nullptr && kind == segment::TokenKind::kHashtag) unknown_hashtag_ = true;
}

bool Analyzer::has_hashtag_words(std::string_view text) {
  std::size_t words = 0;
  for (std::string_view rest = text.substr(1); !rest.empty() && words < 2;) {
    const std::size_t cut = std::min(rest.find('_'), rest.size());
    words += cut > 0;
    rest.remove_prefix(std::min(cut + 1, rest.size()));
  }
  return words >= 2;  // two words need a '_' between them
}

[[gnu::cold, gnu::noinline]] void Analyzer::expand_hashtag_words(std::string_view utf8,
                                                                 const segment::Segmentation& seg) {
  // "#ألف_مبروك", "#mi_peor_pesadilla": words joined by '_' (a hashtag
  // cannot hold a space) are read as the words they are, in order, so the
  // rules apply to them as to any words; a hashtag the lexicon lists
  // whole keeps its own value. docs/languages.md, "hashtags". Rare, so the
  // items are rebuilt only for a sentence that has such a hashtag.
  unknown_hashtag_ = false;
  const auto with_words = [&](const Item& item) {
    const segment::Token& token = seg.tokens[item.token];
    return item.entry == nullptr && token.kind == segment::TokenKind::kHashtag &&
           has_hashtag_words(token.span.text(utf8));
  };
  if (std::none_of(items_.begin(), items_.end(), with_words)) return;
  expanded_.clear();
  for (const Item& item : items_) {
    const segment::Token& token = seg.tokens[item.token];
    const std::string_view text = token.span.text(utf8);
    if (!with_words(item)) {
      expanded_.push_back(item);
      continue;
    }
    // The hashtag is a clause of its own: a negator or booster among its
    // words acts within it ("#no_me_gusta"), and nothing outside it joins
    // its words (no phrase, negation or booster across its edges).
    const auto clause_break = [&] {
      Item& edge = expanded_.emplace_back();
      edge.token = item.token;
      edge.punct = kClauseBreak;
    };
    clause_break();
    for (std::string_view rest = text.substr(1); !rest.empty();) {
      const std::size_t cut = std::min(rest.find('_'), rest.size());
      if (cut > 0) {
        // Each part as the token it would be on its own: "#day_187" has a
        // word and a number, and a number is never a term.
        const std::string_view part = rest.substr(0, cut);
        const segment::TokenKind kind = segment::classify_segment(part);
        Item& word = expanded_.emplace_back();
        word.token = item.token;
        word.is_word = kind != segment::TokenKind::kPunctuation;
        word.hashtag_word = true;
        find_term(word, kind, part);
      }
      rest.remove_prefix(std::min(cut + 1, rest.size()));
    }
    clause_break();
  }
  items_.swap(expanded_);
}

[[gnu::noinline]] void Analyzer::look_up(std::string_view utf8, const segment::Segmentation& seg,
                                         const segment::Sentence& sentence) {
  items_.resize(sentence.token_count);
  // Whether the passes below can change anything: most sentences have no
  // phrase's first word and no hyphen between words. Skipping them then,
  // and the passes of score_items() for roles no term of the sentence
  // has, took an English tweet from 15,694 to 14,841 instructions
  // (bench/auto_language_cost.sh).
  bool has_hyphen = false;
  std::uint16_t flags = 0;
  for (std::uint32_t k = 0; k < sentence.token_count; ++k) {
    Item& item = items_[k];
    item = Item();
    item.token = sentence.first_token + k;
    const segment::Token& token = seg.tokens[item.token];
    const std::string_view text = token.span.text(utf8);
    if (token.kind == segment::TokenKind::kPunctuation) {
      for (char c : text) {
        item.exclamations += c == '!';
        item.questions += c == '?';
      }
      item.punct = text == "," ? kComma : kClauseBreak;
      has_hyphen |= text == "-";
      if (text == "'" || text == "-" || text == "\"") item.punct = kNotPunct;
    }
    item.is_word = token.kind != segment::TokenKind::kPunctuation;
    find_term(item, token.kind, text);
    if (item.entry != nullptr) flags |= item.entry->flags;
  }
  if (unknown_hashtag_) {
    expand_hashtag_words(utf8, seg);
    flags = kPhraseStart;  // the words of a hashtag: look at them all
  }
  const std::size_t n = items_.size();
  // Multi-word expressions, longest match first, left to right.
  for (std::size_t i = 0; i < n && (flags & kPhraseStart); ++i) {
    Item& head = items_[i];
    if (head.entry == nullptr || !(head.entry->flags & kPhraseStart)) continue;
    const std::size_t longest = std::min<std::size_t>(head.entry->max_phrase_tokens, n - i);
    std::uint64_t key = head.key;
    const LexiconEntry* match = nullptr;
    std::size_t match_len = 0;
    for (std::size_t len = 2; len <= longest; ++len) {
      key = phrase_key(key, items_[i + len - 1].key);
      if (const LexiconEntry* e = lexicon_.find(key)) {
        match = e;
        match_len = len;
      }
    }
    if (match == nullptr) continue;
    head.entry = match;
    head.phrase_tokens = static_cast<std::uint8_t>(match_len);
    for (std::size_t j = 1; j < match_len; ++j) items_[i + j].covered = true;
    i += match_len - 1;
  }
  // The parts of a hyphenated compound ("mock-ups", "self-indulgent") are
  // not words of their own: only a compound the lexicon lists scores. A
  // verb and its enclitic pronoun (Portuguese "odeio-o") are two words.
  for (std::size_t i = 0; has_hyphen && i + 2 < n; ++i) {
    const segment::Span& left = seg.tokens[items_[i].token].span;
    const segment::Span& dash = seg.tokens[items_[i + 1].token].span;
    const segment::Span& right = seg.tokens[items_[i + 2].token].span;
    if (left.byte_end() != dash.byte_begin || dash.byte_end() != right.byte_begin ||
        dash.text(utf8) != "-" || !items_[i].is_word || !items_[i + 2].is_word ||
        items_[i].hashtag_word || items_[i + 2].hashtag_word ||
        (stays_after_hyphen_ != nullptr && stays_after_hyphen_(right.text(utf8))))
      continue;
    for (std::size_t part : {i, i + 2})
      if (!items_[part].covered && items_[part].phrase_tokens == 1) items_[part].entry = nullptr;
  }
}

SentenceSentiment Analyzer::score_sentence(std::string_view utf8, const segment::Segmentation& seg,
                                           const segment::Sentence& sentence, TokenSentiment* out) {
  look_up(utf8, seg, sentence);
  if (items_.size() == sentence.token_count) return score_items(out);
  return score_with_hashtag_words(sentence, out);
}

[[gnu::cold, gnu::noinline]] SentenceSentiment Analyzer::score_with_hashtag_words(
    const segment::Sentence& sentence, TokenSentiment* out) {
  // A hashtag read as its words has an item per word: the items are
  // scored in a buffer of their own and folded into their tokens.
  if (item_out_.size() < items_.size()) item_out_.resize(items_.size());
  const SentenceSentiment result = score_items(item_out_.data());
  fold_hashtag_words(sentence, item_out_.data(), out);
  return result;
}

// Inlined into both callers: as a call of its own it cost English tweets
// 3 % (the common caller's copy is the one that runs).
[[gnu::always_inline]] inline SentenceSentiment Analyzer::score_items(TokenSentiment* out) {
  const std::size_t n = items_.size();
  SentenceSentiment result;

  // Emphasis by capitals counts only when the sentence mixes cases.
  std::size_t words_with_letters = 0, caps_words = 0;
  std::ptrdiff_t contrast_at = -1;
  int exclamations = 0, questions = 0;
  std::uint16_t roles = 0;  // the flags of the terms (not covered by a phrase)
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = items_[i];
    words_with_letters += it.is_word;
    caps_words += it.caps;
    exclamations += it.exclamations;
    questions += it.questions;
    if (it.covered || it.entry == nullptr) continue;
    roles |= it.entry->flags;
    if (it.entry->flags & kContrastBefore) contrast_at = static_cast<std::ptrdiff_t>(i);
  }
  const bool mixed_case = caps_words > 0 && caps_words < words_with_letters;
  for (std::size_t i = 0; i < n; ++i) {
    if (items_[i].punct != kNotPunct) continue;
    result.opens_with_contrast = items_[i].entry != nullptr &&
                                 (items_[i].entry->flags & kContrastBefore) && !items_[i].covered;
    break;
  }

  std::size_t negation_left = 0;  // tokens the current negation still reaches
  std::ptrdiff_t last_negated = -1;
  std::ptrdiff_t negator_at = -1;  // the negator whose scope is open
  bool in_concessive = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = items_[i];
    TokenSentiment& t = out[i];
    t = TokenSentiment();
    if (it.covered) {
      t.rules = kRuleInPhrase;
      continue;
    }
    if (it.punct != kNotPunct) {
      negation_left = 0;
      last_negated = -1;
      if (it.punct == kComma) in_concessive = false;
      continue;
    }
    const std::uint16_t flags = it.entry != nullptr ? it.entry->flags : 0;
    // A matched phrase is an idiom when it carries a valence ("to die
    // for"); a phrase with only a role ("kind of", "at all") is marked as a
    // phrase.
    if (it.phrase_tokens > 1) t.rules |= (flags & kIdiom) ? kRuleIdiom : kRuleInPhrase;
    if (in_concessive) t.rules |= kRuleConcessive;
    if (contrast_at >= 0 && static_cast<std::ptrdiff_t>(i) < contrast_at)
      t.rules |= kRuleBeforeContrast;
    if (contrast_at >= 0 && static_cast<std::ptrdiff_t>(i) > contrast_at)
      t.rules |= kRuleAfterContrast;
    const bool was_negating = negation_left > 0;
    if (negation_left > 0) --negation_left;
    if (flags == 0) continue;  // no term (most words): none of the roles below

    if ((flags & kNegator) && !(flags & kNotNegator)) {
      negation_left = params_.negation_window;
      negator_at = static_cast<std::ptrdiff_t>(i);
      t.rules |= kRuleNegator;
      continue;
    }
    if (flags & kContrastBefore) {
      negation_left = 0;
      t.rules = kRuleContrast | (it.phrase_tokens > 1 ? std::uint32_t{kRuleInPhrase} : 0u);
      continue;
    }
    if (flags & kConcessive) {
      negation_left = 0;
      in_concessive = true;
      t.rules = kRuleContrast | kRuleConcessive;
      continue;
    }
    if (flags & kScopeBreaker) negation_left = 0;
    if (flags & kAmplifiesNegation) {
      if (last_negated >= 0) {
        TokenSentiment& negated = out[last_negated];
        negated.contribution *= static_cast<float>(params_.amplified_negation);
        negated.rules |= kRuleNegationAmplified;
      }
      continue;
    }
    if (flags & kBooster) {  // a booster's own valence is ignored, as in VADER
      t.rules |= kRuleBooster;
      continue;
    }
    // A negator after its word (Japanese ない): its own valence, if it has
    // one, counts only when it negates nothing (after negate_backward).
    if (flags & kNegatesBefore) continue;
    if (!(flags & kHasValence) || it.entry->valence == 0) continue;

    const double base = it.entry->valence;
    t.valence = static_cast<float>(base);
    t.source = it.entry->source;
    t.rules |= kRuleLexicon | ((flags & kEmoji) ? std::uint32_t{kRuleEmoji} : 0u);
    if ((flags & kNeedsSubject) && i > 0) {
      const std::uint64_t prev = items_[i - 1].key;
      bool verb = false;
      for (std::size_t s = 0; s < subject_key_count_; ++s) verb |= subject_keys_[s] == prev;
      if (!verb) {
        t.rules |= kRuleNotSentimentUse;
        continue;
      }
    }
    // A word matched only by its stem is less sure to mean what the
    // lexicon's word means; negative words weigh more in packs that say so
    // (models/README.md: SO-CAL's negativity weight).
    double v = it.stemmed ? base * stem_weight_ : base;
    if (v < 0) v *= negative_weight_;
    if (it.caps && mixed_case) {
      v += sign(v) * params_.caps_emphasis;
      t.rules |= kRuleCaps;
    }
    if (it.elongated) {
      v += sign(v) * params_.elongation_emphasis;
      t.rules |= kRuleElongated;
    }
    // Boosters and dampers up to three tokens back, within the clause.
    double boost = 0;
    for (std::size_t d = 1; d <= 3 && d <= i; ++d) {
      Item& b = items_[i - d];
      if (b.punct != kNotPunct) break;
      if (b.covered || b.entry == nullptr || !(b.entry->flags & kBooster)) continue;
      items_[i - d].used = true;
      double amount = b.entry->boost;
      if (b.caps && mixed_case) amount += sign(amount) * params_.caps_emphasis;
      boost += amount * kBoosterDecay[d - 1];
    }
    // Emoji and emoticons stand outside the syntax: "not great 😡" is not
    // a happy 😡.
    const bool negated = was_negating && !(flags & kEmoji);
    if (negated && boost > 0) boost = -boost;  // "not very good" is milder than "not good"
    if (boost != 0) {
      const double magnitude = std::max(std::fabs(v) + boost, 0.1 * std::fabs(v));
      v = sign(v) * magnitude;
      t.rules |= boost > 0 ? kRuleIntensified : kRuleDiminished;
    }
    if (negated) {
      if (negator_at >= 0) items_[negator_at].used = true;
      v = -v * (v > 0 ? params_.negated_positive : params_.negated_negative);
      t.rules |= kRuleNegated;
      last_negated = static_cast<std::ptrdiff_t>(i);
    }
    t.contribution = static_cast<float>(v);
  }

  if (roles & kNegatesBefore) negate_backward(out);

  // A negator or booster that acted on nothing keeps its own valence, if
  // it has one: "No." and "pretty" alone, but not "no problems". (Packs
  // other than English give their negators one: lexicon/README.md.) Such a
  // negation cue counts once a negation: one within reach of an earlier
  // negator of its clause is the same negation ("No tengo nada", "Я ничего
  // не сделал", "No me gustó nada"), whether or not that one acted.
  std::ptrdiff_t clause_negator = -1;  // the last negator of the clause
  const bool lone_roles = (roles & kHasValence) && (roles & (kNegator | kBooster | kNegatesBefore));
  for (std::size_t i = 0; lone_roles && i < n; ++i) {
    const Item& it = items_[i];
    if (it.punct != kNotPunct) clause_negator = -1;
    bool repeated = false;
    if (it.entry != nullptr && !it.covered && (it.entry->flags & (kNegator | kNegatesBefore)) &&
        !(it.entry->flags & kNotNegator)) {
      repeated = (it.entry->flags & kNegationCue) && clause_negator >= 0 &&
                 i - static_cast<std::size_t>(clause_negator) <= params_.negation_window;
      clause_negator = static_cast<std::ptrdiff_t>(i);
    }
    if (repeated || it.used || it.covered || it.entry == nullptr ||
        !(it.entry->flags & kHasValence) ||
        !(it.entry->flags & (kNegator | kBooster | kNegatesBefore)))
      continue;
    TokenSentiment& t = out[i];
    t.valence = it.entry->valence;
    t.contribution = it.entry->valence;
    t.source = it.entry->source;
    t.rules |= kRuleLexicon;
  }

  // Clause weights, then the sums.
  double sum = 0, positive = 0, negative = 0, neutral = 0;
  const bool weighted = contrast_at >= 0 || (roles & kConcessive);
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = items_[i];
    TokenSentiment& t = out[i];
    if (it.covered || it.punct != kNotPunct) continue;
    double c = t.contribution;
    if (weighted) {
      if (t.rules & kRuleBeforeContrast) c *= params_.before_contrast;
      if (t.rules & kRuleAfterContrast) c *= params_.after_contrast;
      if (t.rules & kRuleConcessive) c *= params_.concessive;
      t.contribution = static_cast<float>(c);
    }
    sum += c;
    if (c > 0) positive += c + 1;
    else if (c < 0) negative += -c + 1;
    else if (it.is_word) neutral += 1;
  }
  // "!" and "??" amplify whatever the sentence already says.
  if (sum != 0) {
    const int shown = std::min(exclamations, kMaxExclamations);
    double emphasis = shown * params_.exclamation;
    if (questions > 1) emphasis += std::min(questions * params_.question, 0.96);
    if (emphasis > 0) {
      const double direction = sign(sum);
      int exclamation_left = shown;
      for (std::size_t i = 0; i < n; ++i) {
        const Item& it = items_[i];
        if (it.exclamations == 0 && it.questions == 0) continue;
        TokenSentiment& t = out[i];
        const int here = std::min<int>(it.exclamations, exclamation_left);
        exclamation_left -= here;
        double c = here * params_.exclamation;
        if (questions > 1 && it.questions > 0)
          c += std::min(questions * params_.question, 0.96) * it.questions / questions;
        if (c == 0) continue;
        t.contribution = static_cast<float>(direction * c);
        t.rules |= it.exclamations ? kRuleExclamation : kRuleQuestion;
      }
      sum += direction * emphasis;
      if (positive > negative) positive += emphasis;
      else if (negative > positive) negative += emphasis;
    }
  }
  result.sum = sum;
  result.score = normalize(sum, params_.alpha);
  result.positive = positive;
  result.negative = negative;
  result.neutral = neutral;
  result.label = label_of(result.score, params_.label_threshold);
  return result;
}

void Analyzer::fold_hashtag_words(const segment::Sentence& sentence, const TokenSentiment* items,
                                  TokenSentiment* tokens) const {
  for (std::uint32_t k = 0; k < sentence.token_count; ++k) tokens[k] = TokenSentiment();
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const TokenSentiment& from = items[i];
    TokenSentiment& to = tokens[items_[i].token - sentence.first_token];
    // The token's valence and source are its strongest word's; its
    // contribution is what all its words added.
    if (std::fabs(from.valence) > std::fabs(to.valence)) {
      to.valence = from.valence;
      to.source = from.source;
    }
    to.contribution += from.contribution;
    to.rules |= from.rules | (items_[i].hashtag_word ? std::uint32_t{kRuleHashtagWords} : 0u);
  }
}

void Analyzer::negate_backward(TokenSentiment* out) {
  const std::size_t n = items_.size();
  for (std::size_t i = 1; i < n; ++i) {
    Item& neg = items_[i];
    if (neg.covered || neg.used || neg.entry == nullptr || !(neg.entry->flags & kNegatesBefore) ||
        (neg.entry->flags & kNotNegator))
      continue;
    // The strongest scored term up to three tokens back, within the
    // clause, not already negated and not an emoji: in "Ich mag das Essen
    // nicht" the negation is about "mag", not a weak word nearer to it.
    std::ptrdiff_t target = -1;
    for (std::size_t d = 1; d <= 3 && d <= i; ++d) {
      const Item& before = items_[i - d];
      if (before.punct != kNotPunct) break;
      const TokenSentiment& t = out[i - d];
      if (before.covered || t.contribution == 0) continue;
      if (t.rules & (kRuleNegated | kRuleEmoji)) break;
      if (target < 0 || std::fabs(t.contribution) > std::fabs(out[target].contribution))
        target = static_cast<std::ptrdiff_t>(i - d);
    }
    if (target < 0) continue;
    TokenSentiment& t = out[target];
    const double v = t.contribution;
    t.contribution =
        static_cast<float>(-v * (v > 0 ? params_.negated_positive : params_.negated_negative));
    t.rules |= kRuleNegated;
    neg.used = true;
    out[i].rules |= kRuleNegator;
  }
}

DocumentSentiment Analyzer::analyze(std::string_view utf8, const segment::Segmentation& seg,
                                    std::vector<SentenceSentiment>& sentences,
                                    std::vector<TokenSentiment>* tokens,
                                    const runtime::StopSignal& stop) {
  score_sentences(utf8, seg, sentences, tokens, stop);
  return summarize(sentences, seg.tokens.size());
}

void Analyzer::score_sentences(std::string_view utf8, const segment::Segmentation& seg,
                               std::vector<SentenceSentiment>& sentences,
                               std::vector<TokenSentiment>* tokens,
                               const runtime::StopSignal& stop) {
  if (tokens != nullptr) tokens->resize(seg.tokens.size());
  sentences.clear();
  sentences.reserve(seg.sentences.size());
  std::size_t since_poll = 0;
  for (const segment::Sentence& sentence : seg.sentences) {
    since_poll += sentence.token_count;
    if (since_poll >= kStopPollTokens) {
      since_poll = 0;
      if (stop.requested()) throw CancelledError();
    }
    // Without explain, per-token results live only as long as their
    // sentence: a scratch buffer the size of the longest sentence.
    TokenSentiment* out;
    if (tokens != nullptr) {
      out = tokens->data() + sentence.first_token;
    } else {
      if (scratch_tokens_.size() < sentence.token_count)
        scratch_tokens_.resize(sentence.token_count);
      out = scratch_tokens_.data();
    }
    sentences.push_back(score_sentence(utf8, seg, sentence, out));
  }
}

DocumentSentiment Analyzer::summarize(const std::vector<SentenceSentiment>& sentences,
                                      std::size_t token_count) const {
  DocumentFold fold(params_);
  for (const SentenceSentiment& s : sentences) fold.add(s);
  return fold.finish(token_count);
}

void DocumentFold::add(const SentenceSentiment& sentence) {
  if (count_ > 0) fold_held(sentence.opens_with_contrast);
  held_ = sentence;
  ++count_;
}

void DocumentFold::fold_held(bool next_opens_with_contrast) {
  const SentenceSentiment& s = held_;
  // Sentences left unanalysed (another language, no lexicon) count for
  // nothing: the document is the fold of the others, in order.
  if (!s.analysed) return;
  ++analysed_;
  double w = 1;
  // "The food was great. But the service was slow.": the same contrast
  // rule as within a sentence.
  if (s.opens_with_contrast && count_ > 1) w *= params_.after_contrast;
  if (next_opens_with_contrast) w *= params_.before_contrast;
  sum_ += w * s.sum;
  positive_ += s.positive;
  negative_ += s.negative;
  neutral_ += s.neutral;
  strong_positive_ |= s.score >= params_.strong_threshold;
  strong_negative_ |= s.score <= -params_.strong_threshold;
}

DocumentSentiment DocumentFold::finish(std::size_t token_count) {
  if (count_ > 0) fold_held(false);
  DocumentSentiment doc;
  doc.sentences = static_cast<std::uint32_t>(count_);
  doc.tokens = static_cast<std::uint32_t>(token_count);
  // Summing over sentences, as VADER does over the whole text, saturates
  // on long texts; dividing by the sentence count makes one strong sentence
  // among a few neutral ones vanish. Between the two: up to k sentences
  // (a tweet, a short review) the sum is divided by n^length_exponent, so
  // agreeing sentences add up; beyond k it becomes a mean, so a 10,000-
  // sentence document scores like its typical paragraph, not like -0.9999.
  doc.analysed = analysed_ > 0 || count_ == 0;
  if (analysed_ > 0) {
    const double n = static_cast<double>(analysed_);
    const double k = static_cast<double>(params_.accumulating_sentences);
    // One sentence (most tweets): pow(1, e) is 1 whatever e, without the
    // call (90 instructions a tweet).
    const double divisor = n == 1 && k >= 1 ? 1.0
                           : n <= k         ? std::pow(n, params_.length_exponent)
                                            : std::pow(k, params_.length_exponent) * (n / k);
    doc.score = normalize(sum_ / divisor, params_.alpha);
  }
  const double total = positive_ + negative_ + neutral_;
  if (total > 0) {
    doc.positive = positive_ / total;
    doc.negative = negative_ / total;
    doc.neutral = neutral_ / total;
  }
  doc.label = strong_positive_ && strong_negative_ ? Label::kMixed
                                                   : label_of(doc.score, params_.label_threshold);
  return doc;
}

SentenceSentiment Analyzer::score_one(std::string_view utf8, const segment::Segmentation& seg,
                                      std::size_t index, TokenSentiment* out) {
  return score_sentence(utf8, seg, seg.sentences[index], out);
}

}  // namespace textsense::sentiment
