#include "core/segment/word_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/uvernum.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/common/errors.h"
#include "core/common/utf8.h"
#include "core/segment/cjk_dictionary.h"

namespace textsense::segment {
namespace {

// Word_Break classes of the ASCII range as ICU's word.txt uses them. ICU
// removes ':' from MidLetter (root locale), so "a:b" splits.
// The equivalence test in word_breaker_test.cpp pins this to the linked ICU.
enum AsciiClass : std::uint8_t { kOther, kSpace, kLetter, kDigit, kUnderscore };

struct AsciiTable {
  AsciiClass cls[128];
  bool mid_letter[128];  // MidLetter or MidNumLetQ: joins letter . letter
  bool mid_num[128];     // MidNum or MidNumLetQ: joins digit . digit
  constexpr AsciiTable() : cls(), mid_letter(), mid_num() {
    for (int c = 0; c < 128; ++c) {
      cls[c] = kOther;
      mid_letter[c] = mid_num[c] = false;
    }
    for (int c = 'a'; c <= 'z'; ++c) cls[c] = kLetter;
    for (int c = 'A'; c <= 'Z'; ++c) cls[c] = kLetter;
    for (int c = '0'; c <= '9'; ++c) cls[c] = kDigit;
    cls[int('_')] = kUnderscore;
#if U_ICU_VERSION_MAJOR_NUM == 72
    // ICU 72 alone made '@' a letter so that e-mail addresses stay whole
    // (CLDR-15767); ICU 73 reverted it.
    cls[int('@')] = kLetter;
#endif
    for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) cls[int(c)] = kSpace;
    // The other C0 controls (NUL included: the core takes any valid UTF-8)
    // and DEL are blank too (see is_blank()).
    for (int c = 0; c < 0x20; ++c)
      if (cls[c] == kOther) cls[c] = kSpace;
    cls[0x7F] = kSpace;
    mid_letter[int('.')] = mid_letter[int('\'')] = true;
    mid_num[int('.')] = mid_num[int('\'')] = mid_num[int(',')] = mid_num[int(';')] = true;
  }
};
constexpr AsciiTable kAscii;

inline bool is_word_class(AsciiClass c) { return c >= kLetter; }

// True for code points PostgreSQL users would call blank: Unicode
// White_Space, and control characters (Cc), which ICU breaks around like
// any symbol: as tokens of their own, a text of control characters made
// three times the tokens of ordinary text and ran 4-5x slower a byte
// (bench/hostile_bench.cpp). Segments are trimmed of these.
inline bool is_blank(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR;
}

// Trims Unicode whitespace from both ends of doc[b, e) and appends what is
// left, if anything. ICU can glue a combining mark to a preceding space
// (rule WB4), so a segment may start blank and still hold a visible mark.
void append_trimmed(std::string_view doc, std::uint32_t b, std::uint32_t e,
                    std::vector<ByteRange>& out) {
  while (b < e) {
    std::size_t i = b;
    if (!is_blank(utf8::decode(doc, i))) break;
    b = static_cast<std::uint32_t>(i);
  }
  while (e > b) {
    std::size_t i = e;
    if (!is_blank(utf8::decode_before(doc, i))) break;
    e = static_cast<std::uint32_t>(i);
  }
  if (b < e) append_piece(out, b, e);
}

// Where the word at doc[b, e) ends when ICU's word rules cannot break it,
// else 0: every code point up to there is a letter (ALetter,
// Hebrew_Letter), a digit (Numeric) or, after the first, a mark (Extend),
// in an alphabet without dictionary breaking (Latin, Greek, Cyrillic,
// Armenian, Hebrew, Arabic), and what follows, if anything, is ASCII
// punctuation that no rule joins to a word (no letter, digit, '_', '@' or
// quote: WB6/7 need a letter after '.', WB7a joins a quote to Hebrew).
// Rules WB4, WB5 and WB8-WB10 join the letters, digits and marks, so they
// are one word, and ICU, a third of the time of Russian or Arabic text,
// need not be asked.
std::uint32_t alphabetic_word_end(std::string_view doc, std::uint32_t b, std::uint32_t e) {
  std::size_t i = b;
  while (i < e) {
    const std::size_t at = i;
    const char32_t c = utf8::decode(doc, i);
    if (c < 0x80) {
      if (kAscii.cls[c] == kLetter || kAscii.cls[c] == kDigit) continue;
      i = at;
      break;
    }
    if (c < 0xC0 || c > 0x6FF) return 0;
    // The letters of Latin-1, Cyrillic and Arabic are ALetter: most of the
    // characters of such text, without a property look-up.
    if ((c <= 0xFF && c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x45F) ||
        (c >= 0x621 && c <= 0x63A) || (c >= 0x641 && c <= 0x64A))
      continue;
    const auto wb = static_cast<UWordBreakValues>(
        u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK));
    const bool joins = wb == U_WB_ALETTER || wb == U_WB_HEBREW_LETTER || wb == U_WB_NUMERIC ||
                       (wb == U_WB_EXTEND && at != b);
    if (!joins) return 0;
  }
  if (i == b) return 0;
  for (std::size_t k = i; k < e; ++k) {
    const auto c = static_cast<unsigned char>(doc[k]);
    if (c >= 0x80 || kAscii.cls[c] != kOther || c == '\'' || c == '"') return 0;
  }
  return static_cast<std::uint32_t>(i);
}

}  // namespace

void split_words_ascii(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                       std::vector<ByteRange>& out) {
  const auto* s = reinterpret_cast<const unsigned char*>(doc.data());
  std::uint32_t i = begin;
  while (i < end) {
    const AsciiClass c = kAscii.cls[s[i]];
    if (c == kSpace) {
      ++i;
      continue;
    }
    if (!is_word_class(c)) {  // WB999: every other character stands alone
      append_piece(out, i, i + 1, s[i] == '\'');
      ++i;
      continue;
    }
    // Letters, digits and '_' always join each other (WB5, WB8-WB10, WB13a/b);
    // one MidLetter/MidNum character joins only between two letters (WB6/7)
    // or two digits (WB11/12).
    std::uint32_t j = i + 1;
    AsciiClass prev = c;
    bool apostrophe = false;
    while (j < end) {
      const AsciiClass n = kAscii.cls[s[j]];
      if (is_word_class(n)) {
        prev = n;
        ++j;
        continue;
      }
      if (j + 1 < end) {
        const AsciiClass after = kAscii.cls[s[j + 1]];
        if ((prev == kLetter && after == kLetter && kAscii.mid_letter[s[j]]) ||
            (prev == kDigit && after == kDigit && kAscii.mid_num[s[j]])) {
          apostrophe |= s[j] == '\'';
          j += 2;
          continue;
        }
      }
      break;
    }
    append_piece(out, i, j, apostrophe);
    i = j;
  }
}

struct IcuWordBreaker::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  UText* text = nullptr;
  // split() has shown the iterator Han (see warm_up()).
  bool warm = false;
  // split_dictionary_runs(): the dictionary, looked up on the first stretch
  // that may hold a run (building it takes about 10 ms a process, which
  // text without Han or kana should not pay); the stretch's code points,
  // where each starts (one more: the stretch's end) and whether it belongs
  // to a run, and the words of one run.
  bool dictionary_looked_up = false;
  const CjkDictionary* dictionary = nullptr;
  std::vector<char32_t> code_points;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint8_t> in_run;
  std::vector<std::uint32_t> word_ends;
  CjkDictionary::Scratch scratch;

  ~Impl() { utext_close(text); }
};

IcuWordBreaker::IcuWordBreaker() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw IcuError("createWordInstance", status);
}

// An ICU word iterator picks a dictionary engine per character and keeps
// the engines it loaded, most recent first; a character that no engine
// handles goes to a catch-all that takes its whole script. So until the
// iterator has met Han or kana, a run that starts with U+30FC (the
// prolonged sound mark, of no script of its own) goes to the catch-all,
// and "ー東京都" is split as [ー東京][都] the first time and [ー][東京][都]
// ever after. Showing it Han before the first text that may hold a run
// (CjkDictionary::may_hold_run) fixes the answer (the second one, which
// CjkDictionary gives too): the same text gives the same words whatever
// this thread segmented before.
void IcuWordBreaker::warm_up() {
  impl_->warm = true;
  std::vector<ByteRange> ignored;
  split("\u65E5\u672C", 0, 6, ignored);
}

IcuWordBreaker::~IcuWordBreaker() = default;

void IcuWordBreaker::split(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                           std::vector<ByteRange>& out) {
  if (begin >= end) return;
  if (!impl_->warm && CjkDictionary::may_hold_run(doc.substr(begin, end - begin))) warm_up();
  UErrorCode status = U_ZERO_ERROR;
  // Native indexes of a UTF-8 UText are byte offsets: no mapping needed.
  impl_->text = utext_openUTF8(impl_->text, doc.data() + begin, end - begin, &status);
  if (U_FAILURE(status)) throw IcuError("utext_openUTF8", status);
  impl_->iterator->setText(impl_->text, status);
  if (U_FAILURE(status)) throw IcuError("BreakIterator::setText", status);
  std::int32_t prev = impl_->iterator->first();
  for (std::int32_t next = impl_->iterator->next(); next != icu::BreakIterator::DONE;
       prev = next, next = impl_->iterator->next()) {
    append_trimmed(doc, begin + static_cast<std::uint32_t>(prev),
                   begin + static_cast<std::uint32_t>(next), out);
  }
}

namespace {

// The first ASCII blank (kSpace) at or after `i`, or `end`; `ascii` is
// cleared if a byte before it is not ASCII. Sixteen bytes at a time: text
// without spaces (Chinese, Japanese, Thai) makes stretches of hundreds of
// bytes, and a byte at a time this scan was 5 % of segmenting a Japanese
// tweet.
std::uint32_t stretch_end(const unsigned char* s, std::uint32_t i, std::uint32_t end, bool& ascii) {
#if defined(__SSE2__)
  const __m128i blank_max = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
  while (end - i >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i blank =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, blank_max), v), _mm_cmpeq_epi8(v, del));
    const auto blanks = static_cast<std::uint32_t>(_mm_movemask_epi8(blank));
    const auto high = static_cast<std::uint32_t>(_mm_movemask_epi8(v));
    if (blanks != 0) {
      const int k = __builtin_ctz(blanks);
      ascii = ascii && (high & ((1u << k) - 1)) == 0;
      return i + static_cast<std::uint32_t>(k);
    }
    ascii = ascii && high == 0;
    i += 16;
  }
#endif
  for (; i < end && !(s[i] < 0x80 && kAscii.cls[s[i]] == kSpace); ++i) ascii = ascii && s[i] < 0x80;
  return i;
}

}  // namespace

void IcuWordBreaker::split_mixed(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                                 std::vector<ByteRange>& out) {
  const auto* s = reinterpret_cast<const unsigned char*>(doc.data());
  std::uint32_t i = begin;
  while (i < end) {
    while (i < end && s[i] < 0x80 && kAscii.cls[s[i]] == kSpace) ++i;
    if (i == end) break;
    bool ascii = true;
    const std::uint32_t j = stretch_end(s, i, end, ascii);
    if (ascii) split_words_ascii(doc, i, j, out);
    else if (const std::uint32_t w = alphabetic_word_end(doc, i, j); w != 0) {
      // The word, then ASCII punctuation after it ("отлично!", "كبير،"
      // is not: U+060C goes to ICU), one token a character as WB999 says.
      append_piece(out, i, w, true, true);
      split_words_ascii(doc, w, j, out);
    } else if (!split_dictionary_runs(doc, i, j, out)) {
      split(doc, i, j, out);
    }
    i = j;
  }
}

bool IcuWordBreaker::split_dictionary_runs(std::string_view doc, std::uint32_t begin,
                                           std::uint32_t end, std::vector<ByteRange>& out) {
  Impl& impl = *impl_;
  if (!CjkDictionary::may_hold_run(doc.substr(begin, end - begin))) return false;
  if (!impl.dictionary_looked_up) {
    impl.dictionary = CjkDictionary::shared();
    impl.dictionary_looked_up = true;
  }
  if (impl.dictionary == nullptr) return false;
  const CjkDictionary& dictionary = *impl.dictionary;
  // First the whole stretch: a character that could join a run to its
  // neighbours, right before or after one, leaves the stretch to ICU,
  // before anything is appended. At most a code point a byte: sized once,
  // written by index.
  const std::size_t most = end - begin;
  if (impl.code_points.size() < most) {
    impl.code_points.resize(most);
    impl.in_run.resize(most);
    impl.starts.resize(most + 1);
  }
  char32_t* code_points = impl.code_points.data();
  std::uint8_t* in_run = impl.in_run.data();
  std::uint32_t* starts = impl.starts.data();
  bool any_run = false;
  std::size_t n = 0;
  CjkDictionary::CharClass before = CjkDictionary::kOutside;
  for (std::size_t i = begin; i < end; ++n) {
    starts[n] = static_cast<std::uint32_t>(i);
    const char32_t c = utf8::decode(doc, i);
    const CjkDictionary::CharClass cls = dictionary.classify(c);
    // A blocking character touching a run, on either side.
    if ((cls == CjkDictionary::kBlocking && before == CjkDictionary::kRun) ||
        (cls == CjkDictionary::kRun && before == CjkDictionary::kBlocking))
      return false;
    before = cls;
    any_run |= cls == CjkDictionary::kRun;
    code_points[n] = c;
    in_run[n] = cls == CjkDictionary::kRun;
  }
  if (!any_run) return false;
  starts[n] = end;
  // Runs by the dictionary; what lies between them (punctuation, digits,
  // Latin words), which a boundary separates from every run, as before.
  for (std::size_t k = 0; k < n;) {
    std::size_t m = k + 1;
    if (!in_run[k]) {
      // Between runs: punctuation and symbols one by one and spaces
      // dropped, as ICU's rules would have it; anything else by ICU (no
      // rule joins this text to the runs around it, so ICU splits it alone
      // as it would within the stretch).
      bool simple = dictionary.outside(code_points[k]) != CjkDictionary::kAny;
      for (; m < n && !in_run[m]; ++m)
        simple = simple && dictionary.outside(code_points[m]) != CjkDictionary::kAny;
      const std::uint32_t b = starts[k], e = starts[m];
      if (simple) {
        for (std::size_t q = k; q < m; ++q)
          if (dictionary.outside(code_points[q]) == CjkDictionary::kAlone)
            append_piece(out, starts[q], starts[q + 1], /*may_have_apostrophe=*/false);
      } else if (utf8::is_ascii(doc.substr(b, e - b))) {
        split_words_ascii(doc, b, e, out);
      } else {
        split(doc, b, e, out);
      }
      k = m;
      continue;
    }
    while (m < n && in_run[m]) ++m;
    impl.word_ends.clear();
    dictionary.divide(code_points + k, m - k, impl.scratch, impl.word_ends);
    std::size_t first = k;
    for (const std::uint32_t word_end : impl.word_ends) {
      append_piece(out, starts[first], starts[k + word_end],
                   /*may_have_apostrophe=*/false);
      out.back().word = dictionary.starts_word(code_points[first]);
      first = k + word_end;
    }
    k = m;
  }
  return true;
}

}  // namespace textsense::segment
