// Custom sentiment lexicons: a user's own terms (words, emoji, multi-word
// phrases) with their valences, laid over the built-in lexicon. A custom
// term adds a word, overrides a built-in valence, or neutralises it
// (valence 0); everything else about the engine stays as it is.
//
// How it works: the custom terms are compiled into a small lexicon image of
// their own (the same format as the built-in model, so Analyzer::look_up
// needs no change) and loaded as an overlay of the base: Lexicon::find()
// answers from the overlay's table and falls back on the base's for every
// other key. A custom term is segmented and normalised exactly as the
// analyzer segments and normalises text, so it is matched wherever the
// analyzer would have matched a built-in term of the same spelling:
//   * a single-token term becomes an entry under the token's key: a copy of
//     the base entry for that key, if any, with only the valence replaced,
//     so the word keeps its built-in roles (negator, booster, "like"'s
//     subject rule, head of built-in phrases, ...);
//   * a phrase becomes an entry under its folded phrase key (kIdiom), plus
//     kPhraseStart on its head token's entry (a copy of the base's, or a new
//     entry without valence) with max_phrase_tokens covering both the
//     custom and the built-in phrases from that head. Phrase keys the
//     overlay lacks fall back on the base, so built-in idioms keep working
//     and the analyzer's longest-first match runs over both at once.
//   * valence 0 removes the valence: the entry stays (it shadows the base's
//     and stops the analyzer's elongation and emoji fall-backs) but without
//     kHasValence (and, for a phrase, without kIdiom). The token then scores
//     nothing and explain shows no lexicon rule for it; a neutralised phrase
//     still covers its tokens (explain: in_phrase), so "not bad at all" = 0
//     makes those four tokens silent, negator included.
//   * explain: a custom valence's TokenSentiment::source is the overlay's
//     last source, whose source_name() is the lexicon's `name`; built-in
//     valences keep their built-in source names.
//
// Case: the analyzer folds ASCII letters only (sentiment_text.h), and
// changing that would change the built-in lexicon's keys. So for a token
// with other letters the overlay stores the forms a document can show: as
// written, lower case, UPPER CASE and Title case (ICU, root locale), each
// as the analyzer normalises it (ASCII folded). "Überraschend gut" thus
// matches "überraschend gut", "ÜBERRASCHEND gut", "Überraschend GUT" and,
// ASCII being folded anyway, "üBERRASCHEND"; a word whose non-ASCII letters
// mix cases otherwise ("brÛlée" for "brûlée") does not. A phrase stores
// every combination of its tokens' forms, or only the uniform ones (all
// lower, all upper, ...) beyond kMaxCaseVariants keys.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/segment/segmenter.h"
#include "core/sentiment/lexicon.h"

namespace textsense::sentiment {

struct CustomTerm {
  std::string_view term;  // UTF-8, as the user wrote it
  double valence;         // -4 .. +4; 0 neutralises
};

constexpr double kMaxCustomValence = 4.0;          // VADER's scale
constexpr std::size_t kMaxLexiconSources = 200;    // what an overlay may end up with
constexpr std::size_t kMaxCustomTermBytes = 1024;  // rejected before segmenting
constexpr std::size_t kMaxCaseVariants = 64;       // keys per phrase before uniform case only

// A lexicon that answers find() from the custom terms first and from `base`
// for everything else (`base` must outlive it). Its source table is base's
// plus `name`, so source_name() of custom entries is `name`, of base entries
// what base says. Terms are segmented by `segmenter` (used only during the
// call) and normalised as Analyzer::look_up normalises text.
//
// Throws InvalidTermError, naming the term, for: an empty or
// whitespace-only term; a term that is not valid UTF-8; a term with no word
// (only punctuation, or only numbers, URLs, mentions, e-mail addresses);
// one that holds a number, URL, mention or e-mail address (the analyzer
// never looks those up) or begins with punctuation; one spanning two
// sentences; more than kMaxPhraseTokens tokens; a token longer than
// kMaxLookupBytes (the analyzer never looks such a token up) or a term
// longer than kMaxCustomTermBytes; a valence that is not finite or outside
// [-4, 4]; two terms that normalise to the same key (the message names
// both); an empty `name` or one with a tab, newline or invalid UTF-8; and
// when base already has kMaxLexiconSources sources (an overlay of overlays).
// Each term is checked in order (the first bad one is reported), then the
// terms against each other. Messages stay under 300 bytes: a term is
// quoted up to 80 bytes (cut at a character boundary).
std::unique_ptr<Lexicon> compile_custom_lexicon(const Lexicon& base, std::string_view name,
                                                const std::vector<CustomTerm>& terms,
                                                segment::Segmenter& segmenter);

}  // namespace textsense::sentiment
