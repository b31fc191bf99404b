// How a token's text becomes a lexicon lookup form. Shared by the engine
// (at run time) and the lexicon compiler (at build time), so that both sides
// of a lookup agree byte for byte.
//   * Letters are lower-cased: ASCII, and the two-byte capitals of
//     Latin-1, Latin Extended-A and Cyrillic ("Über" -> "über", "Отлично"
//     -> "отлично"), so the form keeps its byte length; the typographic
//     apostrophe U+2019 is folded to "'" ("Don’t" -> "don't"); other
//     characters are kept.
//   * Emoji lose skin-tone modifiers (U+1F3FB..U+1F3FF) and variation
//     selectors (U+FE0E, U+FE0F): "👍🏽" is looked up as "👍".
//   * Elongated words ("soooo", "goooood", "حلووو") are retried with every
//     run of 3 or more repeated letters cut to 2, then to 1.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/segment/segmentation.h"

namespace textsense::sentiment {

// Longest token (in bytes) that is looked up at all; longer tokens are
// never lexicon terms (the longest English entry is far shorter).
constexpr std::size_t kMaxLookupBytes = 64;

struct Casing {
  bool has_letters = false;
  bool all_caps = false;  // at least two capitals (ASCII or two-byte) and no lower-case letter
  bool ascii = false;     // the token is ASCII (so is its form)
};

// Writes the lookup form of `token` into `out` (cleared first) and returns
// the token's casing.
Casing lookup_form(std::string_view token, std::string& out);

// The form a token of `kind` is looked up by, the one the lexicon compiler
// stores: punctuation and emoticons as they are (":D" is not ":d"), emoji
// without modifiers, hashtags without "#", everything else lookup_form().
// Returns a view of `token` or of the start of `buffer` (which may be
// longer than the form); `casing` gets the casing.
std::string_view primary_form(segment::TokenKind kind, std::string_view token, std::string& buffer,
                              Casing& casing);

// Emoji: the form without skin tones and variation selectors, and (for a
// ZWJ sequence) only its first component. Returns false when nothing
// changed.
bool strip_emoji_modifiers(std::string_view emoji, std::string& out);
bool first_zwj_component(std::string_view emoji, std::string& out);

// Elongation: true when `form` has a run of 3+ identical letters;
// then `out` gets the form with such runs cut to `keep` (1 or 2) letters.
// `ascii`: the form is known to be ASCII (Casing::ascii), which lets the
// check for a run look at single bytes only.
bool collapse_elongation(std::string_view form, std::size_t keep, std::string& out,
                         bool ascii = false);

}  // namespace textsense::sentiment
