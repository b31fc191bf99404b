#include "core/segment/cjk_dictionary.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/appendable.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>

#include "core/common/utf8.h"
#include "core/segment/uchars_trie_walk.h"

namespace textsense::segment {
namespace {

// The search's constants, as ICU's engine has them (dictbe.cpp): a word of
// the list is at most 20 UTF-16 units long; a character the list does not
// have as a word costs 255; a run of katakana is also a word candidate,
// whatever the list says, at a cost by its length (1-8; longer runs cost
// 8192, and runs of 20 or more are no candidate).
constexpr int kMaxWordUnits = 20;
constexpr std::uint32_t kUnlistedCost = 255;
constexpr std::uint32_t kKatakanaCost[] = {8192, 984, 408, 240, 204, 252, 300, 372, 480};
constexpr std::size_t kMaxKatakanaGroup = 20;
constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

std::uint32_t katakana_cost(std::size_t length) {
  return length < std::size(kKatakanaCost) ? kKatakanaCost[length] : 8192;
}

// The engine's own test for the katakana heuristic (not the same set as
// the run's: U+30FB, the middle dot, is no katakana here).
bool is_katakana(char32_t c) {
  return (c >= 0x30A1 && c <= 0x30FE && c != 0x30FB) || (c >= 0xFF66 && c <= 0xFF9F);
}

// The layout of ICU's dictionary files (icu4c common/dictionarydata.h):
// after the ICU data header, eight int32 indexes, then the trie.
constexpr int kIndexTrieOffset = 0;
constexpr int kIndexTotalSize = 3;
constexpr int kIndexTrieType = 4;
constexpr int kIndexTransform = 5;
constexpr int kIndexCount = 8;
constexpr std::int32_t kTrieTypeMask = 7;
constexpr std::int32_t kTrieTypeUChars = 1;
constexpr std::int32_t kTrieHasValues = 8;

struct DataCloser {
  void operator()(UDataMemory* m) const { udata_close(m); }
};

UBool accept_dictionary(void*, const char*, const char*, const UDataInfo* info) {
  return info->size >= 20 && info->isBigEndian == U_IS_BIG_ENDIAN &&
         info->charsetFamily == U_CHARSET_FAMILY && std::memcmp(info->dataFormat, "Dict", 4) == 0 &&
         info->formatVersion[0] == 1;
}

}  // namespace

struct CjkDictionary::Impl {
  std::unique_ptr<UDataMemory, DataCloser> data;
  const char16_t* trie = nullptr;
  std::vector<std::uint8_t> flags;  // CjkDictionary::bmp_flags_
  // The trie after each BMP character, so that the walk from a position
  // starts past the root's binary search (and, for a character that is a
  // word and starts no longer one, does not touch the trie at all). One
  // entry of 8 bytes a character, read in one load (512 KB; an index into
  // a list of the 20,000 that start words made it two dependent loads).
  struct First {
    std::uint32_t offset;  // the walk after the character (UCharsTrieWalk)
    std::int8_t remaining;
    std::uint8_t result;  // a UStringTrieResult; NO_MATCH: starts no word
    std::uint16_t value;  // when result has one: the character's cost as a word
  };
  std::vector<First> firsts;  // by BMP code point
  // A filter of the first two UTF-16 units of the list's words (185,000
  // pairs in ICU 72's list, one bit each in 2^21): most positions start no
  // word of two characters, and a clear bit says so without the binary
  // search of the first character's branches. A set bit may lie (one time
  // in twelve); the trie decides then.
  static constexpr int kPairBits = 21;
  std::vector<std::uint64_t> pairs = std::vector<std::uint64_t>((1u << kPairBits) / 64);
  static std::uint32_t pair_bit(char16_t first, char16_t second) {
    const std::uint32_t h =
        (std::uint32_t{first} * 0x9E3779B1u) ^ (std::uint32_t{second} * 0x85EBCA77u);
    return (h * 0xC2B2AE3Du) >> (32 - kPairBits);
  }
  bool may_pair(char32_t first, char32_t second) const {
    const char16_t unit = second < 0x10000 ? static_cast<char16_t>(second) : U16_LEAD(second);
    const std::uint32_t bit = pair_bit(static_cast<char16_t>(first), unit);
    return (pairs[bit >> 6] >> (bit & 63)) & 1u;
  }
  icu::UnicodeSet engine_set;  // the characters of a run, before the NFKC test

  CharClass classify_slowly(char32_t c) const {
    const auto cp = static_cast<UChar32>(c);
    // A run in NFKC form is one ICU does not normalise: each character
    // passes the quick check and combines with nothing before it.
    if (engine_set.contains(cp))
      return u_getCombiningClass(cp) == 0 &&
                     u_getIntPropertyValue(cp, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES
                 ? kRun
                 : kBlocking;
    switch (u_getIntPropertyValue(cp, UCHAR_WORD_BREAK)) {
      case U_WB_EXTEND:
      case U_WB_FORMAT:
      case U_WB_ZWJ:
      case U_WB_EXTENDNUMLET:
      case U_WB_KATAKANA: return kBlocking;
      default: break;
    }
    if (u_getIntPropertyValue(cp, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return kBlocking;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(cp, &status)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA: return kBlocking;
      default: return kOutside;
    }
  }

  static bool starts_word_slowly(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    return u_isalpha(cp) && !u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION) &&
           !u_hasBinaryProperty(cp, UCHAR_REGIONAL_INDICATOR);
  }

  // CjkDictionary::outside() of a character of class kOutside.
  static Outside outside_slowly(char32_t c) {
    // ASCII is the word breaker's own (ICU's rules give some of it classes
    // of their own: '@' is a letter in ICU 72).
    if (c < 0x80) return kAny;
    const auto cp = static_cast<UChar32>(c);
    const auto wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
    const bool blank = u_isUWhiteSpace(cp) || u_charType(cp) == U_CONTROL_CHAR;
    if (wb == U_WB_WSEGSPACE && blank) return kSpace;
    if (wb == U_WB_OTHER && !blank) return kAlone;
    return kAny;
  }
};

CjkDictionary::CjkDictionary(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)), bmp_flags_(impl_->flags.data()) {}

CjkDictionary::~CjkDictionary() = default;

CjkDictionary::CharClass CjkDictionary::classify_supplementary(char32_t c) const {
  return impl_->classify_slowly(c);
}

bool CjkDictionary::supplementary_starts_word(char32_t c) const {
  return Impl::starts_word_slowly(c);
}

// The dictionary and the tables, or nullptr (see shared()).
std::unique_ptr<CjkDictionary::Impl> CjkDictionary::open() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->data.reset(udata_openChoice(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict",
                                    "cjdict", accept_dictionary, nullptr, &status));
  if (U_FAILURE(status) || impl->data == nullptr) return nullptr;
  const auto* base = static_cast<const std::uint8_t*>(udata_getMemory(impl->data.get()));
  std::int32_t indexes[kIndexCount];
  std::memcpy(indexes, base, sizeof indexes);
  const std::int32_t offset = indexes[kIndexTrieOffset];
  if (offset < static_cast<std::int32_t>(sizeof indexes) || offset >= indexes[kIndexTotalSize] ||
      offset % 2 != 0 || (indexes[kIndexTrieType] & kTrieTypeMask) != kTrieTypeUChars ||
      (indexes[kIndexTrieType] & kTrieHasValues) == 0 || indexes[kIndexTransform] != 0)
    return nullptr;
  impl->trie = reinterpret_cast<const char16_t*>(base + offset);

  // The engine's set (CjkBreakEngine for Chinese and Japanese).
  impl->engine_set.applyPattern(
      icu::UnicodeString(u"[[:Han:][:Hiragana:][:Katakana:]\\u30fc\\uff70\\uff9e\\uff9f]"), status);
  if (U_FAILURE(status)) return nullptr;
  impl->engine_set.freeze();
  // may_hold_run() looks for run characters by their UTF-8 bytes only:
  // every character of the engine's set must lie where it looks.
  icu::UnicodeSet outside_the_bytes(0, 0x10FFFF);
  outside_the_bytes.remove(0x2E80, 0x9FFF)
      .remove(0xF900, 0xFAFF)
      .remove(0xFF00, 0xFFEF)
      .remove(0x10000, 0x1EFFF)
      .remove(0x1F000, 0x1FFFF)
      .remove(0x20000, 0x3FFFF);
  if (outside_the_bytes.containsSome(impl->engine_set)) return nullptr;
  // U+1F000..U+1FFFF (lead F0 9F, emoji) holds only compatibility
  // characters of the set (U+1F200, a squared hiragana), never in a run.
  icu::UnicodeSet emoji_plane_part(0x1F000, 0x1FFFF);
  emoji_plane_part.retainAll(impl->engine_set);
  for (std::int32_t r = 0; r < emoji_plane_part.getRangeCount(); ++r)
    for (UChar32 c = emoji_plane_part.getRangeStart(r); c <= emoji_plane_part.getRangeEnd(r); ++c)
      if (impl->classify_slowly(static_cast<char32_t>(c)) == kRun) return nullptr;

  impl->flags.resize(0x10000);
  impl->firsts.assign(0x10000, Impl::First{0, -1, USTRINGTRIE_NO_MATCH, 0});
  icu::UCharsTrie trie(impl->trie);
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      impl->flags[c] = kBlocking;  // never decoded from valid UTF-8
      continue;
    }
    const CharClass cls = impl->classify_slowly(c);
    impl->flags[c] = cls;
    if (cls == kOutside) impl->flags[c] |= Impl::outside_slowly(c);
    if (cls != kRun) continue;
    if (Impl::starts_word_slowly(c)) impl->flags[c] |= kStartsWord;
    trie.reset();
    const UStringTrieResult r = trie.first(static_cast<UChar32>(c));
    if (r == USTRINGTRIE_NO_MATCH) continue;
    // divide() walks with UCharsTrieWalk: its first step must be ICU's.
    UCharsTrieWalk walk(impl->trie);
    const std::int32_t value = USTRINGTRIE_HAS_VALUE(r) ? trie.getValue() : 0;
    if (walk.next(static_cast<std::int32_t>(c)) != r || walk.remaining() > 0x7F ||
        (USTRINGTRIE_HAS_VALUE(r) && walk.value() != value) || value < 0 || value > 0xFFFF)
      return nullptr;
    Impl::First& f = impl->firsts[c];
    f.offset = walk.offset(impl->trie);
    f.remaining = static_cast<std::int8_t>(walk.remaining());
    f.result = static_cast<std::uint8_t>(r);
    f.value = static_cast<std::uint16_t>(value);
    if (r != USTRINGTRIE_FINAL_VALUE) {
      icu::UnicodeString seconds;
      icu::UnicodeStringAppendable appendable(seconds);
      trie.getNextUChars(appendable);
      for (std::int32_t k = 0; k < seconds.length(); ++k) {
        const std::uint32_t bit = Impl::pair_bit(static_cast<char16_t>(c), seconds.charAt(k));
        impl->pairs[bit >> 6] |= std::uint64_t{1} << (bit & 63);
      }
    }
  }
  return impl;
}

namespace {

// Whether ICU's word iterator `words` and `dictionary` split `text` (one
// dictionary run, UTF-8) the same way, for the self-check below.
bool icu_agrees(icu::BreakIterator& words, const CjkDictionary& dictionary, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return false;
  }
  words.setText(ut, status);
  std::vector<std::uint32_t> icu_ends;
  for (std::int32_t b = words.next(); b != icu::BreakIterator::DONE; b = words.next())
    icu_ends.push_back(static_cast<std::uint32_t>(
        utf8::count_code_points(text.substr(0, static_cast<std::size_t>(b)))));
  utext_close(ut);
  if (U_FAILURE(status)) return false;
  std::vector<char32_t> run;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::decode(text, i);
    if (dictionary.classify(c) != CjkDictionary::kRun) return false;
    run.push_back(c);
  }
  CjkDictionary::Scratch scratch;
  std::vector<std::uint32_t> ends;
  dictionary.divide(run.data(), run.size(), scratch, ends);
  return ends == icu_ends;
}

}  // namespace

const CjkDictionary* CjkDictionary::shared() {
  static const CjkDictionary* const dictionary = []() -> const CjkDictionary* {
    std::unique_ptr<Impl> impl = open();
    if (impl == nullptr) return nullptr;
    auto* d = new CjkDictionary(std::move(impl));
    // The search must be ICU's: if this ICU splits these runs otherwise
    // (another algorithm, another list, another version's constants), ICU
    // keeps doing all the work. The samples go through one iterator that
    // has met Han first (word_breaker.cpp, IcuWordBreaker::warm_up) and
    // cover the list's words, unlisted characters, the katakana costs
    // (runs of 9 and of 22, the latter no candidate) and U+30FC.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !icu_agrees(*words, *d, "\u65E5\u672C")) {
      delete d;
      return nullptr;
    }
    for (std::string_view sample :
         {"\u30A2\u30A4\u30B9\u30AF\u30EA\u30FC\u30E0\u30BD\u30FC",  // アイスクリームソー
          "\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC"
          "\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC\u30FC",
          "\u6771\u4EAC\u30BF\u30EF\u30FC\u306F\u4E09\u767E\u4E09\u5341\u4E09",
          "\u79C1\u306F\u6771\u4EAC\u3067\u65B0\u3057\u3044\u30B9\u30DE\u30FC\u30C8\u30D5\u30A9"
          "\u30F3\u3092\u8CB7\u3044\u307E\u3057\u305F",
          "\u6211\u4EEC\u5341\u6708\u5728\u8FD9\u5BB6\u9152\u5E97\u4F4F\u4E86\u4E09\u665A",
          "\u30A8\u30A2\u30B3\u30F3\u306E\u52B9\u304D\u304C\u60AA\u304F",
          "\u7535\u6C60\u7EED\u822A\u592A\u68D2\u4E86"}) {
      if (!icu_agrees(*words, *d, sample)) {
        delete d;
        return nullptr;
      }
    }
    return d;
  }();
  return dictionary;
}

void CjkDictionary::divide(const char32_t* run, std::size_t n, Scratch& scratch,
                           std::vector<std::uint32_t>& ends) const {
  const Impl& impl = *impl_;
  // Sized, not refilled: from[k] is written whenever cost[k] is (every
  // position is reached), and only cost needs its initial value.
  if (scratch.cost.size() < n + 1) {
    scratch.cost.resize(n + 1);
    scratch.from.resize(n + 1);
  }
  std::uint32_t* const cost = scratch.cost.data();
  std::uint32_t* const from = scratch.from.data();
  std::fill(cost + 1, cost + n + 1, kUnreached);
  cost[0] = 0;
  bool after_katakana = false;
  for (std::size_t i = 0; i < n; ++i) {
    // Every position is reached (a character alone is always a candidate),
    // so ICU's skip of unreached positions never applies.
    const std::uint32_t here = cost[i];
    // The words of the list that start here: walk the trie along the run.
    bool single_listed = false;
    const auto add = [&](std::size_t end, std::int32_t value) {
      const std::uint32_t c = here + static_cast<std::uint32_t>(value);
      if (c < cost[end]) {
        cost[end] = c;
        from[end] = static_cast<std::uint32_t>(i);
      }
    };
    const char32_t first = run[i];
    UStringTrieResult r = USTRINGTRIE_NO_MATCH;
    UCharsTrieWalk trie;
    if (first < 0x10000) {
      if (const Impl::First& f = impl.firsts[first]; f.result != USTRINGTRIE_NO_MATCH) {
        if (USTRINGTRIE_HAS_VALUE(f.result)) {
          single_listed = true;
          add(i + 1, f.value);
        }
        // Words of two or more characters: from the saved state.
        if (f.result != USTRINGTRIE_FINAL_VALUE && i + 1 < n && impl.may_pair(first, run[i + 1])) {
          trie = UCharsTrieWalk(impl.trie, f.offset, f.remaining);
          r = trie.next(static_cast<std::int32_t>(run[i + 1]));
        }
      }
    } else {
      // As ICU's engine, which passes the code point where the trie reads
      // UTF-16 units: a supplementary character matches nothing.
      trie = UCharsTrieWalk(impl.trie);
      r = trie.next(static_cast<std::int32_t>(first));
      if (USTRINGTRIE_HAS_VALUE(r)) {
        single_listed = true;
        add(i + 1, trie.value());
      }
      r = r == USTRINGTRIE_NO_MATCH || r == USTRINGTRIE_FINAL_VALUE || i + 1 == n
              ? USTRINGTRIE_NO_MATCH
              : trie.next(static_cast<std::int32_t>(run[i + 1]));
    }
    // r: the trie after run[i, j]. As in ICU, the walk stops once the
    // word read reaches kMaxWordUnits UTF-16 units (a word that passes it
    // with its last character still counts).
    int units = first >= 0x10000 ? 2 : 1;
    for (std::size_t j = i + 1; r != USTRINGTRIE_NO_MATCH;) {
      units += run[j] >= 0x10000 ? 2 : 1;
      if (USTRINGTRIE_HAS_VALUE(r)) {
        add(j + 1, trie.value());
        if (r == USTRINGTRIE_FINAL_VALUE) break;
      }
      if (units >= kMaxWordUnits || ++j == n) break;
      r = trie.next(static_cast<std::int32_t>(run[j]));
    }
    if (!single_listed && here + kUnlistedCost < cost[i + 1]) {
      cost[i + 1] = here + kUnlistedCost;
      from[i + 1] = static_cast<std::uint32_t>(i);
    }
    // A katakana run is a candidate word from its first character on.
    const bool katakana = is_katakana(first);
    if (katakana && !after_katakana) {
      std::size_t length = 1;
      while (i + length < n && length < kMaxKatakanaGroup && is_katakana(run[i + length])) ++length;
      if (length < kMaxKatakanaGroup) {
        const std::uint32_t c = here + katakana_cost(length);
        if (c < cost[i + length]) {
          cost[i + length] = c;
          from[i + length] = static_cast<std::uint32_t>(i);
        }
      }
    }
    after_katakana = katakana;
  }
  // The cheapest split, read backwards from the end, written in order.
  std::size_t words = 0;
  for (std::size_t i = n; i > 0; i = from[i]) ++words;
  const std::size_t first_end = ends.size();
  ends.resize(first_end + words);
  std::uint32_t* w = ends.data() + ends.size();
  for (std::size_t i = n; i > 0; i = from[i]) *--w = static_cast<std::uint32_t>(i);
}

}  // namespace textsense::segment
