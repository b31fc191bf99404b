#include "core/segment/special_spans.h"

#include <unicode/uchar.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/common/utf8.h"
#include "core/common/ascii.h"

namespace textsense::segment {
namespace {

// Letters, digits, combining marks and "_": what a mention or hashtag body
// may hold, in any script.
inline bool is_tag_char(char32_t c) {
  if (c < 0x80) return ascii::is_alnum(static_cast<unsigned char>(c)) || c == '_';
  const auto t = u_charType(c);
  return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

inline bool is_blank_at(std::string_view doc, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(doc[i]);
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  std::size_t j = i;
  return u_isUWhiteSpace(utf8::decode(doc, j));
}

// True when the code point ending at byte i is a letter or digit.
bool follows_alnum(std::string_view doc, std::size_t i) {
  if (i == 0) return false;
  const unsigned char prev = static_cast<unsigned char>(doc[i - 1]);
  if (prev < 0x80) return ascii::is_alnum(prev);
  std::size_t j = i;
  const char32_t c = utf8::decode_before(doc, j);
  return c < 0x80 ? ascii::is_alnum(static_cast<unsigned char>(c)) : u_isalnum(c);
}

// End of a run of tag characters starting at i; sets has_letter.
std::size_t scan_tag_body(std::string_view doc, std::size_t i, bool& has_letter) {
  has_letter = false;
  while (i < doc.size()) {
    std::size_t j = i;
    const char32_t c = utf8::decode(doc, j);
    if (!is_tag_char(c)) break;
    has_letter |= c < 0x80 ? !(c >= '0' && c <= '9') && c != '_' : u_isalpha(c) != 0;
    i = j;
  }
  return i;
}

bool starts_with(std::string_view doc, std::size_t i, std::string_view prefix) {
  return doc.size() - i >= prefix.size() &&
         strncasecmp(doc.data() + i, prefix.data(), prefix.size()) == 0;
}

// If a URL starts at i, returns its end, else i.
std::size_t match_url(std::string_view doc, std::size_t i) {
  // Most words starting with h, f or w ("the", "was", "for") fail here.
  if (i + 4 > doc.size()) return i;
  const char second = static_cast<char>(doc[i + 1] | 0x20);
  if (second != 't' && second != 'w') return i;
  std::size_t body;
  if (starts_with(doc, i, "http://")) body = i + 7;
  else if (starts_with(doc, i, "https://")) body = i + 8;
  else if (starts_with(doc, i, "ftp://")) body = i + 6;
  else if (starts_with(doc, i, "www.")) body = i + 4;
  else return i;
  std::size_t e = body;
  int parens = 0, brackets = 0, braces = 0;
  while (e < doc.size() && !is_blank_at(doc, e)) {
    const unsigned char c = static_cast<unsigned char>(doc[e]);
    // Step over a non-ASCII character whole: is_blank_at() must only see
    // the first byte of a sequence (decoding from a continuation byte read
    // a bogus code point, which could be "blank" and end the URL inside a
    // character, and read past the end of the text).
    if (c >= 0x80) {
      e += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      continue;
    }
    // Quotes and angle brackets end a URL in running text.
    if (c == '"' || c == '<' || c == '>') break;
    parens += (c == '(') - (c == ')');
    brackets += (c == '[') - (c == ']');
    braces += (c == '{') - (c == '}');
    if (parens < 0 || brackets < 0 || braces < 0) break;  // "(see http://x.org)"
    ++e;
  }
  // Trailing sentence punctuation belongs to the sentence, not the URL.
  while (e > body && std::strchr(".,;:!?'", doc[e - 1]) != nullptr) --e;
  // Needs at least one character after the scheme, and a dot or a slash
  // after "www." so that "www." alone is not a URL.
  if (e <= body) return i;
  return e;
}

inline bool is_email_local(unsigned char c) {
  return ascii::is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
inline bool is_domain_char(unsigned char c) { return ascii::is_alnum(c) || c == '-' || c == '.'; }

// With doc[at] == '@': if an e-mail address surrounds it, sets [b, e).
bool match_email(std::string_view doc, std::size_t at, std::size_t floor, std::size_t& b,
                 std::size_t& e) {
  b = at;
  while (b > floor && is_email_local(static_cast<unsigned char>(doc[b - 1]))) --b;
  while (b < at && doc[b] == '.') ++b;  // a local part does not start with '.'
  if (b == at) return false;
  e = at + 1;
  std::size_t last_dot = 0;
  while (e < doc.size() && is_domain_char(static_cast<unsigned char>(doc[e]))) {
    if (doc[e] == '.') last_dot = e;
    ++e;
  }
  while (e > at + 1 && (doc[e - 1] == '.' || doc[e - 1] == '-')) --e;  // "mail me at a@b.org."
  // A dotted domain whose last label has a letter: "a@b.org", not "a@5.30".
  if (last_dot <= at + 1 || last_dot + 1 >= e) return false;
  for (std::size_t k = last_dot + 1; k < e; ++k)
    if (!(doc[k] >= '0' && doc[k] <= '9')) return true;
  return false;
}

constexpr std::string_view kMouths = ")(][DPpO/\\|*3";

bool is_ascii_alnum_at(std::string_view doc, std::size_t i) {
  return i < doc.size() && ascii::is_alnum(static_cast<unsigned char>(doc[i]));
}

// If an emoticon starts at i (doc[i] is one of : ; = < ^ - T &), returns its
// end, else i.
std::size_t match_emoticon(std::string_view doc, std::size_t i) {
  const char c = doc[i];
  std::size_t e = i;
  if (c == ':' || c == ';' || c == '=') {
    std::size_t j = i + 1;
    if (j < doc.size() && std::strchr("-'^o", doc[j]) != nullptr && doc[j] != '\0') ++j;
    if (j >= doc.size() || kMouths.find(doc[j]) == std::string_view::npos) return i;
    const char mouth = doc[j];
    e = j + 1;
    if (!std::strchr("DPpO3", mouth))  // letters and digits do not repeat: ":DD" is not one
      while (e < doc.size() && doc[e] == mouth) ++e;
  } else {
    // "&lt;3": the heart as HTML escapes it, which text taken from web
    // APIs (tweets) often keeps.
    for (std::string_view face : {"<3", "</3", "^_^", "^^", "-_-", "T_T", "&lt;3", "&lt;/3"}) {
      if (face[0] == c && doc.compare(i, face.size(), face) == 0) {
        e = i + face.size();
        break;
      }
    }
    if (e == i) return i;
  }
  if (is_ascii_alnum_at(doc, e)) return i;
  return e;
}

// Whether doc[i] may start a span, for find_special_spans() to look at
// closer (special_spans.h, detail::next_candidate).
inline bool is_candidate(std::string_view doc, std::size_t i) {
  const char c = doc[i];
  if (c == '@') return true;
  if (i > 0 && ascii::is_alnum(static_cast<unsigned char>(doc[i - 1]))) return false;
  const char next = i + 1 < doc.size() ? doc[i + 1] : '\0';
  switch (c) {
    case 'h':
    case 'H':
    case 'f':
    case 'F': return (next | 0x20) == 't';
    case 'w':
    case 'W': return (next | 0x20) == 'w';
    case 'T': return next == '_';
    case '#':
    case ':':
    case ';':
    case '=':
    case '<':
    case '^':
    case '-':
    case '&': return true;
    default: return false;
  }
}

}  // namespace

namespace detail {

// Sixteen bytes at a time: a trigger byte a compare each (letters by their
// lower case), the ASCII letters and digits of the bytes before them by
// range, the bytes after the letters by compares. Looking at each byte
// with a table and then at the triggers one by one (h, f and w start a
// tenth of English words, T most sentences) made find_special_spans() 17
// instructions a byte of a review and 6 % of sentiment()'s; it is 5 now
// (bench/RESULTS.md; keeping a block's candidates between calls was no
// cheaper: the bookkeeping cost what it saved).
#if defined(__SSE2__)
namespace {

// Bit k: p[k] is a candidate, for k in [0, 16); reads p[-1] to p[16].
std::uint32_t candidate_mask(const unsigned char* p) {
  const __m128i to_lower = _mm_set1_epi8(0x20);
  const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const auto load = [](const unsigned char* q) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
  };
  const __m128i v = load(p);
  const __m128i lower = _mm_or_si128(v, to_lower);
  const __m128i after = load(p + 1);
  const __m128i after_lower = _mm_or_si128(after, to_lower);
  // "ht", "ft" (http, https, ftp), "ww" (www.), "T_" (T_T).
  __m128i t = _mm_or_si128(
      _mm_and_si128(_mm_or_si128(eq(lower, 'h'), eq(lower, 'f')), eq(after_lower, 't')),
      _mm_or_si128(_mm_and_si128(eq(lower, 'w'), eq(after_lower, 'w')),
                   _mm_and_si128(eq(v, 'T'), eq(after, '_'))));
  t = _mm_or_si128(
      t, _mm_or_si128(_mm_or_si128(eq(v, '#'), eq(v, ':')), _mm_or_si128(eq(v, ';'), eq(v, '='))));
  t = _mm_or_si128(
      t, _mm_or_si128(_mm_or_si128(eq(v, '<'), eq(v, '^')), _mm_or_si128(eq(v, '-'), eq(v, '&'))));
  // The bytes before: ASCII letters and digits, by signed compares after a
  // shift that puts each range at the bottom.
  const __m128i before = load(p - 1);
  const __m128i letter = _mm_cmplt_epi8(
      _mm_add_epi8(_mm_or_si128(before, to_lower), _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
      _mm_set1_epi8(static_cast<char>(-128 + 26)));
  const __m128i digit =
      _mm_cmplt_epi8(_mm_add_epi8(before, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                     _mm_set1_epi8(static_cast<char>(-128 + 10)));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(
      _mm_or_si128(eq(v, '@'), _mm_andnot_si128(_mm_or_si128(letter, digit), t))));
}

}  // namespace
#endif

std::size_t next_candidate(std::string_view doc, std::size_t i) {
  const std::size_t n = doc.size();
  if (i == 0 && n > 0) {
    if (is_candidate(doc, 0)) return 0;
    i = 1;  // the blocks read the byte before each
  }
#if defined(__SSE2__)
  const auto* s = reinterpret_cast<const unsigned char*>(doc.data());
  for (; i + 17 <= n; i += 16)  // the byte after each too
    if (const std::uint32_t mask = candidate_mask(s + i); mask != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  if (i < n) {
    // The last bytes (fewer than 17), with the byte before them, in a
    // buffer padded with NULs, which are no candidates and none of the
    // bytes a candidate needs after it: a byte at a time, they were half
    // of a tweet's search.
    unsigned char tail[1 + 16 + 16] = {};
    tail[0] = s[i - 1];
    std::memcpy(tail + 1, s + i, n - i);
    if (const std::uint32_t mask = candidate_mask(tail + 1); mask != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  return n;
#else
  for (; i < n; ++i)
    if (is_candidate(doc, i)) return i;
  return n;
#endif
}

}  // namespace detail

void find_special_spans(std::string_view doc, std::vector<SpecialSpan>& out) {
  std::size_t floor = 0;  // end of the last span: spans never overlap
  std::size_t i = 0;
  const std::size_t n = doc.size();
  while ((i = detail::next_candidate(doc, i)) < n) {
    const char c = doc[i];
    if (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') {
      if (!follows_alnum(doc, i)) {
        const std::size_t e = match_url(doc, i);
        if (e > i) {
          out.push_back(
              {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), TokenKind::kUrl});
          floor = i = e;
          continue;
        }
      }
    } else if (c == '@') {
      std::size_t b, e;
      if (match_email(doc, i, floor, b, e)) {
        out.push_back(
            {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), TokenKind::kEmail});
        floor = i = e;
        continue;
      }
      bool has_letter;
      const std::size_t e2 = follows_alnum(doc, i) ? i : scan_tag_body(doc, i + 1, has_letter);
      if (e2 > i + 1) {
        out.push_back(
            {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e2), TokenKind::kMention});
        floor = i = e2;
        continue;
      }
    } else if (c == ':' || c == ';' || c == '=' || c == '<' || c == '^' || c == '-' || c == 'T' ||
               c == '&') {
      const std::size_t e = follows_alnum(doc, i) ? i : match_emoticon(doc, i);
      if (e > i) {
        out.push_back(
            {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), TokenKind::kEmoticon});
        floor = i = e;
        continue;
      }
    } else if (c == '#') {
      bool has_letter = false;
      const std::size_t e = follows_alnum(doc, i) ? i : scan_tag_body(doc, i + 1, has_letter);
      if (has_letter) {
        out.push_back(
            {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), TokenKind::kHashtag});
        floor = i = e;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace textsense::segment
