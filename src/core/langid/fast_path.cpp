#include "core/langid/fast_path.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/langid/latin_word_index.h"
#include "core/langid/text_cleaner.h"
#include "core/langid/word_lists.h"

namespace textsense::langid {
namespace {

// At least this many words listed for the language alone, and they make up
// at least 1 / kMinShareDivisor of the words: a tweet of 15 words with 3
// English-only function words and none of another language's qualifies; a
// name list or a URL-heavy line does not.
constexpr int kMinExclusiveWords = 2;
constexpr int kMinShareDivisor = 6;
// With another language's words present: at least this many of the
// leading language's, and kOutnumber times as many as all the others'.
constexpr int kMinDominantWords = 3;
constexpr int kOutnumber = 4;
// Reading as English: at most 1 / kUnknownDivisor of the words of two or
// more letters unknown to English. Chosen on the development data
// (tools/langid_eval, docs/languages.md): a fifth settles fewer tweets,
// a third loses accuracy on Italian and German tweets.
constexpr int kUnknownDivisor = 4;
// Fewer words than this for English settle the language but are not
// reliable evidence ("@bob #tag": one word that English and German write).
constexpr int kMinReliableEnglishWords = 3;

constexpr std::size_t kMaxWordBytes = LatinWordIndex::kMaxWordBytes;

// Non-ASCII characters that are not letters of any script and carry no
// language: punctuation (curly quotes, dashes, ellipsis), symbols, emoji and
// their joiners. Accented Latin letters are read as parts of words; a
// letter of any other script sends the text down the full path.
bool is_languageless(char32_t c) {
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||  // Latin-1 signs: « © ° ·
         (c >= 0x2000 && c <= 0x2BFF) ||                        // punctuation, arrows, symbols
         (c >= 0x1F000 && c <= 0x1FAFF) ||                      // emoji
         c == 0xFE0F || c == 0xFE0E || c == 0x20E3;             // variation selectors, keycap
}

// Decodes the code point at text[i] (well-formed UTF-8, lead byte >= 0x80)
// and advances i past it.
char32_t decode(std::string_view text, std::size_t& i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = b(i);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (i + length > text.size()) {
    i = text.size();
    return 0xFFFD;
  }
  char32_t c = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (b(i + k) & 0x3F);
  i += length;
  return c;
}

}  // namespace

// The length in bytes of a Latin letter beyond ASCII at text[i] (U+00C0 to
// U+024F, but × and ÷), or 0.
std::size_t latin_letter_bytes(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (i + 1 >= text.size()) return 0;
  const auto b2 = static_cast<unsigned char>(text[i + 1]);
  if (b == 0xC3) return b2 == 0x97 || b2 == 0xB7 ? 0 : 2;  // U+00C0..U+00FF
  return b >= 0xC4 && b <= 0xC9 ? 2 : 0;                   // U+0100..U+024F
}

namespace {

// What a byte starts, for the scan's one pass, as the cleaned text sees it.
enum ByteKind : std::uint8_t {
  kOther,      // ASCII punctuation, digits, symbols: between words
  kBlank,      // whitespace or a blanked control: ends a token
  kLetter,     // ASCII letter: starts a word
  kTokenMark,  // '@' or ':': the token may be a URL or a mention
  kNonAscii,   // lead byte of a longer code point
};

struct ByteKinds {
  ByteKind kind[256];
  // is_blank_after_cleaning() and ascii::is_letter(), spelled out to be
  // usable at compile time (a unit test checks that they agree).
  constexpr ByteKinds() : kind() {
    for (int b = 0; b < 256; ++b) {
      const int lower = b | 0x20;
      kind[b] = b >= 0x80                        ? kNonAscii
                : (b <= 0x20 || b == 0x7F)       ? kBlank
                : (lower >= 'a' && lower <= 'z') ? kLetter
                : (b == '@' || b == ':')         ? kTokenMark
                                                 : kOther;
    }
  }
};
constexpr ByteKinds kByteKinds;

std::uint64_t load8(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// For eight bytes (little-endian), the high bit of every byte that is not
// an ASCII letter. Per byte, without carries between bytes: c | 0x20 is in
// 'a'..'z' and c < 0x80.
std::uint64_t non_letter_bits(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const std::uint64_t folded = (v | (0x20 * kOnes)) & ~kHigh;      // lower case, 7 bits
  const std::uint64_t from_a = folded + (0x80 - 'a') * kOnes;      // high bit: >= 'a'
  const std::uint64_t past_z = folded + (0x80 - 'z' - 1) * kOnes;  // high bit: > 'z'
  const std::uint64_t letter = from_a & ~past_z & ~v & kHigh;
  return ~letter & kHigh;
}

// Where the run of ASCII letters from s[i] ends.
std::size_t end_of_letters(const unsigned char* s, std::size_t n, std::size_t i) {
  while (n - i >= 8) {
    const std::uint64_t stop = non_letter_bits(load8(s + i));
    if (stop != 0) return i + static_cast<std::size_t>(__builtin_ctzll(stop)) / 8;
    i += 8;
  }
  while (i < n && kByteKinds.kind[s[i]] == kLetter) ++i;
  return i;
}

// The key of the word p[0, length) (1 to kMaxWordBytes ASCII letters and
// inner apostrophes), lower-cased: OR 0x20 on every byte (an apostrophe has
// that bit already), zero after the word. Reads kMaxWordBytes bytes at p.
LatinWordIndex::Key lowered_key(const unsigned char* p, std::size_t length) {
  constexpr std::uint64_t kCase = 0x2020202020202020ull;
  const auto keep = [](std::size_t bytes) {
    return bytes >= 8 ? ~0ull : (1ull << (8 * bytes)) - 1;
  };
  LatinWordIndex::Key key;
  key.low = (load8(p) | kCase) & keep(length);
  key.high = length > 8 ? (load8(p + 8) | kCase) & keep(length - 8) : 0;
  return key;
}

// The key of the ASCII word s[begin, end) (lowered_key()), copied first
// near the end of the text.
LatinWordIndex::Key ascii_word_key(const unsigned char* s, std::size_t n, std::size_t begin,
                                   std::size_t end) {
  const std::size_t length = end - begin;
  unsigned char padded[kMaxWordBytes] = {};
  const unsigned char* p = s + begin;
  if (n - begin < kMaxWordBytes) {  // near the end of the text: copy
    std::memcpy(padded, p, length);
    p = padded;
  }
  return lowered_key(p, length);
}

// Any other word (Latin letters beyond ASCII, inner apostrophes: "don't",
// "l'été"), byte by byte, lower-cased (ASCII and Latin-1: the letters of the
// word lists). Advances i past the word; false when it is longer than
// kMaxWordBytes.
bool other_word_key(std::string_view text, std::size_t& i, LatinWordIndex::Key& key) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  char lower[kMaxWordBytes] = {};
  std::size_t length = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (kByteKinds.kind[c] == kLetter) {
      if (length < kMaxWordBytes) lower[length] = static_cast<char>(c | 0x20);
      ++length;
      ++i;
    } else if (c >= 0x80 && latin_letter_bytes(text, i) == 2) {
      auto c2 = s[i + 1];
      if (c == 0xC3 && c2 >= 0x80 && c2 <= 0x9E) c2 += 0x20;  // À..Þ -> à..þ
      if (length + 1 < kMaxWordBytes) {
        lower[length] = static_cast<char>(c);
        lower[length + 1] = static_cast<char>(c2);
      }
      length += 2;
      i += 2;
    } else if (c == '\'' && length > 0 && i + 1 < n &&
               (kByteKinds.kind[s[i + 1]] == kLetter || latin_letter_bytes(text, i + 1) == 2)) {
      if (length < kMaxWordBytes) lower[length] = '\'';
      ++length;
      ++i;
    } else {
      break;
    }
  }
  if (length > kMaxWordBytes) return false;
  key = LatinWordIndex::key_of(std::string_view(lower, length));
  return true;
}

// Where the token around s[i] ends (the next blank of the cleaned text),
// noting in `marked` whether the rest of it holds '@' or ':'.
std::size_t token_end(std::string_view text, std::size_t i, bool& marked) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  while (i < n) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      if (is_blank_after_cleaning(b)) return i;
      marked |= b == '@' || b == ':';
      ++i;
    } else {
      if (blanked_code_point_length(text, i) != 0) return i;
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }
  }
  return n;
}

// The index bits of a word not found as written that holds a run of three
// or more of one letter ("yaaaay", "sooo", "hushhhh": emphasis, as the
// sentiment engine reads it too): looked up with its runs cut to two
// letters ("woohoo"), then to one ("yay"). 0 when neither is listed.
std::uint16_t find_elongated(const LatinWordIndex& index, LatinWordIndex::Key key) {
  char word[kMaxWordBytes];
  std::memcpy(word, &key.low, 8);
  std::memcpy(word + 8, &key.high, 8);
  std::size_t length = 0;
  while (length < kMaxWordBytes && word[length] != 0) ++length;
  bool elongated = false;
  for (std::size_t i = 2; i < length && !elongated; ++i)
    elongated = word[i] == word[i - 1] && word[i] == word[i - 2];
  if (!elongated) return 0;
  for (const std::size_t keep : {2, 1}) {
    char cut[kMaxWordBytes];
    std::size_t cut_length = 0, run = 0;
    for (std::size_t i = 0; i < length; ++i) {
      run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
      if (run <= keep) cut[cut_length++] = word[i];
    }
    if (const std::uint16_t bits =
            index.find_bits(LatinWordIndex::key_of(std::string_view(cut, cut_length))))
      return bits;
  }
  return 0;
}

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// What a word's index bits say, worked out once for every value of the
// bits that matter (the languages listing it, frequent English, English
// sentiment word) so that counting a word is a table read and a few adds.
struct WordEvidence {
  std::uint8_t slot = 7;    // the one language listing it; 7: none or several
  std::uint8_t single = 0;  // 1 << slot, 0 for slot 7
  // Counts whatever its length: a one-letter word says little ("u", "x"),
  // unless it is a word of other languages and not of English ("O banco",
  // "e", "y").
  bool counts_always = false;
  bool unknown_to_english = false;
  // Speaks for English. A frequent word written as a name ("Costa Rica",
  // "Carlos") may be one of any language; a sentiment word seldom is a
  // name ("Tired").
  bool for_english = false;
  bool for_english_unless_name = false;
};

struct WordEvidenceTable {
  // Index: the 7 bits of the languages listing the word, then frequent
  // English, then English sentiment (LatinWordIndex::find_bits(),
  // evidence_index()).
  WordEvidence of[1u << 9];
  constexpr WordEvidenceTable() : of() {
    static_assert(kMainLanguageCount < 8, "the eighth slot is the no-language one");
    for (unsigned index = 0; index < (1u << 9); ++index) {
      const unsigned listed = index & 0x7F;
      const bool frequent = (index >> 7) & 1;
      const bool sentiment = (index >> 8) & 1;
      // Exactly one language lists it (0 when none or several do).
      const unsigned single = (listed & (listed - 1)) == 0 ? listed : 0;
      WordEvidence& e = of[index];
      e.slot = static_cast<std::uint8_t>(single == 0 ? 7 : __builtin_ctz(single));
      e.single = static_cast<std::uint8_t>(single);
      const bool unlisted = listed == 0;
      const bool english_word = ((listed & (1u << kEn)) != 0) || (frequent && unlisted);
      e.counts_always = !english_word && !unlisted;
      e.unknown_to_english = !english_word;
      e.for_english = listed == (1u << kEn) || (frequent && unlisted && sentiment);
      e.for_english_unless_name = frequent && unlisted;
    }
  }
};
constexpr WordEvidenceTable kWordEvidence;

std::size_t evidence_index(std::uint16_t bits) {
  static_assert(LatinWordIndex::kFrequentEnglishBit == 1u << 7 &&
                LatinWordIndex::kEnglishSentimentBit == 1u << 8 &&
                LatinWordIndex::kEvidenceBits == 0x1FF);
  return bits & LatinWordIndex::kEvidenceBits;
}

// A word's evidence as increments of counters packed eight bits a lane in
// a 64-bit word, for the window path (read_simple_tokens()), which reads at
// most 32 words a window and so never carries into the next lane: a word is
// a table read and two adds.
enum CounterLane : unsigned {
  kWordsLane,
  kLongWordsLane,
  kUnknownLane,
  kForEnglishLane,
};

struct WordIncrement {
  // [counts (two letters or more, or counts_always)][capitalised]
  std::uint64_t counters[2][2];
  std::uint64_t exclusive;  // lane `slot`
};

struct WordIncrementTable {
  WordIncrement of[1u << 9];
  constexpr WordIncrementTable() : of() {
    const auto lane = [](unsigned l, bool value) {
      return static_cast<std::uint64_t>(value) << (8 * l);
    };
    for (unsigned index = 0; index < (1u << 9); ++index) {
      const WordEvidence& e = kWordEvidence.of[index];
      WordIncrement& inc = of[index];
      for (int long_word = 0; long_word < 2; ++long_word) {
        for (int capitalised = 0; capitalised < 2; ++capitalised) {
          const bool counts = long_word || e.counts_always;
          inc.counters[long_word][capitalised] =
              lane(kWordsLane, true) | lane(kLongWordsLane, counts) |
              lane(kUnknownLane, counts && e.unknown_to_english) |
              lane(kForEnglishLane,
                   counts && (e.for_english || (e.for_english_unless_name && !capitalised)));
        }
      }
      inc.exclusive = std::uint64_t{1} << (8 * e.slot);
    }
  }
};
constexpr WordIncrementTable kWordIncrements;

// The counts of one token's words. Eight slots of exclusive words: the
// eighth takes the words no single language lists, so that counting needs
// no branch (the scan's cost is mostly mispredicted branches).
struct TokenCounts {
  int words = 0;
  int long_words = 0;
  int unknown_to_english = 0;
  int for_english = 0;
  int exclusive[8] = {};
  unsigned languages = 0;  // bit l: exclusive[l] > 0

  // Adds one word's evidence: its index bits, its length in bytes, whether
  // it is written as a name.
  void add_word(std::uint16_t bits, std::size_t length, bool capitalised) {
    const WordEvidence& e = kWordEvidence.of[evidence_index(bits)];
    ++words;
    ++exclusive[e.slot];
    languages |= e.single;
    const int counts = (length >= 2) | e.counts_always;
    long_words += counts;
    unknown_to_english += counts & e.unknown_to_english;
    for_english += counts & (e.for_english | (e.for_english_unless_name & !capitalised));
  }

  // Adds the packed counters of a window (WordIncrement).
  void add_packed(std::uint64_t counters, std::uint64_t exclusive_lanes) {
    const auto lane = [](std::uint64_t packed, unsigned l) {
      return static_cast<int>((packed >> (8 * l)) & 0xFF);
    };
    words += lane(counters, kWordsLane);
    long_words += lane(counters, kLongWordsLane);
    unknown_to_english += lane(counters, kUnknownLane);
    for_english += lane(counters, kForEnglishLane);
    for (unsigned l = 0; l < 8; ++l) exclusive[l] += lane(exclusive_lanes, l);
  }
};

// The counts of the token being read, kept apart until the token ends: a
// token the cleaning blanks (a URL with a '@' or "://" near its end) adds
// nothing.
struct PendingToken {
  std::size_t begin = 0;
  bool marked = false;        // holds '@' or ':'
  bool other_script = false;  // a letter of a script other than Latin
  TokenCounts counts;         // of this token only

  // Adds the token ending at `end` to `scan` unless the cleaning blanks it,
  // and starts the next one at `next`. False when a letter of another
  // script ends the scan.
  bool commit(std::string_view text, std::size_t end, std::size_t next, FunctionWordScan& scan) {
    if (counts.words > 0 || other_script) {
      // Without the '#'s that open it, which the cleaning drops before it
      // judges the token ("#www.example.com" is a host).
      std::string_view token = text.substr(begin, end - begin);
      while (!token.empty() && token.front() == '#') token.remove_prefix(1);
      const bool blanked =
          marked ? is_nonlinguistic_token(token) : is_host_or_retweet_marker(token);
      if (!blanked) {
        if (other_script) {
          scan.plain = false;
          return false;
        }
        scan.words += counts.words;
        scan.long_words += counts.long_words;
        scan.unknown_to_english += counts.unknown_to_english;
        scan.for_english += counts.for_english;
        for (unsigned l = counts.languages; l != 0; l &= l - 1)
          scan.exclusive[__builtin_ctz(l)] += counts.exclusive[__builtin_ctz(l)];
      }
      // Reset what the token set, not the whole struct: most tokens are one
      // word of no list's.
      for (unsigned l = counts.languages; l != 0; l &= l - 1)
        counts.exclusive[__builtin_ctz(l)] = 0;
      counts.words = counts.long_words = counts.unknown_to_english = counts.for_english = 0;
      counts.languages = 0;
      other_script = false;
    }
    begin = next;
    marked = false;
    return true;
  }
};

// The window through which the scan reads the common tokens
// (read_simple_tokens()), and how far past a word's first byte its key is
// read (two 8-byte halves).
constexpr std::size_t kWindow = 64;
constexpr std::size_t kKeyReach = 16;

// The window at `pos`: kWindow + kKeyReach readable bytes, the text's own
// or, near its end, a copy of its last bytes padded with blanks (made once
// a scan).
class WindowSource {
 public:
  const unsigned char* at(const unsigned char* s, std::size_t n, std::size_t pos) {
    constexpr std::size_t kReadable = kWindow + kKeyReach;
    if (n - pos >= kReadable) return s + pos;
    const std::size_t start = n > kReadable ? n - kReadable : 0;
    if (!filled_) {
      std::memset(tail_, ' ', sizeof tail_);
      std::memcpy(tail_, s + start, n - start);
      filled_ = true;
    }
    return tail_ + (pos - start);
  }

 private:
  unsigned char tail_[2 * (kWindow + kKeyReach)];
  bool filled_ = false;
};

// The bytes of a window as bit masks (bit k: byte k).
struct WindowMasks {
  std::uint64_t blank = 0;   // kBlank: ends a token
  std::uint64_t high = 0;    // >= 0x80
  std::uint64_t letter = 0;  // ASCII letter
  std::uint64_t upper = 0;   // 'A'..'Z'
  std::uint64_t apostrophe = 0;
  std::uint64_t mark = 0;  // '@' or ':' (kTokenMark)
  // Byte k starts a run of three equal bytes, ignoring case ("aaa", "AaA"):
  // only a word with one can be elongated (find_elongated()).
  std::uint64_t triple = 0;
};

WindowMasks classify_window(const unsigned char* w) {
  WindowMasks m;
#if defined(__SSE2__)
  for (unsigned chunk = 0; chunk < kWindow / 16; ++chunk) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 16 * chunk));
    const auto bits = [chunk](__m128i x) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(x)))
             << (16 * chunk);
    };
    const auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // Signed compares: bytes >= 0x80 are negative, so they are neither
    // blanks (masked out) nor letters.
    const std::uint64_t high = bits(v);
    m.high |= high;
    m.blank |= (bits(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21))) & ~high) | bits(eq(0x7F));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    m.letter |= bits(_mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                   _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1))));
    m.upper |= bits(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1))));
    m.apostrophe |= bits(eq('\''));
    m.mark |= bits(_mm_or_si128(eq('@'), eq(':')));
    const __m128i next = _mm_or_si128(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 16 * chunk + 1)), _mm_set1_epi8(0x20));
    m.triple |= bits(_mm_cmpeq_epi8(lower, next));  // for now: equal to the next byte
  }
  m.triple &= m.triple >> 1;
#else
  for (unsigned k = 0; k < kWindow; ++k) {
    const unsigned char c = w[k];
    const std::uint64_t bit = std::uint64_t{1} << k;
    const ByteKind kind = kByteKinds.kind[c];
    if (kind == kBlank) m.blank |= bit;
    if (kind == kNonAscii) m.high |= bit;
    if (kind == kLetter) m.letter |= bit;
    if (c >= 'A' && c <= 'Z') m.upper |= bit;
    if (c == '\'') m.apostrophe |= bit;
    if (kind == kTokenMark) m.mark |= bit;
    if ((c | 0x20) == (w[k + 1] | 0x20)) m.triple |= bit;
  }
  m.triple &= m.triple >> 1;
#endif
  return m;
}

// Whether the cleaning blanks an ASCII token with a letter in it
// (is_nonlinguistic_token()): it holds '@' or "://", or after the '#'s
// that open it, it is "RT:", a host ("www.") or the retweet marker.
bool blanks_ascii_token(std::string_view token, bool marked) {
  if (marked &&
      (token.find('@') != std::string_view::npos || token.find("://") != std::string_view::npos))
    return true;
  std::size_t first = 0;
  while (token[first] == '#') ++first;  // a letter follows
  const char c = token[first];
  if (c != 'w' && c != 'W' && c != 'R') return false;
  const std::string_view rest = token.substr(first);
  return rest == "RT:" || is_host_or_retweet_marker(rest);
}

// Looks up and counts the words of a window: `words` has a run of bits a
// word.
void count_words(const unsigned char* w, std::uint64_t words, const WindowMasks& m,
                 const LatinWordIndex& index, TokenCounts& counts) {
  std::uint64_t counters = 0, exclusive = 0;  // WordIncrement
  while (words != 0) {
    const unsigned start = static_cast<unsigned>(__builtin_ctzll(words));
    const unsigned bytes = static_cast<unsigned>(__builtin_ctzll(~(words >> start)));
    words &= words + (std::uint64_t{1} << start);  // clears the run
    std::uint16_t bits = 0;                        // longer words are in no list
    if (bytes <= kMaxWordBytes) {
      const LatinWordIndex::Key key = lowered_key(w + start, bytes);  // kKeyReach readable
      bits = index.find_bits(key);
      if (bits == 0 && bytes >= 3 && ((m.triple >> start) & ((1u << (bytes - 2)) - 1)) != 0)
        bits = find_elongated(index, key);
    }
    const bool capitalised = ((m.upper >> start) & 3u) == 1u;
    const WordIncrement& inc = kWordIncrements.of[evidence_index(bits)];
    counters += inc.counters[bytes >= 2][capitalised];
    exclusive += inc.exclusive;
  }
  counts.add_packed(counters, exclusive);
}

// Reads the tokens from `pos` (a token's first byte, or a blank) that end
// in the window there and hold no byte beyond ASCII: most tokens of most
// texts. Adds the words of those the cleaning keeps to `counts`. Returns
// where reading goes on: the first token it did not read, which needs the
// byte-by-byte path (`bytewise`) when it holds a byte beyond ASCII or fills
// the window, and a window of its own otherwise. Reads exactly what the
// byte-by-byte path would: a word is a run of ASCII letters, with an
// apostrophe between two letters inside it ("don't"), looked up
// lower-cased.
std::size_t read_simple_tokens(std::string_view text, std::size_t pos, const LatinWordIndex& index,
                               WindowSource& source, TokenCounts& counts, bool& bytewise) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* w = source.at(s, text.size(), pos);
  const WindowMasks m = classify_window(w);
  // An apostrophe between two letters is part of a word.
  const std::uint64_t word_bytes = m.letter | (m.apostrophe & (m.letter << 1) & (m.letter >> 1));
  unsigned offset = 0;
  bytewise = false;
  std::uint64_t kept = 0;  // the bytes of the words of the tokens read
  // Where reading goes on, with the words counted.
  const auto stop = [&](std::size_t next) {
    count_words(w, kept, m, index, counts);
    return next;
  };
  for (;;) {
    const std::uint64_t not_blank = ~m.blank >> offset;
    if (not_blank == 0) return stop(pos + kWindow);  // blanks to the window's end
    offset += static_cast<unsigned>(__builtin_ctzll(not_blank));
    const std::uint64_t blanks_after = m.blank >> offset;
    if (blanks_after == 0) {  // the token goes on past the window
      bytewise = offset == 0;
      return stop(pos + offset);
    }
    const unsigned length = static_cast<unsigned>(__builtin_ctzll(blanks_after));
    const std::uint64_t in_token = ((std::uint64_t{1} << length) - 1) << offset;
    if (m.high & in_token) {
      bytewise = true;
      return stop(pos + offset);
    }
    const std::uint64_t words = word_bytes & in_token;
    if (words != 0 &&
        !blanks_ascii_token(std::string_view(reinterpret_cast<const char*>(w) + offset, length),
                            (m.mark & in_token) != 0))
      kept |= words;
    offset += length;  // at the blank
  }
}

}  // namespace

// One pass over `text`, read as clean_for_detection() would leave it but
// without the copy: the cleaning blanks whole tokens (URLs, mentions, "RT")
// and single code points (controls, noncharacters), and a '#' is no letter
// either way, so the words between the blanks are the same. A unit test
// and the langid fuzz target compare the two.
FunctionWordScan scan_function_words(std::string_view text) {
  const LatinWordIndex& index = LatinWordIndex::shared();
  FunctionWordScan scan;
  PendingToken token;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  // The words of the tokens read through windows (read_simple_tokens()),
  // which the cleaning keeps: added to `scan` at the end.
  TokenCounts simple;
  WindowSource windows;
  std::size_t bytewise_from = n;  // a token the windows leave to this loop
  while (i < n) {
    if (i == token.begin && i != bytewise_from) {  // a token starts, or blanks
      bool bytewise = false;
      const std::size_t next =
          std::min(read_simple_tokens(text, i, index, windows, simple, bytewise), n);
      if (bytewise) bytewise_from = next;
      if (next != i) {
        i = token.begin = next;
        continue;
      }
    }
    const unsigned char b = s[i];
    switch (kByteKinds.kind[b]) {
      case kOther: ++i; continue;
      case kBlank:
        if (!token.commit(text, i, i + 1, scan)) return scan;
        ++i;
        continue;
      case kTokenMark:
        token.marked = true;
        ++i;
        continue;
      case kNonAscii:
        if (latin_letter_bytes(text, i) == 2) break;  // a word
        if (const std::size_t blanked = blanked_code_point_length(text, i)) {
          if (!token.commit(text, i, i + blanked, scan)) return scan;
          i += blanked;
          continue;
        }
        if (!is_languageless(decode(text, i))) {
          // A letter of another script ends the scan, unless its token is
          // one the cleaning blanks: read on to the token's end only (a
          // Chinese text may be one token), without decoding.
          token.other_script = true;
          const std::size_t end = token_end(text, i, token.marked);
          if (!token.commit(text, end, end, scan)) return scan;
          i = end;  // the token was blanked: read on
        }
        continue;
      case kLetter: break;
    }
    // A word: ASCII letters (most), or the byte-by-byte path.
    const std::size_t begin = i;
    const unsigned char second = begin + 1 < n ? s[begin + 1] : 0;
    const bool capitalised = is_upper(b) && !is_upper(second);
    LatinWordIndex::Key key;
    const std::size_t letters_end = end_of_letters(s, n, i);
    if (letters_end > i && letters_end - i <= kMaxWordBytes &&
        (letters_end == n || (s[letters_end] != '\'' && s[letters_end] < 0x80))) {
      key = ascii_word_key(s, n, i, letters_end);
      i = letters_end;
    } else if (!other_word_key(text, i, key)) {
      token.counts.add_word(0, kMaxWordBytes + 1, capitalised);
      continue;
    }
    std::uint16_t bits = index.find_bits(key);
    if (bits == 0 && i - begin >= 3) bits = find_elongated(index, key);
    token.counts.add_word(bits, i - begin, capitalised);
  }
  token.commit(text, n, n, scan);
  scan.words += simple.words;
  scan.long_words += simple.long_words;
  scan.unknown_to_english += simple.unknown_to_english;
  scan.for_english += simple.for_english;
  for (int l = 0; l < kMainLanguageCount; ++l) scan.exclusive[l] += simple.exclusive[l];
  return scan;
}

FunctionWordScan::Settled FunctionWordScan::settle() const {
  if (!plain) return {};
  int best = 0, others = 0;
  for (int l = 1; l < kMainLanguageCount; ++l)
    if (exclusive[l] > exclusive[best]) best = l;
  for (int l = 0; l < kMainLanguageCount; ++l)
    if (l != best) others += exclusive[l];
  const bool enough_share = exclusive[best] * kMinShareDivisor >= words;
  // One language's function words and no other's.
  if (others == 0 && exclusive[best] >= kMinExclusiveWords && enough_share)
    return {kMainLanguageCodes[best], true};
  // One language's, outnumbering the others'.
  if (others > 0 && exclusive[best] >= kMinDominantWords &&
      exclusive[best] >= kOutnumber * others && enough_share)
    return {kMainLanguageCodes[best], true};
  // English words, outnumbering other languages', few unknown words.
  int against_english = 0;
  for (int l = 0; l < kMainLanguageCount; ++l)
    if (l != kEn) against_english += exclusive[l];
  if (for_english > 0 && for_english >= kOutnumber * against_english &&
      unknown_to_english * kUnknownDivisor <= long_words)
    return {kMainLanguageCodes[kEn], for_english >= kMinReliableEnglishWords};
  return {};
}

std::string_view FunctionWordScan::decisive() const { return settle().language; }

bool FunctionWordScan::nothing_against(MainLanguage language) const {
  if (!plain) return false;
  for (int l = 0; l < kMainLanguageCount; ++l)
    if (l != language && exclusive[l] > 0) return false;
  return true;
}

std::string_view decisive_function_words(std::string_view text) {
  return scan_function_words(text).decisive();
}

}  // namespace textsense::langid
