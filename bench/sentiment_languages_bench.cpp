// Sentiment throughput per language: the same tweet and review paragraph
// (bench/sample_texts.h, translated in sample_texts_languages.h) segmented
// and scored with each shipped pack, as sentiment(doc, lang) runs them.
// English runs in the same process as the baseline; compare texts/s of a
// language with English's (the target: at least half).
//   build/bench_sentiment_languages --benchmark_repetitions=3 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "bench/sample_texts_languages.h"
#include "core/lang/profile.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"

namespace {

using namespace textsense;

void segment_and_score(benchmark::State& state, const std::string& code, const std::string& text) {
  const std::unique_ptr<sentiment::Lexicon> lexicon = sentiment::Lexicon::load(
      std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_" + code + ".model");
  segment::Segmenter segmenter(lang::profile_for(code));
  segment::Segmentation seg;
  sentiment::Analyzer analyzer(*lexicon);
  std::vector<sentiment::SentenceSentiment> sentences;
  std::size_t tokens = 0;
  for (auto _ : state) {
    // Byte offsets only, as sentiment() segments a document it scores
    // (runtime/document_pipeline.cpp): characters are counted only for
    // the functions that return positions.
    segmenter.segment(text, seg, {}, segment::Segmenter::Offsets::kBytesOnly);
    const sentiment::DocumentSentiment d = analyzer.analyze(text, seg, sentences, nullptr);
    benchmark::DoNotOptimize(d.score);
    tokens += seg.tokens.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

const int kRegistered = [] {
  benchmark::RegisterBenchmark("sentiment/en/tweet", segment_and_score, "en",
                               std::string(bench::kTweet));
  benchmark::RegisterBenchmark("sentiment/en/paragraph", segment_and_score, "en",
                               std::string(bench::kParagraph));
  for (const bench::LanguageSample& s : bench::kLanguageSamples) {
    benchmark::RegisterBenchmark(("sentiment/" + std::string(s.code) + "/tweet").c_str(),
                                 segment_and_score, std::string(s.code), std::string(s.tweet));
    benchmark::RegisterBenchmark(("sentiment/" + std::string(s.code) + "/paragraph").c_str(),
                                 segment_and_score, std::string(s.code), std::string(s.paragraph));
  }
  return 0;
}();

}  // namespace

BENCHMARK_MAIN();
