#include "core/segment/sentence_breaker.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/ucharstriebuilder.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/common/errors.h"
#include "core/common/code_point_memo.h"
#include "core/common/utf8.h"

namespace textsense::segment {
namespace {

// The Sentence_Break classes (UAX #29, table 4).
enum Class : std::uint8_t {
  kOther,
  kCR,
  kLF,
  kSep,
  kSp,
  kLower,
  kUpper,
  kOLetter,
  kNumeric,
  kATerm,
  kSTerm,
  kClose,
  kSContinue,
  kExtend,
  kFormat,
};

Class class_of(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_CR: return kCR;
    case U_SB_LF: return kLF;
    case U_SB_SEP: return kSep;
    case U_SB_SP: return kSp;
    case U_SB_LOWER: return kLower;
    case U_SB_UPPER: return kUpper;
    case U_SB_OLETTER: return kOLetter;
    case U_SB_NUMERIC: return kNumeric;
    case U_SB_ATERM: return kATerm;
    case U_SB_STERM: return kSTerm;
    case U_SB_CLOSE: return kClose;
    case U_SB_SCONTINUE: return kSContinue;
    case U_SB_EXTEND: return kExtend;
    case U_SB_FORMAT: return kFormat;
    default: return kOther;
  }
}

bool is_sa_term(std::uint8_t c) { return c == kATerm || c == kSTerm; }
bool is_paragraph_separator(std::uint8_t c) { return c == kCR || c == kLF || c == kSep; }
bool is_letter(std::uint8_t c) { return c == kLower || c == kUpper; }

// Where SB8's run of "anything but letters, paragraph separators and
// terminators" stops.
bool ends_sb8_run(std::uint8_t c) {
  return is_letter(c) || c == kOLetter || is_paragraph_separator(c) || is_sa_term(c);
}

// Sentence_Break classes where a scan needs them fast, the same for every
// locale (they are Unicode properties), built once a process: the class of
// every code point below U+0800 (ASCII, Latin, Greek, Cyrillic, Arabic,
// Hebrew: one or two bytes), and which code points above it are
// terminators or separators, the only ones a scan must stop at (a bitset
// for the BMP, ICU's set for the rest).
}  // namespace

struct SentenceClassTables {
  std::uint8_t below_0800[0x800];
  std::uint64_t bmp_stops[0x10000 / 64] = {};
  icu::UnicodeSet stops;

  SentenceClassTables() {
    for (UChar32 c = 0; c < 0x800; ++c) below_0800[c] = class_of(c);
    UErrorCode status = U_ZERO_ERROR;
    stops.applyPattern(
        u"[[:Sentence_Break=ATerm:][:Sentence_Break=STerm:][:Sentence_Break=Sep:]"
        u"[:Sentence_Break=CR:][:Sentence_Break=LF:]]",
        status);
    if (U_FAILURE(status)) throw IcuError("UnicodeSet(Sentence_Break)", status);
    stops.freeze();
    for (std::int32_t r = 0; r < stops.getRangeCount(); ++r)
      for (UChar32 c = stops.getRangeStart(r); c <= stops.getRangeEnd(r) && c < 0x10000; ++c)
        bmp_stops[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  bool is_stop(UChar32 c) const {
    if (c < 0x10000) return (bmp_stops[c >> 6] >> (c & 63)) & 1;
    return stops.contains(c);
  }
  std::uint8_t class_of_code_point(UChar32 c) const {
    if (c < 0x800) return below_0800[c];
    return above_0800.get(static_cast<char32_t>(c), [](char32_t d) {
      return static_cast<std::uint8_t>(class_of(static_cast<UChar32>(d)));
    });
  }
  // The classes of the code points above U+07FF met so far (around
  // terminators: "！" and what follows it in Chinese and Japanese text).
  mutable CodePointMemo above_0800;
};

namespace {

const SentenceClassTables& class_tables() {
  static const SentenceClassTables tables;
  return tables;
}

// The values ICU's filtered iterator stores in its tries (filteredbrk.cpp).
constexpr std::int32_t kPartial = 1;  // a prefix ("U." of "U.S."): check forward
constexpr std::int32_t kMatch = 2;

// The locale's CLDR suppressions as ICU's FilteredBreakIteratorBuilder
// loads them: empty when the locale has none (ICU then does not filter).
std::vector<icu::UnicodeString> load_suppressions(const icu::Locale& locale) {
  std::vector<icu::UnicodeString> out;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", locale.getBaseName(), &status);
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) {
    ures_close(bundle);
    return out;
  }
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* breaks = U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING
                                ? ures_getByKey(exceptions, "SentenceBreak", nullptr, &status)
                                : nullptr;
  if (breaks != nullptr && U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING) {
    UResourceBundle* item = nullptr;
    while (ures_hasNext(breaks)) {
      UErrorCode item_status = U_ZERO_ERROR;
      item = ures_getNextResource(breaks, item, &item_status);
      if (U_FAILURE(item_status)) break;
      std::int32_t length = 0;
      const UChar* s = ures_getString(item, &length, &item_status);
      if (U_FAILURE(item_status)) break;
      out.emplace_back(s, length);
    }
    ures_close(item);
  }
  // ICU keeps a set.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  ures_close(breaks);
  ures_close(exceptions);
  ures_close(bundle);
  return out;
}

}  // namespace

// ICU's two tries (filteredbrk.cpp, SimpleFilteredBreakIteratorBuilder::
// build): backwards, each entry reversed (".rM" for "Mr.") with kMatch, or,
// for entries with an inner '.', their shared prefix reversed (".U" for
// "U.S." and "U.K.") with kPartial; forwards, the whole entries of each
// such prefix ("U.", "U.K.", "U.S."), checked from the prefix's start.
struct SentenceBreaker::Suppressions {
  std::unique_ptr<icu::UCharsTrie> backward;
  std::unique_ptr<icu::UCharsTrie> forward;  // may be null

  explicit Suppressions(std::vector<icu::UnicodeString> entries) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UCharsTrieBuilder backward_builder(status), forward_builder(status);
    if (U_FAILURE(status)) throw IcuError("UCharsTrieBuilder", status);
    const std::size_t n = entries.size();
    std::vector<bool> grouped(n, false);  // shares a prefix with an inner '.'
    int backward_count = 0, forward_count = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t dot = entries[i].indexOf(static_cast<UChar>(u'.'));
      if (dot < 0 || dot + 1 == entries[i].length()) continue;
      bool prefix_added = grouped[i];
      for (std::size_t j = 0; j < n; ++j) {
        if (j == i || entries[i].compare(0, dot + 1, entries[j], 0, dot + 1) != 0) continue;
        grouped[j] = true;
      }
      if (!prefix_added) {
        icu::UnicodeString prefix(entries[i], 0, dot + 1);
        backward_builder.add(prefix.reverse(), kPartial, status);
        ++backward_count;
        grouped[i] = true;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!grouped[i]) {
        icu::UnicodeString reversed(entries[i]);
        backward_builder.add(reversed.reverse(), kMatch, status);
        ++backward_count;
      } else {
        forward_builder.add(entries[i], kMatch, status);
        ++forward_count;
      }
    }
    if (U_FAILURE(status)) throw IcuError("UCharsTrieBuilder::add", status);
    if (backward_count > 0) backward.reset(backward_builder.build(USTRINGTRIE_BUILD_FAST, status));
    if (forward_count > 0) forward.reset(forward_builder.build(USTRINGTRIE_BUILD_FAST, status));
    if (U_FAILURE(status)) throw IcuError("UCharsTrieBuilder::build", status);
  }
};

namespace {

// The ASCII bytes skip_plain() may have to stop at (those of the breaker's
// stop_byte_ must be among them): line ends and terminators.
bool is_wide_stop_candidate(unsigned char b) {
  return b == '\n' || b == '\r' || b == '.' || b == '!' || b == '?';
}

}  // namespace

SentenceBreaker::SentenceBreaker(const char* icu_locale) {
  tables_ = &class_tables();
  for (int c = 0; c < 128; ++c) {
    const std::uint8_t cls = tables_->below_0800[c];
    stop_byte_[c] = is_paragraph_separator(cls) || is_sa_term(cls);
  }
  for (int b = 0x80; b < 0x100; ++b) stop_byte_[b] = !utf8::is_continuation(b);
  wide_skip_ = true;
  for (int c = 0; c < 128; ++c)
    if (stop_byte_[c] && !is_wide_stop_candidate(static_cast<unsigned char>(c))) wide_skip_ = false;
  const icu::Locale locale(icu_locale);
  UErrorCode status = U_ZERO_ERROR;
  char ss[16] = {};
  const std::int32_t length = locale.getKeywordValue("ss", ss, sizeof ss, status);
  if (U_SUCCESS(status) && length > 0 && std::string_view(ss) == "standard") {
    std::vector<icu::UnicodeString> entries = load_suppressions(locale);
    if (!entries.empty()) suppressions_ = std::make_unique<Suppressions>(std::move(entries));
    if (suppressions_ != nullptr && suppressions_->backward == nullptr) suppressions_.reset();
  }
}

SentenceBreaker::~SentenceBreaker() = default;

void SentenceBreaker::set_text(std::string_view utf8) {
  text_ = utf8;
  position_ = 0;
}

std::int32_t SentenceBreaker::next() {
  std::int32_t b = next_rule_boundary(position_);
  const auto size = static_cast<std::int32_t>(text_.size());
  while (b != kDone && b != size && suppressed(b)) b = next_rule_boundary(b);
  if (b != kDone) position_ = b;
  return b;
}

// A code point with the Extend and Format characters that follow it (SB5:
// they take the class of what they follow, except after a paragraph
// separator).
struct SentenceBreaker::Unit {
  std::int32_t end;
  std::uint8_t cls;
};

std::uint8_t SentenceBreaker::class_at(std::int32_t i, std::int32_t& length) const {
  const auto b = static_cast<unsigned char>(text_[i]);
  if (b < 0x80) {
    length = 1;
    return tables_->below_0800[b];
  }
  std::size_t next = static_cast<std::size_t>(i);
  const char32_t c = utf8::decode(text_, next);
  length = static_cast<std::int32_t>(next) - i;
  return tables_->class_of_code_point(static_cast<UChar32>(c));
}

// The first position from `i` on that holds a non-ASCII byte or an ASCII
// is_wide_stop_candidate(), 16 bytes at a time while 16 are left; `i`
// itself, or the last 15 bytes, are left to the caller's byte loop.
std::int32_t SentenceBreaker::next_wide_stop_candidate(const unsigned char* s, std::int32_t i,
                                                       std::int32_t n) {
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), dot = _mm_set1_epi8('.'),
                bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  while (n - i >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)),
        _mm_or_si128(_mm_cmpeq_epi8(v, dot),
                     _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question))));
    // movemask of v: the bytes with the high bit, i.e. not ASCII.
    const int mask = _mm_movemask_epi8(hit) | _mm_movemask_epi8(v);
    if (mask != 0) return i + __builtin_ctz(static_cast<unsigned>(mask));
    i += 16;
  }
#else
  (void)s;
  (void)n;
#endif
  return i;
}

// Past the characters from `i` on that no rule stops at: everything but
// line ends, separators and terminators (their Extend and Format too, which
// only matter after a terminator).
std::int32_t SentenceBreaker::skip_plain(std::int32_t i) const {
  const auto n = static_cast<std::int32_t>(text_.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  int plain_run = 0;  // ASCII bytes passed in a row
  while (i < n) {
    const unsigned char b = s[i];
    if (!stop_byte_[b]) {  // ASCII, not a line end or terminator
      ++i;
      // In a long ASCII stretch, 16 bytes at a time up to the next byte
      // that may stop (not in text that alternates ASCII spaces and
      // letters of another script, where it would stop at once).
      if (++plain_run >= 8 && wide_skip_) i = next_wide_stop_candidate(s, i, n);
      continue;
    }
    plain_run = 0;
    if (b < 0x80) return i;
    std::size_t next = static_cast<std::size_t>(i);
    const char32_t c = utf8::decode(text_, next);
    if (tables_->is_stop(static_cast<UChar32>(c))) return i;
    i = static_cast<std::int32_t>(next);
  }
  return n;
}

SentenceBreaker::Unit SentenceBreaker::unit_at(std::int32_t i) const {
  std::int32_t length = 0;
  const std::uint8_t cls = class_at(i, length);
  std::int32_t end = i + length;
  if (cls == kCR || cls == kLF || cls == kSep) return {end, cls};
  const auto n = static_cast<std::int32_t>(text_.size());
  while (end < n && static_cast<unsigned char>(text_[end]) >= 0x80) {
    const std::uint8_t next = class_at(end, length);
    if (next != kExtend && next != kFormat) break;
    end += length;
  }
  return {end, cls};
}

// The unit ending at `i`: back over Extend and Format to what they attach
// to (themselves, after a paragraph separator or at the text's start).
std::uint8_t SentenceBreaker::class_before(std::int32_t i) const {
  std::uint8_t attached = kOther;
  while (i > 0) {
    std::size_t at = static_cast<std::size_t>(i);
    const std::uint8_t cls =
        tables_->class_of_code_point(static_cast<UChar32>(utf8::decode_before(text_, at)));
    if (cls != kExtend && cls != kFormat) return is_paragraph_separator(cls) ? attached : cls;
    attached = cls;
    i = static_cast<std::int32_t>(at);
  }
  return attached;
}

// UAX #29's sentence rules, from a boundary, over units (SB5): no break
// inside CR LF (SB3), a break after any other paragraph separator (SB4);
// after a terminator ('.', '!', '?', '。', ... and any that follow it), its
// closing punctuation and spaces, a break (SB11) unless
//   SB6   '.' is followed by a digit ("3.5"),
//   SB7   a letter, '.', then a capital ("U.S"),
//   SB8a  a continuation (",", ":") or another terminator comes next,
//   SB8   after '.', the next letter, past anything but terminators and
//         paragraph separators, is lower case ("etc. (see below) and").
// The break after the spaces moves past a paragraph separator (SB9-SB11).
std::int32_t SentenceBreaker::next_rule_boundary(std::int32_t from) const {
  const auto n = static_cast<std::int32_t>(text_.size());
  if (from >= n) return kDone;
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  const auto after_separator = [&](const Unit& u) {
    return u.cls == kCR && u.end < n && s[u.end] == '\n' ? u.end + 1 : u.end;
  };
  std::int32_t i = from;
  while (i < n) {
    i = skip_plain(i);  // most characters: nothing to decide
    if (i >= n) break;
    const Unit u = unit_at(i);
    if (is_paragraph_separator(u.cls)) return after_separator(u);
    if (!is_sa_term(u.cls)) {
      i = u.end;
      continue;
    }
    std::int32_t j = u.end;
    if (u.cls == kATerm && j < n) {
      const std::uint8_t next = unit_at(j).cls;
      if (next == kNumeric || (next == kUpper && is_letter(class_before(i)))) {  // SB6, SB7
        i = j;
        continue;
      }
    }
    Unit v{j, kOther};
    while (j < n && (v = unit_at(j)).cls == kClose) j = v.end;
    while (j < n && (v = unit_at(j)).cls == kSp) j = v.end;
    if (j >= n) return n;
    if (is_paragraph_separator(v.cls)) return after_separator(v);
    if (v.cls == kSContinue || is_sa_term(v.cls)) {  // SB8a
      i = j;
      continue;
    }
    if (u.cls == kATerm) {  // SB8
      std::int32_t k = j;
      Unit w{k, kOther};
      while (k < n && !ends_sb8_run((w = unit_at(k)).cls)) k = w.end;
      if (k < n && w.cls == kLower) {
        i = k;
        continue;
      }
    }
    return j;  // SB11
  }
  return n;
}

// SimpleFilteredSentenceBreakIterator::breakExceptionAt (ICU's
// filteredbrk.cpp): skip one space before the boundary, walk backwards
// through the reversed entries keeping the longest match; a full entry
// suppresses the break, a shared prefix does when one of its entries
// matches forwards from the prefix's start.
bool SentenceBreaker::suppressed(std::int32_t at) const {
  if (suppressions_ == nullptr) return false;
  std::size_t i = static_cast<std::size_t>(at);
  if (i > 0 && text_[i - 1] == ' ') --i;
  if (i == 0) return false;
  icu::UCharsTrie backward(*suppressions_->backward);
  std::int64_t best_at = -1;
  std::int32_t best_value = -1;
  UStringTrieResult r = USTRINGTRIE_INTERMEDIATE_VALUE;
  while (i > 0) {
    r = backward.nextForCodePoint(static_cast<UChar32>(utf8::decode_before(text_, i)));
    if (!USTRINGTRIE_HAS_NEXT(r)) break;
    if (USTRINGTRIE_HAS_VALUE(r)) {
      best_at = static_cast<std::int64_t>(i);
      best_value = backward.getValue();
    }
  }
  // The walk ended on an entry's last character (a match that cannot go
  // on) or at the start of the text. ICU tests USTRINGTRIE_MATCHES here,
  // which is also true in the middle of an entry ("ul." at the start of a
  // text, inside the reversed Portuguese "jul."), and then reads a value
  // the state does not have; only a state with a value counts here, so a
  // sentence starting the text is broken as the same sentence elsewhere
  // ("d\n\nul. x"), and a chunk of a document as the whole document.
  if (USTRINGTRIE_HAS_VALUE(r)) {
    best_at = static_cast<std::int64_t>(i);
    best_value = backward.getValue();
  }
  if (best_at < 0) return false;
  if (best_value == kMatch) return true;
  if (best_value != kPartial || suppressions_->forward == nullptr) return false;
  icu::UCharsTrie forward(*suppressions_->forward);
  UStringTrieResult f = USTRINGTRIE_INTERMEDIATE_VALUE;
  for (std::size_t k = static_cast<std::size_t>(best_at); k < text_.size();) {
    f = forward.nextForCodePoint(static_cast<UChar32>(utf8::decode(text_, k)));
    if (!USTRINGTRIE_HAS_NEXT(f)) break;
  }
  return USTRINGTRIE_MATCHES(f);
}

}  // namespace textsense::segment
