// How a token's text becomes a lexicon lookup form. Shared by the engine
// (at run time) and the lexicon compiler (at build time), so that both sides
// of a lookup agree byte for byte.
//   * Letters are lower-cased: ASCII, and the two-byte capitals of
//     Latin-1, Latin Extended-A and Cyrillic ("Über" -> "über", "Отлично"
//     -> "отлично"); the typographic apostrophe U+2019 is folded to "'"
//     ("Don’t" -> "don't"); Arabic loses its tatweel and vowel marks
//     ("جمـــيل", "جَمِيل" -> "جميل"); other characters are kept. A form is
//     never longer than its token.
//   * Emoji lose skin-tone modifiers (U+1F3FB..U+1F3FF) and variation
//     selectors (U+FE0E, U+FE0F): "👍🏽" is looked up as "👍".
//   * Elongated words ("soooo", "goooood", "حلووو") are retried with every
//     run of 3 or more repeated letters cut to 2, then to 1.
#pragma once

#include <cstddef>
#include <cstdint>
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

// Emoji: the form without skin tones and variation selectors, and (for a
// ZWJ sequence) only its first component. Returns false when nothing
// changed.
bool strip_emoji_modifiers(std::string_view emoji, std::string& out);
bool first_zwj_component(std::string_view emoji, std::string& out);

namespace detail {

// Per ASCII byte: its lower case, and 1 in the upper or the lower half of
// a count for a capital or a lower-case letter.
struct AsciiFold {
  char lower[128];
  std::uint32_t count[128];
  constexpr AsciiFold() : lower(), count() {
    for (int c = 0; c < 128; ++c) {
      const bool is_upper = c >= 'A' && c <= 'Z', is_lower = c >= 'a' && c <= 'z';
      lower[c] = static_cast<char>(is_upper ? c + ('a' - 'A') : c);
      count[c] = is_upper ? 1u << 16 : is_lower ? 1u : 0u;
    }
  }
};
inline constexpr AsciiFold kAsciiFold;

// write_lookup_form() from token[i] on, the first byte that is not ASCII,
// with the counts of the letters before it (text.cpp).
std::size_t write_lookup_form_rest(std::string_view token, std::size_t i, char* out,
                                   std::size_t upper, std::size_t lower, Casing& casing);

}  // namespace detail

// Writes the lookup form of `token` to out[0, token.size()) (it is never
// longer) and returns its length. Inline, with the ASCII case first: this
// runs for every word of every text (a table look-up a byte and no branch
// on the letter case, which mispredicted at every capital), and the calls
// to it and primary_form() cost a third of it.
inline std::size_t write_lookup_form(std::string_view token, char* out, Casing& casing) {
  const auto* t = reinterpret_cast<const unsigned char*>(token.data());
  const std::size_t n = token.size();
  std::uint32_t counts = 0;
  std::size_t i = 0;
  for (; i < n && t[i] < 0x80; ++i) {
    out[i] = detail::kAsciiFold.lower[t[i]];
    counts += detail::kAsciiFold.count[t[i]];
  }
  const std::size_t upper = counts >> 16, lower = counts & 0xFFFFu;
  if (i < n) return detail::write_lookup_form_rest(token, i, out, upper, lower, casing);
  casing.ascii = true;
  casing.has_letters = upper + lower > 0;
  casing.all_caps = upper >= 2 && lower == 0;
  return n;
}

// True when every character of `token` (valid UTF-8) is in U+3000..U+9FFF.
inline bool is_kana_han_word(std::string_view token) {
  const auto* t = reinterpret_cast<const unsigned char*>(token.data());
  const std::size_t n = token.size();
  if (n == 0 || n % 3 != 0) return false;
  for (std::size_t i = 0; i < n; i += 3)
    if (t[i] < 0xE3 || t[i] > 0xE9) return false;
  return true;
}

// The form a token of `kind` is looked up by, the one the lexicon compiler
// stores: punctuation and emoticons as they are (":D" is not ":d"), emoji
// without modifiers, hashtags without "#", everything else lookup_form().
// Returns a view of `token` or of the start of `buffer` (which may be
// longer than the form); `casing` gets the casing.
inline std::string_view primary_form(segment::TokenKind kind, std::string_view token,
                                     std::string& buffer, Casing& casing) {
  casing = Casing();
  switch (kind) {
    case segment::TokenKind::kPunctuation:
    case segment::TokenKind::kEmoticon: return token;
    case segment::TokenKind::kEmoji:
      return strip_emoji_modifiers(token, buffer) ? std::string_view(buffer) : token;
    case segment::TokenKind::kHashtag: token.remove_prefix(1); break;
    default: break;
  }
  // A word of kana and Han alone (every character in U+3000..U+9FFF: three
  // bytes, lead bytes E3..E9) has no case and nothing to drop: it is its
  // own form, as write_lookup_form() would copy it (most words of Chinese
  // and Japanese text).
  if (is_kana_han_word(token)) return token;
  // The buffer only grows, and the form is the view's length of it:
  // resizing it twice a token was 3 % of sentiment()'s instructions.
  if (buffer.size() < token.size()) buffer.resize(token.size());
  return std::string_view(buffer.data(), write_lookup_form(token, buffer.data(), casing));
}

// Elongation: true when `form` has a run of 3+ identical letters;
// then `out` gets the form with such runs cut to `keep` (1 or 2) letters.
// `ascii`: the form is known to be ASCII (Casing::ascii), which lets the
// check for a run look at single bytes only.
bool collapse_elongation(std::string_view form, std::size_t keep, std::string& out,
                         bool ascii = false);

}  // namespace textsense::sentiment
