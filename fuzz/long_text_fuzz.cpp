// libFuzzer target: documents longer than the segmenter's 64 KiB window,
// where the other targets' small inputs rarely reach. The input is a unit
// of text repeated past a window, so every path that only long documents
// take runs: windows and the pieces of sentences with no end in a window
// (segmenter.h, "Long sentences"), chunks appended in order as they
// finish, the document score folded window by window
// (DocumentPipeline::score_by_window), and the sentences of a mixed
// document detected and scored in their own language inside each chunk.
//
// Input: byte 0 picks the options, the rest is the unit (ill-formed UTF-8
// units are skipped: the other targets cover them):
//   (b & 3):        the document is at least 65 KiB + (b & 3) x 16 KiB;
//   (b >> 2) & 3:   what separates the repetitions: "", " ", "\n", ". ";
//   (b & 0x10):     every other repetition is followed by a German and a
//                   Spanish sentence (a mixed document);
//   (b & 0x20):     chunks of 4 KiB, else 32 KiB;
//   (b >> 6):       the check besides the windows' (one per input: the
//                   instrumented build runs about a document a second):
//                   0 the English score, 1 the automatic score over every
//                   shipped pack, 2 tags, 3 none.
//
// Checks: segment_by_window()'s windows put together equal segment(); the
// segmentation keeps its structure (fuzz_util.h); the document score split
// across a thread pool (window by window) equals the unsplit one bit for
// bit; tags and segmentation split equal unsplit. Plus ASan, UBSan, LSan.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/utf8.h"
#include "core/lang/installed.h"
#include "core/runtime/document_pipeline.h"
#include "core/runtime/multilingual.h"
#include "core/runtime/thread_pool.h"
#include "core/segment/segmenter.h"
#include "fuzz_util.h"

namespace {

using namespace textsense;

runtime::DocumentPipeline* serial;
runtime::DocumentPipeline* parallel;
runtime::ThreadPool* pool;
segment::Segmenter* segmenter;
lang::InstalledModels* installed;

const sentiment::Lexicon* pack_lexicon(lang::Code code, void*) {
  for (const fuzz::SentimentPack& pack : fuzz::shipped_sentiment_packs())
    if (code.view() == pack.profile->code) return pack.lexicon.get();
  return nullptr;
}

void check_same_score(const sentiment::DocumentSentiment& a,
                      const sentiment::DocumentSentiment& b) {
  FUZZ_CHECK(a.score == b.score);
  FUZZ_CHECK(a.label == b.label);
  FUZZ_CHECK(a.positive == b.positive && a.negative == b.negative && a.neutral == b.neutral);
  FUZZ_CHECK(a.sentences == b.sentences && a.tokens == b.tokens);
  FUZZ_CHECK(a.analysed == b.analysed);
}

void check_windows(std::string_view doc) {
  segment::Segmentation whole;
  segmenter->segment(doc, whole);
  fuzz::check_segmentation(doc, whole);
  segment::Segmentation batch;
  std::size_t sentence = 0, token = 0;
  segmenter->segment_by_window(doc, batch, [&](const segment::Segmentation& window) {
    FUZZ_CHECK(!window.sentences.empty());
    const std::size_t sentence_base = sentence;
    for (const segment::Sentence& s : window.sentences) {
      FUZZ_CHECK(sentence < whole.sentences.size());
      const segment::Sentence& w = whole.sentences[sentence++];
      FUZZ_CHECK(s.span.byte_begin == w.span.byte_begin);
      FUZZ_CHECK(s.span.byte_length == w.span.byte_length);
      FUZZ_CHECK(s.token_count == w.token_count);
    }
    for (const segment::Token& t : window.tokens) {
      FUZZ_CHECK(token < whole.tokens.size());
      const segment::Token& w = whole.tokens[token++];
      FUZZ_CHECK(t.span.byte_begin == w.span.byte_begin);
      FUZZ_CHECK(t.span.byte_length == w.span.byte_length);
      FUZZ_CHECK(t.kind == w.kind);
      FUZZ_CHECK(sentence_base + t.sentence == w.sentence);
    }
  });
  FUZZ_CHECK(sentence == whole.sentences.size());
  FUZZ_CHECK(token == whole.tokens.size());
}

void check_automatic_scores(std::string_view doc) {
  runtime::ModelSource source;
  source.installed = installed;
  source.lexicon = pack_lexicon;
  runtime::LanguageOutcome serial_outcome, parallel_outcome;
  const sentiment::DocumentSentiment a =
      runtime::score_document(*serial, doc, runtime::LanguageRequest::automatic_choice(), source,
                              nullptr, runtime::SentimentOutput::kDocument, {}, serial_outcome);
  const sentiment::DocumentSentiment b =
      runtime::score_document(*parallel, doc, runtime::LanguageRequest::automatic_choice(), source,
                              nullptr, runtime::SentimentOutput::kDocument, {}, parallel_outcome);
  check_same_score(a, b);
  FUZZ_CHECK(serial_outcome.language == parallel_outcome.language);
  FUZZ_CHECK(serial_outcome.analysed == parallel_outcome.analysed);
}

void check_tags(std::string_view doc) {
  serial->tag(doc, lang::english(), fuzz::shipped_pos_model());
  parallel->tag(doc, lang::english(), fuzz::shipped_pos_model());
  FUZZ_CHECK(serial->tags() == parallel->tags());
  const segment::Segmentation& a = serial->segmentation();
  const segment::Segmentation& b = parallel->segmentation();
  FUZZ_CHECK(a.tokens.size() == b.tokens.size() && a.sentences.size() == b.sentences.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    FUZZ_CHECK(a.tokens[i].span.byte_begin == b.tokens[i].span.byte_begin);
    FUZZ_CHECK(a.tokens[i].span.char_begin == b.tokens[i].span.char_begin);
    FUZZ_CHECK(a.tokens[i].sentence == b.tokens[i].sentence);
    FUZZ_CHECK(a.tokens[i].kind == b.tokens[i].kind);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  installed = new lang::InstalledModels();
  for (const fuzz::SentimentPack& pack : fuzz::shipped_sentiment_packs())
    installed->sentiment.emplace_back(pack.profile->code);
  std::sort(installed->sentiment.begin(), installed->sentiment.end(),
            [](lang::Code a, lang::Code b) { return a.view() < b.view(); });
  pool = new runtime::ThreadPool(1);
  serial = new runtime::DocumentPipeline();
  serial->settings().min_bytes = SIZE_MAX;  // never split
  parallel = new runtime::DocumentPipeline(pool);
  parallel->settings().min_bytes = 0;
  segmenter = new segment::Segmenter();
  fuzz::shipped_pos_model();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint8_t options = data[0];
  const std::string_view unit(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (utf8::find_invalid(unit) != utf8::kValid) return 0;
  static const char* const kSeparators[] = {"", " ", "\n", ". "};
  const std::string_view separator = kSeparators[(options >> 2) & 3];
  const bool mixed = (options & 0x10) != 0;
  const std::size_t target = 65 * 1024 + (options & 3) * 16 * 1024;
  std::string doc;
  doc.reserve(target + unit.size() + 200);
  for (std::size_t i = 0; doc.size() < target; ++i) {
    doc += unit;
    doc += separator;
    if (mixed && i % 2 == 0)
      doc +=
          " Das Essen war leider kalt und der Kellner war sehr unfreundlich. "
          "La comida estaba deliciosa y el servicio fue excelente. ";
  }
  parallel->settings().chunk_bytes = (options & 0x20) != 0 ? 4 * 1024 : 32 * 1024;

  check_windows(doc);
  const sentiment::Params params;
  const sentiment::Lexicon& english = *fuzz::shipped_sentiment_packs().front().lexicon;
  switch (options >> 6) {
    case 0:
      check_same_score(
          serial->score(doc, lang::english(), english, params, runtime::SentimentOutput::kDocument),
          parallel->score(doc, lang::english(), english, params,
                          runtime::SentimentOutput::kDocument));
      break;
    case 1: check_automatic_scores(doc); break;
    case 2: check_tags(doc); break;
    default: break;
  }
  return 0;
}
