#include "core/segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "core/common/errors.h"
#include "core/segment/sentence_breaker.h"
#include "core/segment/special_spans.h"
#include "core/segment/token_classifier.h"
#include "core/segment/token_rules.h"
#include "core/common/utf8.h"
#include "core/segment/word_breaker.h"
#include "core/common/ascii.h"

namespace textsense::segment {
namespace {

// How much text ICU's sentence iterator reads at a time, and how close to
// a window's end a boundary is not trusted (ICU looks ahead past a full
// stop for what follows). segmenter.h, "Long sentences".
constexpr std::uint32_t kSentenceWindowBytes = 64 * 1024;
constexpr std::uint32_t kSentenceWindowMargin = 1024;
// A long sentence's piece is at least this long (its cut is searched for
// between here and the window's margin).
constexpr std::uint32_t kMinPieceBytes = kSentenceWindowBytes / 2;


// Converts non-decreasing byte offsets to code point offsets in one pass.
class CharCursor {
 public:
  explicit CharCursor(std::string_view doc) : doc_(doc) {}
  std::uint32_t at(std::uint32_t byte) {
    chars_ += static_cast<std::uint32_t>(utf8::count_code_points(doc_.substr(byte_, byte - byte_)));
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
  if (b == 0 || b >= doc.size() || !ascii::is_space(doc[b - 1]) || ascii::is_space(doc[b]))
    return false;
  std::uint32_t e = b;
  while (e > 0 && ascii::is_space(doc[e - 1])) --e;
  if (e == 0 || doc[e - 1] != '.') return true;
  const std::uint32_t word_end = e - 1;
  std::uint32_t w = word_end;
  while (w > 0 && (ascii::is_letter(doc[w - 1]) || doc[w - 1] == '.')) --w;
  for (std::uint32_t i = w; i < word_end; ++i)
    if (doc[i] == '.') return false;
  if (w > 0 && !ascii::is_space(doc[w - 1])) return false;
  return profile.never_ends_sentence == nullptr ||
         !profile.never_ends_sentence(doc.substr(w, word_end - w));
}

}  // namespace

struct Segmenter::Impl {
  // Words break with ICU's root rules in every language (split_words_ascii
  // reproduces them); only sentences use the profile's locale.
  explicit Impl(const lang::Profile& p) : profile(p) {}

  const lang::Profile& profile;
  // ICU's sentence boundaries without its rule engine (sentence_breaker.h:
  // a fifth of sentiment() on a tweet went to ICU's iterator).
  std::unique_ptr<SentenceBreaker> sentences;
  // ICU's own iterator, for the chunk search and as the reference
  // (set_fast_paths(false)): made on first use, since building it costs
  // more than the rest of a segmenter and most never need it.
  std::unique_ptr<icu::BreakIterator> sentence_iterator;

  icu::BreakIterator& icu_sentences() {
    if (sentence_iterator == nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      // The profile's locale; "@ss=standard" enables CLDR's sentence-break
      // suppressions where the language has them ("Mr.", "z.B.", "M.").
      sentence_iterator.reset(
          icu::BreakIterator::createSentenceInstance(icu::Locale(profile.icu_locale), status));
      if (U_FAILURE(status)) throw IcuError("createSentenceInstance", status);
    }
    return *sentence_iterator;
  }
  UText* text = nullptr;
  IcuWordBreaker words;
  bool fast_paths = true;
  bool doc_is_ascii = false;  // of the current segment() call

  // Scratch buffers, kept between calls.
  std::vector<SpecialSpan> specials;
  std::vector<ByteRange> pieces;
  std::vector<RawToken> raw;
  std::vector<RawToken> ruled;
  std::u16string wide;

  ~Impl() { utext_close(text); }

  // Appends the sentences of `doc` to `out` (byte offsets), one window at a
  // time; with `consume`, hands each window's sentences to it and clears
  // `out` before the next window.
  void segment_windows(std::string_view doc, Segmentation& out, const runtime::StopSignal& stop,
                       const std::function<void(const Segmentation&)>* consume);

  // Points the sentence iterator at doc[begin, begin + bytes) (ending on a
  // code point) and returns where the window ends.
  std::uint32_t open_window(std::string_view doc, std::uint32_t begin, std::uint32_t bytes) {
    std::uint32_t end = static_cast<std::uint32_t>(doc.size());
    if (end - begin > bytes) {
      end = begin + bytes;
      while (end > begin + 1 && utf8::is_continuation(doc[end])) --end;
    }
    const std::string_view window = doc.substr(begin, end - begin);
    if (fast_paths) {
      sentences->set_text(window);
      return end;
    }
    UErrorCode status = U_ZERO_ERROR;
    if (doc_is_ascii) {
      // ICU iterates UTF-16 faster than UTF-8, and widening ASCII keeps
      // indexes equal to byte offsets.
      wide.assign(window.begin(), window.end());
      text = utext_openUChars(text, wide.data(), static_cast<int64_t>(wide.size()), &status);
    } else {
      text = utext_openUTF8(text, window.data(), static_cast<int64_t>(window.size()), &status);
    }
    if (U_FAILURE(status)) throw IcuError("utext_open", status);
    icu_sentences().setText(text, status);
    if (U_FAILURE(status)) throw IcuError("BreakIterator::setText", status);
    return end;
  }

  // The window's next sentence boundary (offset into the window), or
  // icu::BreakIterator::DONE.
  std::int32_t next_boundary() {
    return fast_paths ? sentences->next() : sentence_iterator->next();
  }

  // Where the first piece of a sentence too long to analyse whole ends:
  // the last word start (after ASCII whitespace) in [begin + kMinPieceBytes,
  // limit], else the last code point boundary there, never inside a URL
  // or other special span (after it, if one covers the whole range).
  std::uint32_t long_sentence_cut(std::string_view doc, std::uint32_t begin,
                                  std::uint32_t limit) const {
    const std::uint32_t from = begin + kMinPieceBytes;
    const auto inside_special = [&](std::uint32_t at) -> const SpecialSpan* {
      const auto it =
          std::upper_bound(specials.begin(), specials.end(), at,
                           [](std::uint32_t x, const SpecialSpan& s) { return x < s.begin; });
      if (it == specials.begin()) return nullptr;
      const SpecialSpan& s = *(it - 1);
      return s.begin < at && at < s.end ? &s : nullptr;
    };
    for (std::uint32_t at = limit; at > from; --at)
      if (ascii::is_space(doc[at - 1]) && !ascii::is_space(doc[at]) && !inside_special(at))
        return at;
    std::uint32_t at = limit;
    while (at > from && utf8::is_continuation(doc[at])) --at;
    while (const SpecialSpan* s = inside_special(at)) {
      if (s->begin > from) {
        at = s->begin;
      } else {
        at = s->end;
        break;
      }
    }
    return at;
  }

  void add_words(std::string_view doc, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return;
    pieces.clear();
    const bool ascii = doc_is_ascii || utf8::is_ascii(doc.substr(begin, end - begin));
    if (!fast_paths) words.split(doc, begin, end, pieces);
    else if (ascii) split_words_ascii(doc, begin, end, pieces);
    else words.split_mixed(doc, begin, end, pieces);
    for (const ByteRange& p : pieces) {
      const std::string_view piece = doc.substr(p.begin, p.end - p.begin);
      append_token(raw, p.begin, p.end,
                   ascii          ? classify_ascii(piece)
                   : p.word       ? TokenKind::kWord
                   : p.alphabetic ? classify_alphabetic(piece)
                                  : classify_segment(piece),
                   p.may_have_apostrophe);
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
      append_token(raw, s.begin, s.end, s.kind);
      cursor = s.end;
    }
    add_words(doc, cursor, end);
    if (raw.empty()) return;  // blank

    ruled.clear();
    apply_token_rules(doc, raw, profile, ruled);
    const auto sentence_index = static_cast<std::uint32_t>(out.sentences.size());
    // Written in place, as the tokens below (append_token() says why).
    Sentence& sentence = out.sentences.emplace_back();
    sentence.first_token = static_cast<std::uint32_t>(out.tokens.size());
    sentence.token_count = static_cast<std::uint32_t>(ruled.size());
    sentence.span.byte_begin = ruled.front().begin;
    sentence.span.byte_length = ruled.back().end - ruled.front().begin;
    for (const RawToken& r : ruled) {
      Token& t = out.tokens.emplace_back();
      t.span.byte_begin = r.begin;
      t.span.byte_length = r.end - r.begin;
      t.sentence = sentence_index;
      t.kind = r.kind;
    }
  }
};

Segmenter::Segmenter(const lang::Profile& profile) : impl_(std::make_unique<Impl>(profile)) {
  impl_->sentences = std::make_unique<SentenceBreaker>(profile.icu_locale);
}

Segmenter::~Segmenter() = default;

const lang::Profile& Segmenter::profile() const { return impl_->profile; }

void Segmenter::set_fast_paths(bool enabled) { impl_->fast_paths = enabled; }

void Segmenter::find_chunk_starts(std::string_view doc, std::size_t target_bytes,
                                  std::vector<std::uint32_t>& starts,
                                  const runtime::StopSignal& stop) {
  starts.assign(1, 0);
  if (doc.size() >= std::numeric_limits<std::uint32_t>::max()) throw InputTooLargeError(doc.size());
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
  icu::BreakIterator& it = m.icu_sentences();
  const std::size_t size = doc.size();
  std::size_t target = target_bytes;
  while (target < size) {
    if (stop.requested()) throw CancelledError();
    // Start on a code point.
    while (target < size && utf8::is_continuation(doc[target])) ++target;
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
  impl_->segment_windows(doc, out, stop, nullptr);
  if (offsets == Offsets::kBytesOnly || out.tokens.empty()) return;
  // Character offsets: equal to byte offsets for ASCII, else one pass each.
  if (impl_->doc_is_ascii) {
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

void Segmenter::segment_by_window(std::string_view doc, Segmentation& batch,
                                  const std::function<void(const Segmentation&)>& consume,
                                  const runtime::StopSignal& stop) {
  batch.clear();
  impl_->segment_windows(doc, batch, stop, &consume);
  if (!batch.sentences.empty()) consume(batch);
  batch.clear();
}

void Segmenter::Impl::segment_windows(std::string_view doc, Segmentation& out,
                                      const runtime::StopSignal& stop,
                                      const std::function<void(const Segmentation&)>* consume) {
  if (doc.size() >= std::numeric_limits<std::uint32_t>::max()) throw InputTooLargeError(doc.size());
  Impl& m = *this;
  if (const std::size_t bad = utf8::find_invalid(doc, m.doc_is_ascii); bad != utf8::kValid)
    throw InvalidUtf8Error(bad);
  if (doc.empty()) return;

  m.specials.clear();
  find_special_spans(doc, m.specials);

  // The sentence rules read one window at a time, from the current sentence's start
  // (segmenter.h, "Long sentences"): every call into ICU and every
  // sentence handed to the word breaker is bounded, so the stop signal is
  // polled at least once per window whatever the text.
  const auto size = static_cast<std::uint32_t>(doc.size());
  std::size_t next_special = 0;  // for add_sentence
  std::size_t covering = 0;      // first special span that may cover a boundary
  std::uint32_t start = 0;       // the current sentence's first byte
  std::uint32_t window_bytes = kSentenceWindowBytes;
  while (start < size) {
    if (stop.requested()) throw CancelledError();
    if (consume != nullptr && !out.sentences.empty()) {
      (*consume)(out);
      out.clear();
    }
    const std::uint32_t window_end = m.open_window(doc, start, window_bytes);
    const bool last = window_end == size;
    // Near the window's end the rules cannot see what follows a full stop: only
    // boundaries before the margin are taken (all of them in the last).
    const std::uint32_t limit = last ? size : window_end - kSentenceWindowMargin;
    const std::uint32_t window_start = start;
    // The window may read again what the previous one read past its last
    // sentence: find the spans that can cover its boundaries afresh.
    covering = static_cast<std::size_t>(
        std::partition_point(m.specials.begin(), m.specials.end(),
                             [&](const SpecialSpan& s) { return s.end <= window_start; }) -
        m.specials.begin());
    bool boundary_in_margin = false;
    for (std::int32_t b = m.next_boundary(); b != icu::BreakIterator::DONE; b = m.next_boundary()) {
      const std::uint32_t boundary = window_start + static_cast<std::uint32_t>(b);
      // A sentence never ends inside a URL ("see x.org/a. b" is not two)
      // or right after "Dr.".
      while (covering < m.specials.size() && m.specials[covering].end <= boundary) ++covering;
      if (boundary < size &&
          ((covering < m.specials.size() && m.specials[covering].begin < boundary) ||
           ends_with_non_final_abbreviation(m.profile, doc, start, boundary)))
        continue;
      if (boundary >= limit && !last) {
        boundary_in_margin = boundary < window_end;
        break;
      }
      m.add_sentence(doc, start, boundary, next_special, out);
      start = boundary;
    }
    if (start > window_start || last) {
      window_bytes = kSentenceWindowBytes;
      continue;
    }
    // No sentence ended in the window. A boundary in its margin is found
    // again, away from the end, in a window twice as long ...
    if (boundary_in_margin && window_bytes == kSentenceWindowBytes) {
      window_bytes = 2 * kSentenceWindowBytes;
      continue;
    }
    // ... otherwise the sentence is too long to analyse whole: its first
    // piece ends at a word start (segmenter.h, "Long sentences").
    const std::uint32_t cut = m.long_sentence_cut(
        doc, start, std::min(limit, start + kSentenceWindowBytes - kSentenceWindowMargin));
    m.add_sentence(doc, start, cut, next_special, out);
    start = cut;
    window_bytes = kSentenceWindowBytes;
  }
}

}  // namespace textsense::segment
