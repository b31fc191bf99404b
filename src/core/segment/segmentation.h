// Plain data produced by the segmenter: sentences and tokens with byte and
// character offsets. No ICU and no PostgreSQL types here, so every layer
// (SQL glue, CLI, tagger, sentiment engine) can consume it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace textsense::segment {

enum class TokenKind : std::uint8_t {
  kWord,         // letters (any script), possibly with digits: "hello", "世界", "5pm"
  kNumber,       // digits with inner separators: "42", "3.14", "1,000"
  kPunctuation,  // Unicode P*: "." "," "..." "!?" "«"
  kSymbol,       // Unicode S* and anything else that is not whitespace: "$" "+" "©"
  kEmoji,        // one emoji cluster: skin tones, ZWJ sequences, flags, keycaps
  kUrl,          // "https://x.org/a?b=c", "www.example.com"
  kEmail,        // "bob@example.com"
  kMention,      // "@bob"
  kHashtag,      // "#tag"
  kEmoticon,     // ":)" ";-(" ":'(" "<3" "^_^" "-_-"
};

// Lower-case name used by SQL and the CLI ("word", "number", ...).
std::string_view token_kind_name(TokenKind kind);

// A half-open span [begin, begin + length) of the input, in two units:
// UTF-8 bytes (for the core) and Unicode code points (what PostgreSQL's
// substr() counts in a UTF-8 or single-byte database).
struct Span {
  std::uint32_t byte_begin = 0;
  std::uint32_t byte_length = 0;
  std::uint32_t char_begin = 0;
  std::uint32_t char_length = 0;

  std::uint32_t byte_end() const { return byte_begin + byte_length; }
  std::string_view text(std::string_view doc) const { return doc.substr(byte_begin, byte_length); }
};

struct Sentence {
  Span span;                  // trimmed of surrounding whitespace
  std::uint32_t first_token;  // index into Segmentation::tokens
  std::uint32_t token_count;
};

struct Token {
  Span span;
  std::uint32_t sentence;  // 0-based index into Segmentation::sentences
  TokenKind kind;
};

// Output of Segmenter::segment(). Reused between calls: clear() keeps the
// vectors' capacity so that a warm segmenter does not allocate.
struct Segmentation {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  void clear() {
    sentences.clear();
    tokens.clear();
  }
};

}  // namespace textsense::segment
