// What one language contributes to the shared engine: a language profile.
//
// The engine (segmentation, sentiment, tagging) is one code path for every
// language; a profile carries the few things that differ: the ICU locale
// (sentence-break suppressions from CLDR, dictionary word breaking), the
// tokenizer's word rules (English clitics, French and Italian elision,
// abbreviations that keep their period, hyphenated words) and the hooks the
// sentiment rules need ("like" as a verb after a subject, English only).
// Lexicons and tagging models are not here: they are model files, keyed by
// kind and language (models/sentiment_<code>.model, models/pos_<code>.model).
//
// A profile's hooks are plain function pointers (null: the rule does not
// exist in that language), so a profile is constant data that every thread
// can read, and checking a hook costs a load and a branch.
// docs/languages.md says how to add a language.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace textsense::lang {

// What happens to "word-word" written without spaces (ICU splits it).
enum class HyphenRule : std::uint8_t {
  kSplit,              // "well" "-" "known" (ICU's boundaries)
  kSplitUnlessPrefix,  // split, but keep a bound prefix attached: "e-mail" (English)
  kJoin,               // one token: "E-Mail-Adresse", "peut-être", "кто-то"
};

// Cuts inside one word token: byte offsets, strictly increasing, each inside
// (0, word.size()). At most kMaxWordCuts.
constexpr std::size_t kMaxWordCuts = 4;

struct Profile {
  std::string_view code;   // ISO 639-1 ("en"); "und" for the generic profile
  std::string_view name;   // English name ("German")
  const char* icu_locale;  // for ICU's break iterators ("de@ss=standard")
  // Word-internal cuts: clitics ("do|n't", "I|'m") or elision ("l'|homme").
  // Returns how many cuts it wrote into `cuts`. `may_have_apostrophe` is
  // false when the word breaker saw no apostrophe in the word (most words):
  // the hook need not look for one.
  std::size_t (*split_word)(std::string_view word, bool may_have_apostrophe,
                            std::uint32_t* cuts) = nullptr;
  // `word` (without its '.') is followed by '.': does the period belong to it?
  bool (*keeps_period)(std::string_view word, bool sentence_final) = nullptr;
  // `word` + '.' never ends a sentence ("Dr. Smith"), beyond ICU's suppressions.
  bool (*never_ends_sentence)(std::string_view word) = nullptr;
  HyphenRule hyphens = HyphenRule::kSplit;
  bool (*is_hyphen_prefix)(std::string_view word) = nullptr;  // kSplitUnlessPrefix
  // Sentiment: lower-cased words after which a kNeedsSubject term ("like")
  // is a verb; elsewhere it is not a sentiment use.
  const std::string_view* like_subjects = nullptr;
  std::size_t like_subject_count = 0;
  // The Snowball stemmer (libstemmer's name, "spanish") that the sentiment
  // lexicon compiler uses to match inflected forms; nullptr: none (English
  // keeps its word lists exact; Chinese and Japanese have no inflection).
  const char* snowball = nullptr;
  // kJoin: a part after a hyphen that is a word of its own and is not
  // joined (Portuguese enclitic pronouns: "diga-me" is "diga" "-" "me", as
  // UD splits it, so that the verb is found).
  bool (*stays_after_hyphen)(std::string_view part) = nullptr;
};

// Every profile compiled into this build, the generic one last.
struct ProfileList {
  const Profile* const* items;
  std::size_t count;
};
ProfileList profiles();

// The profile for an ISO 639-1 code; the generic profile ("und": ICU's root
// locale, no word rules) for a code without one of its own.
const Profile& profile_for(std::string_view code);

// The English profile (the default of the segmenter's constructor).
const Profile& english();

}  // namespace textsense::lang
