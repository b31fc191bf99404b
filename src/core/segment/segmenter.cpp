#include "core/segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <limits>
#include <vector>

#include "core/common/errors.h"
#include "core/segment/special_spans.h"
#include "core/segment/token_classifier.h"
#include "core/segment/token_rules.h"
#include "core/common/utf8.h"
#include "core/segment/word_breaker.h"
#include "core/common/ascii.h"

namespace textsense::segment {
namespace {

// How often (in input bytes) the stop signal is polled: often enough to
// stop within milliseconds, rarely enough to cost nothing.
constexpr std::uint32_t kStopPollBytes = 64 * 1024;

// Converts non-decreasing byte offsets to code point offsets in one pass.
class CharCursor {
 public:
  explicit CharCursor(std::string_view doc) : doc_(doc) {}
  std::uint32_t at(std::uint32_t byte) {
    chars_ += static_cast<std::uint32_t>(
        utf8::count_code_points(doc_.substr(byte_, byte - byte_)));
    byte_ = byte;
    return chars_;
  }

 private:
  std::string_view doc_;
  std::uint32_t byte_ = 0, chars_ = 0;
};

void fill_char_offsets(Span& span, CharCursor& cursor) {
  span.char_begin = cursor.at(span.byte_begin);
  span.char_length = cursor.at(span.byte_end()) - span.char_begin;
}

// True when doc[begin, boundary) ends with a word + '.' that never ends a
// sentence ("Dr.", "e.g.", an initial): ICU's CLDR suppression list misses
// some of these ("Dr.") and knows nothing of initials.
bool ends_with_non_final_abbreviation(const lang::Profile& profile, std::string_view doc,
                                      std::uint32_t begin, std::uint32_t boundary) {
  if (profile.never_ends_sentence == nullptr) return false;
  std::uint32_t e = boundary;
  while (e > begin && (doc[e - 1] == ' ' || (doc[e - 1] >= '\t' && doc[e - 1] <= '\r'))) --e;
  if (e == begin || doc[e - 1] != '.') return false;
  const std::uint32_t word_end = e - 1;
  std::uint32_t b = word_end;
  while (b > begin && (ascii::is_letter(doc[b - 1]) || doc[b - 1] == '.')) --b;
  if (b == word_end) return false;
  // The abbreviation must be a whole word: "Dr." but not "Idr."
  if (b > begin && static_cast<unsigned char>(doc[b - 1]) >= 0x80) return false;
  if (b > begin && (doc[b - 1] >= '0' && doc[b - 1] <= '9')) return false;
  return profile.never_ends_sentence(doc.substr(b, word_end - b));
}

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Whether a sentence boundary `b` of the whole document (an ICU boundary)
// is a safe place to cut it into chunks that segment independently exactly
// as the whole does. Conservative on purpose, since a refused boundary only
// makes a chunk a little longer:
//   * ASCII whitespace before and none after: no URL, e-mail, mention or
//     hashtag (none holds whitespace) covers it, no CR LF pair is split, and
//     the next chunk starts on its first token;
//   * a '.' before it ends a plain word preceded by whitespace, so the
//     non-final-abbreviation check ("Dr.") reads the same word whatever
//     sentence start it is given, and that word ends sentences.
bool is_safe_cut(const lang::Profile& profile, std::string_view doc, std::uint32_t b) {
  if (b == 0 || b >= doc.size() || !is_ascii_space(doc[b - 1]) || is_ascii_space(doc[b]))
    return false;
  std::uint32_t e = b;
  while (e > 0 && is_ascii_space(doc[e - 1])) --e;
  if (e == 0 || doc[e - 1] != '.') return true;
  const std::uint32_t word_end = e - 1;
  std::uint32_t w = word_end;
  while (w > 0 && (ascii::is_letter(doc[w - 1]) || doc[w - 1] == '.')) --w;
  for (std::uint32_t i = w; i < word_end; ++i)
    if (doc[i] == '.') return false;
  if (w > 0 && !is_ascii_space(doc[w - 1])) return false;
  return profile.never_ends_sentence == nullptr ||
         !profile.never_ends_sentence(doc.substr(w, word_end - w));
}

}  // namespace

struct Segmenter::Impl {
  // Words break with ICU's root rules in every language (split_words_ascii
  // reproduces them); only sentences use the profile's locale.
  explicit Impl(const lang::Profile& p) : profile(p) {}

  const lang::Profile& profile;
  std::unique_ptr<icu::BreakIterator> sentence_iterator;
  UText* text = nullptr;
  IcuWordBreaker words;
  bool ascii_fast_path = true;
  bool doc_is_ascii = false;  // of the current segment() call

  // Scratch buffers, kept between calls.
  std::vector<SpecialSpan> specials;
  std::vector<ByteRange> pieces;
  std::vector<RawToken> raw;
  std::vector<RawToken> ruled;
  std::u16string wide;

  ~Impl() { utext_close(text); }

  void add_words(std::string_view doc, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return;
    pieces.clear();
    const bool ascii = doc_is_ascii || utf8::is_ascii(doc.substr(begin, end - begin));
    if (!ascii_fast_path)
      words.split(doc, begin, end, pieces);
    else if (ascii)
      split_words_ascii(doc, begin, end, pieces);
    else
      words.split_mixed(doc, begin, end, pieces);
    for (const ByteRange& p : pieces) {
      const std::string_view piece = doc.substr(p.begin, p.end - p.begin);
      raw.push_back({p.begin, p.end, ascii ? classify_ascii(piece) : classify_segment(piece)});
    }
  }

  // Tokenizes doc[begin, end) and appends it as a sentence unless blank.
  // Consumes the special spans specials[next_special, ...) that begin
  // before `end` (none of them crosses `end`).
  void add_sentence(std::string_view doc, std::uint32_t begin, std::uint32_t end,
                    std::size_t& next_special, Segmentation& out) {
    raw.clear();
    std::uint32_t cursor = begin;
    for (; next_special < specials.size() && specials[next_special].begin < end; ++next_special) {
      const SpecialSpan& s = specials[next_special];
      add_words(doc, cursor, s.begin);
      raw.push_back({s.begin, s.end, s.kind});
      cursor = s.end;
    }
    add_words(doc, cursor, end);
    if (raw.empty()) return;  // blank

    ruled.clear();
    apply_token_rules(doc, raw, profile, ruled);
    const auto sentence_index = static_cast<std::uint32_t>(out.sentences.size());
    Sentence sentence;
    sentence.first_token = static_cast<std::uint32_t>(out.tokens.size());
    sentence.token_count = static_cast<std::uint32_t>(ruled.size());
    sentence.span.byte_begin = ruled.front().begin;
    sentence.span.byte_length = ruled.back().end - ruled.front().begin;
    out.sentences.push_back(sentence);
    for (const RawToken& r : ruled) {
      Token t;
      t.span.byte_begin = r.begin;
      t.span.byte_length = r.end - r.begin;
      t.sentence = sentence_index;
      t.kind = r.kind;
      out.tokens.push_back(t);
    }
  }
};

Segmenter::Segmenter(const lang::Profile& profile) : impl_(std::make_unique<Impl>(profile)) {
  UErrorCode status = U_ZERO_ERROR;
  // The profile's locale; "@ss=standard" enables CLDR's sentence-break
  // suppressions where the language has them ("Mr.", "z.B.", "M.").
  impl_->sentence_iterator.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale(profile.icu_locale), status));
  if (U_FAILURE(status)) throw IcuError("createSentenceInstance", status);
}

Segmenter::~Segmenter() = default;

const lang::Profile& Segmenter::profile() const { return impl_->profile; }

void Segmenter::set_ascii_fast_path(bool enabled) { impl_->ascii_fast_path = enabled; }

void Segmenter::find_chunk_starts(std::string_view doc, std::size_t target_bytes,
                                  std::vector<std::uint32_t>& starts) {
  starts.assign(1, 0);
  if (doc.size() >= std::numeric_limits<std::uint32_t>::max())
    throw InputTooLargeError(doc.size());
  if (target_bytes == 0) target_bytes = 1;
  if (doc.size() <= target_bytes) return;

  // ICU's following(offset) would find the boundary after each target
  // directly, but to be exact it backs up to a safe point first, and in
  // sentence rules that can mean the start of the paragraph: on a 10 MB
  // line, tens of milliseconds per cut. Instead each search iterates a
  // window that opens at the target. Its first boundary may be false (the
  // window cut a sentence's context: "Mr|. Smith"), but forward iteration
  // carries no state across a boundary and the sentence rules look back no
  // further than the previous terminator, so from the second boundary on
  // the window agrees with the whole text. Candidates also keep clear of
  // the window's end (the rules look ahead past a full stop).
  constexpr std::size_t kWindowBytes = 64 * 1024;
  constexpr std::size_t kEndMargin = 1024;
  Impl& m = *impl_;
  icu::BreakIterator& it = *m.sentence_iterator;
  const std::size_t size = doc.size();
  std::size_t target = target_bytes;
  while (target < size) {
    // Start on a code point.
    while (target < size && (static_cast<unsigned char>(doc[target]) & 0xC0) == 0x80) ++target;
    if (target >= size) break;
    const std::size_t window_end = std::min(size, target + kWindowBytes);
    const std::string_view window = doc.substr(target, window_end - target);
    UErrorCode status = U_ZERO_ERROR;
    m.text = utext_openUTF8(m.text, window.data(), static_cast<int64_t>(window.size()), &status);
    if (U_FAILURE(status)) throw IcuError("utext_openUTF8", status);
    it.setText(m.text, status);
    if (U_FAILURE(status)) throw IcuError("BreakIterator::setText", status);
    const std::size_t limit = window_end == size ? size : window_end - kEndMargin;
    std::size_t found = 0;
    it.next();  // the first boundary may be false: see above
    for (std::int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
      const std::size_t at = target + static_cast<std::size_t>(b);
      if (at >= limit) break;
      if (is_safe_cut(m.profile, doc, static_cast<std::uint32_t>(at))) {
        found = at;
        break;
      }
    }
    if (found == 0) {
      if (window_end == size) break;  // no safe boundary left
      target = limit;                 // slide on (the windows overlap)
      continue;
    }
    starts.push_back(static_cast<std::uint32_t>(found));
    target = found + target_bytes;
  }
}

void Segmenter::segment(std::string_view doc, Segmentation& out, const runtime::StopSignal& stop,
                        Offsets offsets) {
  out.clear();
  if (doc.size() >= std::numeric_limits<std::uint32_t>::max())
    throw InputTooLargeError(doc.size());
  if (const std::size_t bad = utf8::find_invalid(doc); bad != utf8::kValid)
    throw InvalidUtf8Error(bad);
  if (doc.empty()) return;

  Impl& m = *impl_;
  m.specials.clear();
  find_special_spans(doc, m.specials);

  UErrorCode status = U_ZERO_ERROR;
  const bool ascii = m.doc_is_ascii = utf8::is_ascii(doc);
  if (ascii) {
    // ICU iterates UTF-16 faster than UTF-8, and widening ASCII keeps
    // indexes equal to byte offsets.
    m.wide.assign(doc.begin(), doc.end());
    m.text = utext_openUChars(m.text, m.wide.data(), static_cast<int64_t>(m.wide.size()), &status);
  } else {
    m.text = utext_openUTF8(m.text, doc.data(), static_cast<int64_t>(doc.size()), &status);
  }
  if (U_FAILURE(status)) throw IcuError("utext_openUTF8", status);
  icu::BreakIterator& it = *m.sentence_iterator;
  it.setText(m.text, status);
  if (U_FAILURE(status)) throw IcuError("BreakIterator::setText", status);

  std::size_t next_special = 0;  // for add_sentence
  std::size_t covering = 0;      // first special span that may cover a boundary
  std::uint32_t start = 0, next_poll = kStopPollBytes;
  for (std::int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
    const auto boundary = static_cast<std::uint32_t>(b);
    // A sentence never ends inside a URL ("see x.org/a. b" is not two)
    // or right after "Dr.".
    while (covering < m.specials.size() && m.specials[covering].end <= boundary) ++covering;
    if (boundary < doc.size() &&
        ((covering < m.specials.size() && m.specials[covering].begin < boundary) ||
         ends_with_non_final_abbreviation(m.profile, doc, start, boundary)))
      continue;
    m.add_sentence(doc, start, boundary, next_special, out);
    start = boundary;
    if (boundary >= next_poll) {
      if (stop.requested()) throw CancelledError();
      next_poll = boundary + kStopPollBytes;
    }
  }
  if (start < doc.size()) m.add_sentence(doc, start, static_cast<std::uint32_t>(doc.size()),
                                         next_special, out);

  if (offsets == Offsets::kBytesOnly) return;
  // Character offsets: equal to byte offsets for ASCII, else one pass each.
  if (ascii) {
    for (Token& t : out.tokens) {
      t.span.char_begin = t.span.byte_begin;
      t.span.char_length = t.span.byte_length;
    }
    for (Sentence& s : out.sentences) {
      s.span.char_begin = s.span.byte_begin;
      s.span.char_length = s.span.byte_length;
    }
    return;
  }
  CharCursor token_cursor(doc);
  for (Token& t : out.tokens) fill_char_offsets(t.span, token_cursor);
  CharCursor sentence_cursor(doc);
  for (Sentence& s : out.sentences) fill_char_offsets(s.span, sentence_cursor);
}

}  // namespace textsense::segment
