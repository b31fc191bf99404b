// libFuzzer target: sentiment scoring of arbitrary bytes through the
// document pipeline, as sentiment(), sentiment_detail(),
// sentence_sentiment() and sentiment_explain() call it, with the shipped
// lexicon of one of the shipped languages or with a custom lexicon
// compiled from part of the input.
//
// Input: the whole input is the document; its first byte b and its size
// pick the language pack ((b / 16 + size) modulo the number of packs; 0 is
// English: b alone would leave the packs past the eighth to first bytes
// that are never valid UTF-8), and b also picks:
//   (b & 3) == 3:   a custom lexicon. The input up to the first blank line
//                   ("\n\n") lists its terms, one per line, as "term" or
//                   "term<TAB>valence" (no valence: one from the term's
//                   length); the rest is the document. Compiling either
//                   succeeds or throws InvalidTermError (then the shipped
//                   lexicon scores the document);
//   (b & 12) == 12: score a second time across a thread pool of one
//                   worker, cut into chunks of 1 + b / 16 bytes, and
//                   compare with the single-threaded results.
//
// Checks: ill-formed UTF-8 throws InvalidUtf8Error at the first bad byte;
// otherwise scores lie in [-1, 1] and are finite, document shares sum to 1
// (or are all 0), counts match the segmentation, every token result is
// finite with known rule bits and a valid source; the three outputs
// (document, sentences, tokens) agree on the document score; the chunked
// run equals the serial one bit for bit. Plus ASan, UBSan and LSan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/sentiment/custom_lexicon.h"
#include "core/runtime/document_pipeline.h"
#include "core/common/errors.h"
#include "core/segment/segmenter.h"
#include "core/runtime/thread_pool.h"
#include "core/common/utf8.h"
#include "fuzz_util.h"

namespace {

using namespace textsense;

runtime::DocumentPipeline* serial;
runtime::DocumentPipeline* parallel;
runtime::ThreadPool* pool;
std::map<std::string_view, std::unique_ptr<segment::Segmenter>> term_segmenters;
const sentiment::Params kParams;

// Compiles the custom terms listed in `spec`; nullptr when they are invalid.
std::unique_ptr<sentiment::Lexicon> compile_terms(std::string_view spec,
                                                  const fuzz::SentimentPack& pack) {
  std::vector<std::string> values;  // keeps strtod's input NUL-terminated
  std::vector<sentiment::CustomTerm> terms;
  while (!spec.empty()) {
    std::size_t eol = spec.find('\n');
    std::string_view line = spec.substr(0, eol);
    spec.remove_prefix(eol == std::string_view::npos ? spec.size() : eol + 1);
    double valence = static_cast<double>(line.size() % 9) - 4.0;
    if (const std::size_t tab = line.rfind('\t'); tab != std::string_view::npos) {
      values.emplace_back(line.substr(tab + 1));
      valence = std::strtod(values.back().c_str(), nullptr);
      line = line.substr(0, tab);
    }
    terms.push_back({line, valence});
  }
  try {
    segment::Segmenter& segmenter = *term_segmenters[pack.profile->code];
    return sentiment::compile_custom_lexicon(*pack.lexicon, "fuzz", terms, segmenter);
  } catch (const InvalidTermError&) {
    return nullptr;
  }
}

void check_same_sentences(const std::vector<sentiment::SentenceSentiment>& a,
                          const std::vector<sentiment::SentenceSentiment>& b) {
  FUZZ_CHECK(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i];
    const auto& y = b[i];
    FUZZ_CHECK(x.score == y.score && x.sum == y.sum && x.label == y.label &&
               x.positive == y.positive && x.negative == y.negative && x.neutral == y.neutral &&
               x.opens_with_contrast == y.opens_with_contrast);
  }
}

void check_same_document(const sentiment::DocumentSentiment& a,
                         const sentiment::DocumentSentiment& b) {
  FUZZ_CHECK(a.score == b.score && a.label == b.label && a.positive == b.positive &&
             a.negative == b.negative && a.neutral == b.neutral && a.sentences == b.sentences &&
             a.tokens == b.tokens);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const fuzz::SentimentPack& pack : fuzz::shipped_sentiment_packs())
    term_segmenters[pack.profile->code] = std::make_unique<segment::Segmenter>(*pack.profile);
  pool = new runtime::ThreadPool(1);
  serial = new runtime::DocumentPipeline();
  parallel = new runtime::DocumentPipeline(pool);
  parallel->settings().min_bytes = 0;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view doc(reinterpret_cast<const char*>(data), size);
  const std::uint8_t options = size > 0 ? data[0] : 0;

  const auto& packs = fuzz::shipped_sentiment_packs();
  const fuzz::SentimentPack& pack = packs[(options / 16 + size) % packs.size()];
  const lang::Profile& profile = *pack.profile;
  std::unique_ptr<sentiment::Lexicon> custom;
  if ((options & 3) == 3) {
    const std::size_t blank = doc.find("\n\n");
    if (blank != std::string_view::npos) {
      custom = compile_terms(doc.substr(0, blank), pack);
      doc.remove_prefix(blank + 2);
    }
  }
  const sentiment::Lexicon& lexicon = custom ? *custom : *pack.lexicon;

  const std::size_t bad = utf8::find_invalid(doc);
  sentiment::DocumentSentiment explained;
  try {
    explained = serial->score(doc, profile, lexicon, kParams, runtime::SentimentOutput::kTokens);
    FUZZ_CHECK(bad == utf8::kValid);
  } catch (const InvalidUtf8Error& e) {
    FUZZ_CHECK(bad != utf8::kValid && e.byte_offset() == bad);
    return 0;
  }

  // sentiment_explain: one result per token. (A copy: a kDocument call
  // below leaves the pipeline without a segmentation.)
  const segment::Segmentation seg = serial->segmentation();
  fuzz::check_segmentation(doc, seg);
  fuzz::check_document_sentiment(explained, seg.sentences.size(), seg.tokens.size());
  FUZZ_CHECK(serial->sentence_sentiments().size() == seg.sentences.size());
  for (const auto& s : serial->sentence_sentiments()) fuzz::check_sentence_sentiment(s);
  FUZZ_CHECK(serial->token_sentiments().size() == seg.tokens.size());
  for (const auto& t : serial->token_sentiments()) {
    fuzz::check_token_sentiment(t, lexicon);
    for (int bit = 0; bit < sentiment::kRuleCount; ++bit)
      if (t.rules & (1u << bit)) FUZZ_CHECK(!sentiment::rule_name(bit).empty());
    (void)lexicon.source_name(t.source).size();
  }
  FUZZ_CHECK(!sentiment::label_name(explained.label).empty());
  const std::vector<sentiment::TokenSentiment> explained_tokens = serial->token_sentiments();
  const std::vector<sentiment::SentenceSentiment> sentences = serial->sentence_sentiments();

  // sentence_sentiment / sentiment_detail, and sentiment(): the same score.
  const sentiment::DocumentSentiment by_sentence =
      serial->score(doc, profile, lexicon, kParams, runtime::SentimentOutput::kSentences);
  check_same_document(explained, by_sentence);
  FUZZ_CHECK(fuzz::same_segmentation(seg, serial->segmentation()));
  check_same_sentences(sentences, serial->sentence_sentiments());
  const sentiment::DocumentSentiment plain =
      serial->score(doc, profile, lexicon, kParams, runtime::SentimentOutput::kDocument);
  check_same_document(explained, plain);

  if ((options & 12) == 12) {
    parallel->settings().chunk_bytes = 1 + options / 16;
    for (runtime::SentimentOutput output :
         {runtime::SentimentOutput::kDocument, runtime::SentimentOutput::kSentences,
          runtime::SentimentOutput::kTokens}) {
      const sentiment::DocumentSentiment split =
          parallel->score(doc, profile, lexicon, kParams, output);
      check_same_document(explained, split);
      if (output == runtime::SentimentOutput::kDocument) {
        // Split, a score alone is folded window by window and keeps no
        // sentence results (DocumentPipeline::score_by_window).
        FUZZ_CHECK(parallel->sentence_sentiments().empty());
        continue;
      }
      check_same_sentences(sentences, parallel->sentence_sentiments());
      FUZZ_CHECK(fuzz::same_segmentation(seg, parallel->segmentation()));
      if (output == runtime::SentimentOutput::kTokens) {
        FUZZ_CHECK(parallel->token_sentiments().size() == explained_tokens.size());
        for (std::size_t i = 0; i < explained_tokens.size(); ++i) {
          const auto& x = explained_tokens[i];
          const auto& y = parallel->token_sentiments()[i];
          FUZZ_CHECK(x.valence == y.valence && x.contribution == y.contribution &&
                     x.rules == y.rules && x.source == y.source);
        }
      }
    }
  }
  return 0;
}
