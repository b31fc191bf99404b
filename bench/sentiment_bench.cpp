// Sentiment throughput (texts/s, bytes/s, tokens/s) on a tweet, a review
// paragraph and 1 MB of English: segmentation + scoring as sentiment()
// runs it, segmentation alone as the in-run baseline, and scoring alone on
// a ready segmentation (the engine's own share); explain (per-token rows);
// and the cost of loading the lexicon (map + validate + checksum).
//   build/bench_sentiment --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "core/segmenter.h"
#include "core/sentiment_analyzer.h"
#include "core/sentiment_lexicon.h"

namespace {

using textsense::bench::kParagraph;
using textsense::bench::kTweet;

using textsense::Segmentation;
using textsense::Segmenter;
using textsense::sentiment::Analyzer;
using textsense::sentiment::DocumentSentiment;
using textsense::sentiment::Lexicon;
using textsense::sentiment::SentenceSentiment;
using textsense::sentiment::TokenSentiment;

const std::string kLexiconPath = std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model";

const Lexicon& lexicon() {
  static const std::unique_ptr<Lexicon> l = Lexicon::load(kLexiconPath);
  return *l;
}

const std::string& text_1mb() {
  static const std::string s = [] {
    std::string out;
    while (out.size() < (1u << 20)) out += std::string(kParagraph) + " ";
    return out;
  }();
  return s;
}

void set_rates(benchmark::State& state, std::size_t bytes, std::size_t tokens) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Segmentation + scoring: what sentiment(text) costs.
void segment_and_score(benchmark::State& state, const std::string& text) {
  Segmenter segmenter;
  Segmentation seg;
  Analyzer analyzer(lexicon());
  std::vector<SentenceSentiment> sentences;
  std::size_t tokens = 0;
  for (auto _ : state) {
    segmenter.segment(text, seg);
    const DocumentSentiment d = analyzer.analyze(text, seg, sentences, nullptr);
    benchmark::DoNotOptimize(d.score);
    tokens += seg.tokens.size();
  }
  set_rates(state, text.size(), tokens);
}

// Segmentation alone: the baseline the engine adds to.
void segment_only(benchmark::State& state, const std::string& text) {
  Segmenter segmenter;
  Segmentation seg;
  std::size_t tokens = 0;
  for (auto _ : state) {
    segmenter.segment(text, seg);
    benchmark::DoNotOptimize(seg.tokens.data());
    tokens += seg.tokens.size();
  }
  set_rates(state, text.size(), tokens);
}

// Scoring alone, on a segmentation made once (optionally with the
// per-token explain rows).
void score_only(benchmark::State& state, const std::string& text, bool explain) {
  Segmenter segmenter;
  Segmentation seg;
  segmenter.segment(text, seg);
  Analyzer analyzer(lexicon());
  std::vector<SentenceSentiment> sentences;
  std::vector<TokenSentiment> rows;
  for (auto _ : state) {
    const DocumentSentiment d = analyzer.analyze(text, seg, sentences, explain ? &rows : nullptr);
    benchmark::DoNotOptimize(d.score);
    benchmark::DoNotOptimize(rows.data());
  }
  set_rates(state, text.size(), state.iterations() * seg.tokens.size());
}

// Explain as sentiment_explain() runs it: segmentation + per-token rows.
void segment_and_explain(benchmark::State& state, const std::string& text) {
  Segmenter segmenter;
  Segmentation seg;
  Analyzer analyzer(lexicon());
  std::vector<SentenceSentiment> sentences;
  std::vector<TokenSentiment> rows;
  std::size_t tokens = 0;
  for (auto _ : state) {
    segmenter.segment(text, seg);
    const DocumentSentiment d = analyzer.analyze(text, seg, sentences, &rows);
    benchmark::DoNotOptimize(d.score);
    benchmark::DoNotOptimize(rows.data());
    tokens += rows.size();
  }
  set_rates(state, text.size(), tokens);
}

void BM_SentimentTweet(benchmark::State& s) { segment_and_score(s, kTweet); }
void BM_SentimentParagraph(benchmark::State& s) { segment_and_score(s, kParagraph); }
void BM_Sentiment1MB(benchmark::State& s) { segment_and_score(s, text_1mb()); }
void BM_SegmentOnlyTweet(benchmark::State& s) { segment_only(s, kTweet); }
void BM_SegmentOnlyParagraph(benchmark::State& s) { segment_only(s, kParagraph); }
void BM_SegmentOnly1MB(benchmark::State& s) { segment_only(s, text_1mb()); }
void BM_ScoreOnlyTweet(benchmark::State& s) { score_only(s, kTweet, false); }
void BM_ScoreOnlyParagraph(benchmark::State& s) { score_only(s, kParagraph, false); }
void BM_ScoreOnly1MB(benchmark::State& s) { score_only(s, text_1mb(), false); }
void BM_ExplainParagraph(benchmark::State& s) { segment_and_explain(s, kParagraph); }
void BM_ExplainScoreOnlyParagraph(benchmark::State& s) { score_only(s, kParagraph, true); }

// Resident set size of this process in bytes (/proc/self/statm).
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  double pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096.0;
}

void BM_LexiconLoad(benchmark::State& state) {
  std::size_t bytes = 0, entries = 0;
  {
    const double before = resident_bytes();
    const auto l = Lexicon::load(kLexiconPath);
    state.counters["rss_added_bytes"] = resident_bytes() - before;
  }
  for (auto _ : state) {
    const auto l = Lexicon::load(kLexiconPath);
    bytes = l->size_bytes();
    entries = l->entry_count();
    benchmark::DoNotOptimize(l.get());
  }
  state.counters["lexicon_bytes"] = static_cast<double>(bytes);
  state.counters["entries"] = static_cast<double>(entries);
}

BENCHMARK(BM_SentimentTweet);
BENCHMARK(BM_SegmentOnlyTweet);
BENCHMARK(BM_ScoreOnlyTweet);
BENCHMARK(BM_SentimentParagraph);
BENCHMARK(BM_SegmentOnlyParagraph);
BENCHMARK(BM_ScoreOnlyParagraph);
BENCHMARK(BM_ExplainParagraph);
BENCHMARK(BM_ExplainScoreOnlyParagraph);
BENCHMARK(BM_Sentiment1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentOnly1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoreOnly1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
