#include "core/sentiment/custom_lexicon.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include <unicode/locid.h>
#include <unicode/stringoptions.h>
#include <unicode/unistr.h>

#include "core/common/errors.h"
#include "core/sentiment/text.h"
#include "core/common/utf8.h"

namespace textsense::sentiment {
namespace {

constexpr std::size_t kQuotedBytes = 80;  // of a term, in an error message
constexpr const char* kCustomLicence = "user data";

// `text` in quotes, cut (at a character boundary) so that a runaway term
// does not make a runaway message. `text` must be valid UTF-8.
std::string quoted(std::string_view text) {
  if (text.size() <= kQuotedBytes) return "\"" + std::string(text) + "\"";
  std::size_t n = kQuotedBytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0u) == 0x80u) --n;
  return "\"" + std::string(text.substr(0, n)) + "...\"";
}

[[noreturn]] void reject(std::string_view term, const std::string& why) {
  throw InvalidTermError("custom sentiment term " + quoted(term) + " " + why);
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The token kinds Analyzer::look_up looks up; punctuation is only hashed
// (it may end a phrase, "still ,"); the other kinds are never terms.
bool is_looked_up(segment::TokenKind kind) {
  return kind == segment::TokenKind::kWord || kind == segment::TokenKind::kSymbol ||
         kind == segment::TokenKind::kHashtag || kind == segment::TokenKind::kEmoji ||
         kind == segment::TokenKind::kEmoticon;
}

// One token of a term: its keys as written, lower, UPPER and Title case
// (equal when case does not apply), and the distinct ones among them.
struct TokenKeys {
  std::array<std::uint64_t, 4> by_case{};
  std::vector<std::uint64_t> distinct;
};

// The keys under which a document can show `text` (a token of `kind`).
// ASCII letters need no variants: the analyzer folds them itself.
TokenKeys token_keys(segment::TokenKind kind, std::string_view text, std::string& buffer) {
  TokenKeys out;
  Casing casing;
  const std::uint64_t written = term_key(primary_form(kind, text, buffer, casing));
  out.by_case.fill(written);
  out.distinct.push_back(written);
  const bool has_case = kind == segment::TokenKind::kWord || kind == segment::TokenKind::kHashtag ||
                        kind == segment::TokenKind::kSymbol;
  if (!has_case || utf8::is_ascii(text)) return out;
  const std::string_view prefix = kind == segment::TokenKind::kHashtag ? text.substr(0, 1) : "";
  const std::string_view body = text.substr(prefix.size());
  const icu::UnicodeString original = icu::UnicodeString::fromUTF8(
      icu::StringPiece(body.data(), static_cast<int32_t>(body.size())));
  const icu::Locale& root = icu::Locale::getRoot();
  icu::UnicodeString mapped[3] = {original, original, original};
  mapped[0].toLower(root);
  mapped[1].toUpper(root);
  mapped[2].toTitle(nullptr, root, U_TITLECASE_WHOLE_STRING);  // first letter up, the rest down
  for (int c = 0; c < 3; ++c) {
    std::string variant(prefix);
    mapped[c].toUTF8String(variant);
    // A variant that grew past the limit ("ß" -> "SS") never reaches the
    // lexicon in a document either.
    if (variant.size() > kMaxLookupBytes) continue;
    const std::uint64_t key = term_key(primary_form(kind, variant, buffer, casing));
    out.by_case[c + 1] = key;
    if (std::find(out.distinct.begin(), out.distinct.end(), key) == out.distinct.end())
      out.distinct.push_back(key);
  }
  return out;
}

struct ParsedTerm {
  std::vector<TokenKeys> tokens;
  bool emoji = false;  // holds an emoji or emoticon (explain's emoji rule, no negation)
};

// Segments and checks one term; throws InvalidTermError.
ParsedTerm parse(const CustomTerm& t, std::size_t index, segment::Segmenter& segmenter,
                 segment::Segmentation& seg, std::string& buffer) {
  const std::string_view term = t.term;
  const std::size_t bad = utf8::find_invalid(term);
  if (bad != utf8::kValid)
    throw InvalidTermError("custom sentiment term #" + std::to_string(index + 1) + " (" +
                           quoted(term.substr(0, bad)) + "...) is not valid UTF-8 at byte " +
                           std::to_string(bad));
  if (!std::isfinite(t.valence) || std::fabs(t.valence) > kMaxCustomValence)
    reject(term,
           "has valence " + number(t.valence) + ": a valence must be a finite number from -4 to 4");
  if (term.size() > kMaxCustomTermBytes)
    reject(term, "is " + std::to_string(term.size()) + " bytes long: at most " +
                     std::to_string(kMaxCustomTermBytes));
  segmenter.segment(term, seg);
  if (seg.tokens.empty()) reject(term, "is empty or only whitespace");
  if (seg.sentences.size() > 1)
    reject(term, "spans " + std::to_string(seg.sentences.size()) +
                     " sentences: a term is matched within a sentence");
  if (std::none_of(seg.tokens.begin(), seg.tokens.end(),
                   [](const segment::Token& k) { return is_looked_up(k.kind); }))
    reject(term, "has no word: a term needs a word, emoji, emoticon, symbol or hashtag");
  if (seg.tokens.size() > kMaxPhraseTokens)
    reject(term, "has " + std::to_string(seg.tokens.size()) + " tokens: a phrase has at most " +
                     std::to_string(kMaxPhraseTokens));
  ParsedTerm parsed;
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& token = seg.tokens[i];
    const std::string_view text = token.span.text(term);
    if (!is_looked_up(token.kind) && token.kind != segment::TokenKind::kPunctuation)
      reject(term, "holds " + quoted(text) + " (" +
                       std::string(segment::token_kind_name(token.kind)) +
                       "), which is never a lexicon term");
    // The analyzer starts phrases only at tokens it looks up.
    if (i == 0 && token.kind == segment::TokenKind::kPunctuation)
      reject(term, "begins with punctuation " + quoted(text) + ": a phrase starts at a word");
    if (text.size() > kMaxLookupBytes)
      reject(term, "holds the token " + quoted(text) + " of " + std::to_string(text.size()) +
                       " bytes: tokens over " + std::to_string(kMaxLookupBytes) +
                       " bytes are never looked up");
    parsed.emoji |=
        token.kind == segment::TokenKind::kEmoji || token.kind == segment::TokenKind::kEmoticon;
    parsed.tokens.push_back(token_keys(token.kind, text, buffer));
  }
  return parsed;
}

// The token-key sequences under which a phrase is stored: every
// combination of its tokens' case variants, or, beyond kMaxCaseVariants,
// the uniform ones only (all as written, all lower, ...).
std::vector<std::vector<std::uint64_t>> key_sequences(const std::vector<TokenKeys>& tokens) {
  std::size_t product = 1;
  for (const TokenKeys& t : tokens) product *= t.distinct.size();
  std::vector<std::vector<std::uint64_t>> out;
  if (product <= kMaxCaseVariants) {
    out.emplace_back();
    for (const TokenKeys& t : tokens) {
      std::vector<std::vector<std::uint64_t>> next;
      for (const auto& prefix : out)
        for (std::uint64_t k : t.distinct) {
          next.push_back(prefix);
          next.back().push_back(k);
        }
      out.swap(next);
    }
    return out;
  }
  for (std::size_t c = 0; c < 4; ++c) {
    std::vector<std::uint64_t> seq;
    for (const TokenKeys& t : tokens) seq.push_back(t.by_case[c]);
    if (std::find(out.begin(), out.end(), seq) == out.end()) out.push_back(std::move(seq));
  }
  return out;
}

struct Built {
  LexiconEntry entry;
  std::ptrdiff_t owner;  // index of the term stored under this key; -1: a phrase head only
};

}  // namespace

std::unique_ptr<Lexicon> compile_custom_lexicon(const Lexicon& base, std::string_view name,
                                                const std::vector<CustomTerm>& terms,
                                                segment::Segmenter& segmenter) {
  if (name.empty() || name.find_first_of("\t\n") != std::string_view::npos ||
      utf8::find_invalid(name) != utf8::kValid)
    throw InvalidTermError(
        "custom lexicon name must be non-empty valid UTF-8 without a tab or "
        "newline");
  // LexiconEntry::source is one byte; an overlay adds one source to its
  // base's, so overlays of overlays run out eventually.
  if (base.source_count() + 1 > kMaxLexiconSources)
    throw InvalidTermError("custom lexicon " + quoted(name) + " would need " +
                           std::to_string(base.source_count() + 1) + " sources: at most " +
                           std::to_string(kMaxLexiconSources));
  LexiconContents contents;
  contents.language = std::string(base.language());
  for (std::size_t s = 0; s < base.source_count(); ++s) {
    const auto i = static_cast<std::uint8_t>(s);
    contents.sources.emplace_back(base.source_name(i), base.source_licence(i));
  }
  contents.sources.emplace_back(name, kCustomLicence);
  const auto source = static_cast<std::uint8_t>(contents.sources.size() - 1);

  segment::Segmentation seg;
  std::string buffer;
  std::vector<ParsedTerm> parsed;
  parsed.reserve(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i)
    parsed.push_back(parse(terms[i], i, segmenter, seg, buffer));

  std::unordered_map<std::uint64_t, Built> built;
  built.reserve(terms.size() * 2);
  // The entry stored under `key`: the overlay's own if it has one, else a
  // copy of what the base says (so the key's roles survive), else empty.
  auto entry_at = [&](std::uint64_t key) -> Built& {
    auto [it, inserted] = built.try_emplace(key);
    if (inserted) {
      const LexiconEntry* from_base = base.find(key);
      it->second.entry = from_base != nullptr ? *from_base : LexiconEntry{};
      if (from_base == nullptr) it->second.entry.source = source;
      it->second.owner = -1;
    }
    return it->second;
  };
  auto own = [&](std::uint64_t key, std::size_t term) -> Built& {
    Built& b = entry_at(key);
    if (b.owner >= 0 && static_cast<std::size_t>(b.owner) != term)
      throw InvalidTermError("custom sentiment terms " + quoted(terms[b.owner].term) + " and " +
                             quoted(terms[term].term) + " are the same term once normalised");
    b.owner = static_cast<std::ptrdiff_t>(term);
    return b;
  };
  auto set_valence = [&](LexiconEntry& e, double valence, std::uint16_t valence_flags, bool emoji) {
    e.source = source;
    e.valence = static_cast<float>(valence);
    e.flags &= static_cast<std::uint16_t>(~kNegationCue);  // the valence is the user's now
    // Valence 0 is no valence: the analyzer neither scores nor explains it.
    if (valence == 0) {
      e.flags &= static_cast<std::uint16_t>(~valence_flags);
    } else {
      e.flags |= valence_flags;
    }
    if (emoji) e.flags |= kEmoji;
  };

  // Single tokens first, so that a phrase head that is also a custom word
  // gets the custom word's entry (and its valence) plus kPhraseStart.
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    if (parsed[i].tokens.size() != 1) continue;
    for (std::uint64_t key : parsed[i].tokens[0].distinct)
      set_valence(own(key, i).entry, terms[i].valence, kHasValence, parsed[i].emoji);
  }
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const std::size_t length = parsed[i].tokens.size();
    if (length == 1) continue;
    for (const std::vector<std::uint64_t>& seq : key_sequences(parsed[i].tokens)) {
      std::uint64_t key = seq[0];
      for (std::size_t k = 1; k < length; ++k) key = phrase_key(key, seq[k]);
      set_valence(own(key, i).entry, terms[i].valence, kHasValence | kIdiom, parsed[i].emoji);
      // The head keeps its own valence and source (built-in or custom);
      // max_phrase_tokens covers the built-in phrases from it too.
      LexiconEntry& head = entry_at(seq[0]).entry;
      head.flags |= kPhraseStart;
      head.max_phrase_tokens =
          static_cast<std::uint8_t>(std::max<std::size_t>(head.max_phrase_tokens, length));
    }
  }

  contents.terms.reserve(built.size());
  for (const auto& [key, b] : built) contents.terms.push_back({key, b.entry});
  std::string image;
  try {
    image = serialize(contents);
  } catch (const std::invalid_argument&) {
    // Only a 32-bit fingerprint shared by two keys in one probe run gets
    // here (about once in 10^5 lexicons of 10,000 terms): name the terms.
    std::unordered_map<std::uint32_t, std::uint64_t> by_fingerprint;
    for (const auto& [key, b] : built) {
      auto [it, inserted] = by_fingerprint.try_emplace(static_cast<std::uint32_t>(key >> 32), key);
      if (inserted) continue;
      const std::ptrdiff_t a = built.at(it->second).owner, c = b.owner;
      throw InvalidTermError("custom sentiment terms " +
                             (a >= 0 ? quoted(terms[a].term) : std::string("(a head)")) + " and " +
                             (c >= 0 ? quoted(terms[c].term) : std::string("(a head)")) +
                             " collide in the lexicon's hash table: rename or drop one");
    }
    throw;
  }
  return Lexicon::overlay(std::move(image), base);
}

}  // namespace textsense::sentiment
