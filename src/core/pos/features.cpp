#include "core/pos/features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/common/ascii.h"
#include "core/common/utf8.h"
#include "core/common/hash.h"

namespace textsense::pos {
namespace {

using hashing::combine;

// What the features read about one character beyond ASCII: its simple
// lower-case mapping (decimal digits of any script fold to '0'), its shape
// symbol and its letter case.
enum CharKind : std::uint8_t {
  kCharOther,
  kCharUpper,
  kCharLower,
  kCharCaseless,
  kCharDigit,
  kCharDash
};
struct CharInfo {
  char32_t lower;
  char shape;  // 0: shapes skip it (combining marks, joiners, variation selectors, skin tones)
  CharKind kind;
};

// The shape symbol of a non-ASCII code point. Letters read as their case
// where the script has one ('X', 'x'), else by script (Han 'H', hiragana
// 'k', katakana 'K', any other 'l'); emoji and other symbols 's', currency
// '$'; punctuation as its ASCII look-alike class.
char shape_symbol(UChar32 c, std::int8_t type) {
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER: return 'X';
    case U_LOWERCASE_LETTER: return 'x';
    case U_OTHER_LETTER:
    case U_MODIFIER_LETTER:
      if (c >= 0x3040 && c <= 0x309F) return 'k';
      if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
          (c >= 0xFF66 && c <= 0xFF9F))
        return 'K';
      if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return 'H';
      return 'l';
    case U_DECIMAL_DIGIT_NUMBER: return 'd';
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER: return 'n';
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR: return 0;
    case U_CURRENCY_SYMBOL: return '$';
    case U_MATH_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL: return 's';
    case U_DASH_PUNCTUATION: return '-';
    case U_START_PUNCTUATION: return '(';
    case U_END_PUNCTUATION: return ')';
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: return '"';
    case U_OTHER_PUNCTUATION: return '.';
    default: return 'u';
  }
}

CharInfo icu_char_info(UChar32 c) {
  const std::int8_t type = u_charType(c);
  CharInfo info{static_cast<char32_t>(u_tolower(c)), shape_symbol(c, type), kCharOther};
  if (c >= 0x1F3FB && c <= 0x1F3FF) info.shape = 0;  // skin tones: part of the emoji before
  if (type == U_DECIMAL_DIGIT_NUMBER) {
    info.lower = '0';
    info.kind = kCharDigit;
  } else if (u_isupper(c) || u_istitle(c)) {
    info.kind = kCharUpper;
  } else if (u_islower(c)) {
    info.kind = kCharLower;
  } else if (u_isalpha(c)) {
    info.kind = kCharCaseless;
  } else if (type == U_DASH_PUNCTUATION) {
    info.kind = kCharDash;
  }
  return info;
}

// The two-byte code points (U+0080..U+07FF: Latin-1 and Extended, Greek,
// Cyrillic, Armenian, Hebrew, Arabic), precomputed from ICU: a table
// look-up a character where most non-English words spend their time.
struct TwoByteInfo {
  CharInfo info[0x800 - 0x80];
  TwoByteInfo() {
    for (UChar32 c = 0x80; c < 0x800; ++c) info[c - 0x80] = icu_char_info(c);
  }
};
const TwoByteInfo kTwoByteInfo;

inline CharInfo char_info(UChar32 c) {
  if (c < 0x800) return kTwoByteInfo.info[c - 0x80];
  // The letters of most Chinese and Japanese text, whose ICU properties
  // (Lo, no case, ideographic or kana) are known: skip six look-ups.
  if (c >= 0x4E00 && c <= 0x9FFF) return {static_cast<char32_t>(c), 'H', kCharCaseless};
  if (c >= 0x3041 && c <= 0x3096) return {static_cast<char32_t>(c), 'k', kCharCaseless};
  if (c >= 0x30A1 && c <= 0x30FA) return {static_cast<char32_t>(c), 'K', kCharCaseless};
  return icu_char_info(c);
}

// One code point of `word` at i, advancing i; an ill-formed sequence reads
// as U+FFFD (its bytes are kept by the lower-case form), so that a damaged
// word still hashes without reading past its end.
inline UChar32 next_code_point(std::string_view word, std::size_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(word.data()), i, word.size(), c);
  return c;
}

inline void append_utf8(std::string& out, char32_t c) {
  char bytes[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  out.append(bytes, static_cast<std::size_t>(length));
}

// The shape, "Xxxx", "dd.dd", "xx'x", "HH", "s": character classes with
// runs capped at two, at most 12 symbols.
class ShapeBuilder {
 public:
  void add(char s) {
    if (s == 0 || n_ == static_cast<int>(sizeof shape_)) return;
    run_ = (s == last_) ? run_ + 1 : 1;
    last_ = s;
    if (run_ <= 2) shape_[n_++] = s;
  }
  std::uint64_t hash() const {
    return hashing::bytes(std::string_view(shape_, static_cast<std::size_t>(n_)), 0x5A);
  }

 private:
  char shape_[12];
  int n_ = 0;
  char last_ = 0;
  int run_ = 0;
};

char ascii_shape(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (ascii::is_digit(c)) return 'd';
  return static_cast<char>(c);
}

struct WordFacts {
  std::uint64_t shape;
  std::uint32_t flags;
  std::uint32_t length;  // code points
};

// One pass over a word: appends its lower-case form (normalize()) to `out`
// and returns its shape, flags and length. Letter case counts in every
// script with case: capitals mark names, and German nouns, in all of them.
WordFacts scan_word(std::string_view word, std::string& out) {
  ShapeBuilder shape;
  std::uint32_t flags = 0, length = 0;
  int upper = 0, lower = 0, caseless = 0;
  bool first_upper = false;
  for (std::size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    ++length;
    if (c < 0x80) {
      ++i;
      shape.add(ascii_shape(c));
      if (c >= 'A' && c <= 'Z') {
        ++upper;
        first_upper |= length == 1;
        out.push_back(static_cast<char>(c | 0x20));
        continue;
      }
      if (c >= 'a' && c <= 'z') ++lower;
      else if (ascii::is_digit(c)) flags |= kFlagHasDigit;
      else if (c == '-') flags |= kFlagHasHyphen;
      out.push_back(ascii::is_digit(c) ? '0' : static_cast<char>(c));
      continue;
    }
    flags |= kFlagHasNonAscii;
    const std::size_t start = i;
    const UChar32 cp = next_code_point(word, i);
    if (cp < 0) {
      out.append(word.data() + start, i - start);
      shape.add('u');
      continue;
    }
    const CharInfo info = char_info(cp);
    shape.add(info.shape);
    append_utf8(out, info.lower);
    switch (info.kind) {
      case kCharUpper:
        ++upper;
        first_upper |= length == 1;
        break;
      case kCharLower: ++lower; break;
      case kCharCaseless: ++caseless; break;
      case kCharDigit: flags |= kFlagHasDigit; break;
      case kCharDash: flags |= kFlagHasHyphen; break;
      case kCharOther: break;
    }
  }
  if (upper > 0) flags |= kFlagHasUpper;
  if (upper > 0 && lower == 0) flags |= kFlagAllUpper;
  if (first_upper && lower > 0) flags |= kFlagTitle;
  if (upper + lower + caseless == 0) flags |= kFlagNoLetters;
  if (word.find("://") != std::string_view::npos || word.compare(0, 4, "www.") == 0)
    flags |= kFlagUrlLike;
  const std::size_t at = word.find('@');
  if (at != std::string_view::npos && at > 0 && word.find('.', at) != std::string_view::npos)
    flags |= kFlagEmailLike;
  return {shape.hash(), flags, std::min<std::uint32_t>(length, 15)};
}

// Sentence padding: positions before the first and after the last token.
TokenHashes make_padding(std::uint64_t seed) {
  TokenHashes t{};
  t.word = t.lower = t.shape = t.ambiguity = hashing::mix(seed);
  t.clusters = static_cast<std::uint32_t>(t.word);
  t.folded = 0;
  for (auto& p : t.prefix) p = t.word;
  for (auto& s : t.suffix) s = t.word;
  return t;
}

const std::uint64_t kUnknownWord = hashing::mix(0xDEC0DE);
const TokenHashes kBefore = make_padding(0xB0F);
const TokenHashes kAfter = make_padding(0xE0F);

// Feature template ids. Append new ones; never renumber (bump
// kFeatureSetVersion when the set changes).
// clang-format off
enum Template : std::uint64_t {
  kBias = 1, kWord, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2,
  kPrefix3, kShape, kFlags, kAmbiguity, kAmbiguitySuffix, kPrevLower, kPrev2Lower, kNextLower,
  kNext2Lower, kPrevSuffix, kNextSuffix, kPrevShape, kNextShape, kPrevLowerLower,
  kLowerNextLower, kNextAmbiguity, kNext2Ambiguity, kPrevAmbiguity, kFirstShape, kLength,
  kAmbiguityNextAmbiguity, kPrevNextLower, kSuffixNextLower,
  kCluster0, kCluster1, kCluster2, kCluster3, kPrevCluster, kNextCluster, kPrev2Cluster,
  kNext2Cluster,
  kTag1 = 64, kTag2Tag1, kTag1Lower, kTag1NextAmbiguity, kTag1Suffix, kTag2, kTag1Shape,
};
// clang-format on

}  // namespace

void normalize(std::string_view word, std::string& out) {
  // scan_word()'s lower-case form without its shape and flags: the raw-text
  // tagger checks every token against the model's contractions with it.
  out.assign(word.data(), word.size());
  std::size_t i = 0;
  for (const std::size_t n = out.size(); i < n; ++i) {
    const unsigned char u = static_cast<unsigned char>(out[i]);
    if (u >= 0x80) break;
    if (u >= 'A' && u <= 'Z') out[i] = static_cast<char>(u | 0x20);
    else if (ascii::is_digit(u)) out[i] = '0';
  }
  if (i == out.size()) return;
  out.resize(i);
  while (i < word.size()) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20)
                    : ascii::is_digit(c) ? '0'
                                         : static_cast<char>(c));
      ++i;
      continue;
    }
    const std::size_t start = i;
    const UChar32 cp = next_code_point(word, i);
    if (cp < 0) out.append(word.data() + start, i - start);
    else append_utf8(out, char_info(cp).lower);
  }
}

std::uint64_t word_key(std::string_view word) {
  std::string lower;
  normalize(word, lower);
  return hashing::bytes(lower, 0x3D) | 1;  // never 0, the empty-slot key
}

void FeatureExtractor::prepare(const std::string_view* words, std::size_t count,
                               std::vector<TokenHashes>& out, bool complete) {
  out.resize(count);
  // Two passes: scan every word once (its lower-case form, kept for the
  // second pass, and its shape and flags) and prefetch its vocabulary
  // slot, then read the slots, so that their cache misses overlap.
  lowered_.clear();
  lowered_end_.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t from = lowered_.size();
    const WordFacts facts = scan_word(words[i], lowered_);
    lowered_end_[i] = lowered_.size();
    TokenHashes& t = out[i];
    t.lower = hashing::bytes(std::string_view(lowered_).substr(from), 0x3D) | 1;
    t.shape = facts.shape;
    t.flags = facts.flags;
    t.length = facts.length;
    if (dictionary_.entries != nullptr) {
      // A 24-byte entry may straddle two cache lines.
      const char* home = reinterpret_cast<const char*>(dictionary_.home(t.lower));
      __builtin_prefetch(home);
      __builtin_prefetch(home + sizeof(WordEntry) - 1);
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view word = words[i];
    TokenHashes& t = out[i];
    const std::size_t from = i == 0 ? 0 : lowered_end_[i - 1];
    const std::string_view lower = std::string_view(lowered_).substr(from, lowered_end_[i] - from);
    const WordEntry* entry = dictionary_.lookup(t.lower);
    t.ambiguity = entry == nullptr ? 0 : entry->ambiguity;
    t.clusters = entry == nullptr ? 0 : entry->clusters;
    t.folded = entry == nullptr ? 0 : entry->folded;
    // Words outside the model's vocabulary share one identity, as words
    // seen once did in training: their features then carry weights learned
    // for rare words instead of none at all.
    if (t.ambiguity == 0) {
      t.word = t.lower = kUnknownWord;
    } else {
      t.word = hashing::bytes(word, 0x1D);
    }
    // Character (code point) boundaries for prefixes and suffixes.
    std::size_t starts[5];
    int found = 0;
    for (std::size_t b = lower.size(); b > 0 && found < 5; --b)
      if (!utf8::is_continuation(static_cast<unsigned char>(lower[b - 1]))) starts[found++] = b - 1;
    auto suffix = [&](int k) {
      const std::size_t at = k < found ? starts[k] : 0;
      return hashing::bytes(lower.substr(at), 0x50 + static_cast<std::uint64_t>(k));
    };
    t.suffix[2] = suffix(2);  // fixed_features reads it
    if (!complete && t.folded != 0) continue;
    for (int k : {0, 1, 3}) t.suffix[k] = suffix(k);
    std::size_t b = 0;
    for (int k = 0; k < 3; ++k) {
      if (b < lower.size()) {
        ++b;
        while (b < lower.size() && utf8::is_continuation(static_cast<unsigned char>(lower[b]))) ++b;
      }
      t.prefix[k] = hashing::bytes(lower.substr(0, b), 0x70 + static_cast<std::uint64_t>(k));
    }
  }
}

namespace {
const TokenHashes& at(const TokenHashes* tokens, std::size_t n, std::size_t i, int offset) {
  const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
  if (j < 0) return kBefore;
  if (j >= static_cast<std::ptrdiff_t>(n)) return kAfter;
  return tokens[j];
}
}  // namespace

const TokenHashes& FeatureExtractor::before() { return kBefore; }
const TokenHashes& FeatureExtractor::after() { return kAfter; }

int FeatureExtractor::fixed_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                                     std::uint64_t* out) const {
  const TokenHashes& t0 = tokens[i];
  const TokenHashes& p1 = at(tokens, n, i, -1);
  const TokenHashes& n1 = at(tokens, n, i, +1);
  int k = 0;
  out[k++] = combine(kBias, 0);
  out[k++] = combine(kWord, t0.word);
  out[k++] = combine(kShape, t0.shape);
  out[k++] = combine(kFlags, t0.flags);
  out[k++] = combine(kPrevShape, p1.shape);
  out[k++] = combine(kNextShape, n1.shape);
  out[k++] = combine(kPrevLowerLower, p1.lower, t0.lower);
  out[k++] = combine(kLowerNextLower, t0.lower, n1.lower);
  out[k++] = combine(kFirstShape, i == 0, t0.shape);
  out[k++] = combine(kAmbiguityNextAmbiguity, t0.ambiguity, n1.ambiguity);
  out[k++] = combine(kPrevNextLower, p1.lower, n1.lower);
  out[k++] = combine(kSuffixNextLower, t0.suffix[2], n1.lower);
  return k;
}

int FeatureExtractor::role_features(const TokenHashes& t, int role, std::uint64_t* out) {
  int k = 0;
  switch (role) {
    case kRoleSelf:
      out[k++] = combine(kLower, t.lower);
      out[k++] = combine(kSuffix1, t.suffix[0]);
      out[k++] = combine(kSuffix2, t.suffix[1]);
      out[k++] = combine(kSuffix3, t.suffix[2]);
      out[k++] = combine(kSuffix4, t.suffix[3]);
      out[k++] = combine(kPrefix1, t.prefix[0]);
      out[k++] = combine(kPrefix2, t.prefix[1]);
      out[k++] = combine(kPrefix3, t.prefix[2]);
      out[k++] = combine(kAmbiguity, t.ambiguity);
      out[k++] = combine(kAmbiguitySuffix, t.ambiguity, t.suffix[2]);
      out[k++] = combine(kLength, t.length);
      out[k++] = combine(kCluster0, cluster_at(t.clusters, 0));
      out[k++] = combine(kCluster1, cluster_at(t.clusters, 1));
      out[k++] = combine(kCluster2, cluster_at(t.clusters, 2));
      out[k++] = combine(kCluster3, cluster_at(t.clusters, 3));
      break;
    case kRolePrev:
      out[k++] = combine(kPrevLower, t.lower);
      out[k++] = combine(kPrevSuffix, t.suffix[2]);
      out[k++] = combine(kPrevAmbiguity, t.ambiguity);
      out[k++] = combine(kPrevCluster, cluster_at(t.clusters, 2));
      break;
    case kRolePrev2:
      out[k++] = combine(kPrev2Lower, t.lower);
      out[k++] = combine(kPrev2Cluster, cluster_at(t.clusters, 1));
      break;
    case kRoleNext:
      out[k++] = combine(kNextLower, t.lower);
      out[k++] = combine(kNextSuffix, t.suffix[2]);
      out[k++] = combine(kNextAmbiguity, t.ambiguity);
      out[k++] = combine(kNextCluster, cluster_at(t.clusters, 2));
      break;
    case kRoleNext2:
      out[k++] = combine(kNext2Lower, t.lower);
      out[k++] = combine(kNext2Ambiguity, t.ambiguity);
      out[k++] = combine(kNext2Cluster, cluster_at(t.clusters, 1));
      break;
  }
  return k;
}

int FeatureExtractor::static_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                                      std::uint64_t* out) const {
  int k = fixed_features(tokens, n, i, out);
  for (int role = 0; role < kRoles; ++role)
    k += role_features(at(tokens, n, i, kRoleOffset[role]), role, out + k);
  return k;
}

int FeatureExtractor::history_features(const TokenHashes* tokens, std::size_t n, std::size_t i,
                                       int prev1, int prev2, std::uint64_t* out) const {
  const TokenHashes& t0 = tokens[i];
  const TokenHashes& n1 = i + 1 < n ? tokens[i + 1] : kAfter;
  const std::uint64_t tag1 = static_cast<std::uint64_t>(prev1 + 2);
  const std::uint64_t tag2 = static_cast<std::uint64_t>(prev2 + 2);
  int k = 0;
  out[k++] = combine(kTag1, tag1);
  out[k++] = combine(kTag2, tag2);
  out[k++] = combine(kTag2Tag1, tag2, tag1);
  out[k++] = combine(kTag1Lower, tag1, t0.lower);
  out[k++] = combine(kTag1NextAmbiguity, tag1, n1.ambiguity);
  out[k++] = combine(kTag1Suffix, tag1, t0.suffix[2]);
  out[k++] = combine(kTag1Shape, tag1, t0.shape);
  return k;
}

}  // namespace textsense::pos
