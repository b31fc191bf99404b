// The thread pool's speedup and overhead, measured through DocumentPipeline
// as the SQL functions run it:
//   * sentiment (segment + score), pos_tag (segment + tag) and tokens
//     (segment) on 1 MB and 10 MB documents with 1 thread (no pool) and 2
//     threads (the caller + one worker);
//   * sentiment at 4 KB to 256 KB with 1 and 2 threads, split in 4 chunks,
//     to find where a second thread starts to pay (textsense.parallel_min_bytes);
//   * tweets through the pipeline with a pool (default settings) against
//     the bare Segmenter + Analyzer, the overhead a small text pays.
// Arguments are /bytes/threads. Speedup = time(threads 1) / time(threads 2):
//   build/bench_parallel --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "bench/shipped_models.h"
#include "core/runtime/document_pipeline.h"
#include "core/pos/model.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "core/runtime/thread_pool.h"

namespace {

using textsense::runtime::DocumentPipeline;
using textsense::runtime::SentimentOutput;
using textsense::runtime::ThreadPool;
using textsense::bench::kParagraph;
using textsense::bench::kTweet;

const textsense::sentiment::Lexicon& lexicon() { return textsense::bench::shipped_lexicon(); }
const textsense::pos::PosModel& pos_model() { return textsense::bench::shipped_pos_model(); }

// `bytes` of review paragraphs and tweets, alternating, one per line.
std::string text_of(std::size_t bytes) {
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) {
    out += (i % 3 == 2) ? kTweet : kParagraph;
    out += '\n';
  }
  out.resize(bytes);
  return out;
}

// A pipeline with `threads` threads in all (1: no pool at all).
struct Setup {
  std::unique_ptr<ThreadPool> pool;
  DocumentPipeline pipeline;
  explicit Setup(std::size_t threads)
      : pool(threads > 1 ? std::make_unique<ThreadPool>(threads - 1) : nullptr),
        pipeline(pool.get()) {
    pipeline.settings().min_bytes = 0;  // split whatever the size
  }
};

void set_rates(benchmark::State& state, std::size_t bytes, std::size_t tokens) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

void BM_Sentiment(benchmark::State& state) {
  const std::string text = text_of(static_cast<std::size_t>(state.range(0)));
  Setup setup(static_cast<std::size_t>(state.range(1)));
  // Small documents in 4 chunks (automatic chunks would not split them).
  if (text.size() < 1024 * 1024) setup.pipeline.settings().chunk_bytes = text.size() / 4;
  const textsense::sentiment::Params params;
  std::size_t tokens = 0;
  for (auto _ : state) {
    const auto d = setup.pipeline.score(text, textsense::lang::english(), lexicon(), params,
                                        SentimentOutput::kDocument);
    benchmark::DoNotOptimize(d.score);
    tokens += d.tokens;
  }
  set_rates(state, text.size(), tokens);
  state.counters["chunks"] = static_cast<double>(setup.pipeline.last_chunk_count());
}

void BM_PosTag(benchmark::State& state) {
  const std::string text = text_of(static_cast<std::size_t>(state.range(0)));
  Setup setup(static_cast<std::size_t>(state.range(1)));
  std::size_t tokens = 0;
  for (auto _ : state) {
    setup.pipeline.tag(text, textsense::lang::english(), pos_model());
    benchmark::DoNotOptimize(setup.pipeline.tags().data());
    tokens += setup.pipeline.tags().size();
  }
  set_rates(state, text.size(), tokens);
}

void BM_Tokens(benchmark::State& state) {
  const std::string text = text_of(static_cast<std::size_t>(state.range(0)));
  Setup setup(static_cast<std::size_t>(state.range(1)));
  std::size_t tokens = 0;
  for (auto _ : state) {
    setup.pipeline.segment(text, textsense::lang::english());
    tokens += setup.pipeline.segmentation().tokens.size();
  }
  set_rates(state, text.size(), tokens);
}

// A tweet the way sentiment() scored it before the pool existed ...
void BM_TweetBare(benchmark::State& state) {
  textsense::segment::Segmenter segmenter;
  textsense::segment::Segmentation seg;
  textsense::sentiment::Analyzer analyzer(lexicon());
  std::vector<textsense::sentiment::SentenceSentiment> sentences;
  for (auto _ : state) {
    segmenter.segment(kTweet, seg);
    const auto d = analyzer.analyze(kTweet, seg, sentences, nullptr);
    benchmark::DoNotOptimize(d.score);
  }
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// ... and through the pipeline with a 2-thread pool at default settings.
void BM_TweetPipeline(benchmark::State& state) {
  ThreadPool pool(1);
  DocumentPipeline pipeline(&pool);
  const textsense::sentiment::Params params;
  for (auto _ : state) {
    const auto d = pipeline.score(kTweet, textsense::lang::english(), lexicon(), params,
                                  SentimentOutput::kDocument);
    benchmark::DoNotOptimize(d.score);
  }
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

constexpr int64_t kKB = 1024, kMB = 1024 * 1024;

BENCHMARK(BM_TweetBare);
BENCHMARK(BM_TweetPipeline);
BENCHMARK(BM_Sentiment)
    ->ArgsProduct({{4 * kKB, 16 * kKB, 64 * kKB, 256 * kKB}, {1, 2}})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
BENCHMARK(BM_Sentiment)
    ->ArgsProduct({{kMB, 10 * kMB}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PosTag)
    ->ArgsProduct({{kMB, 10 * kMB}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Tokens)
    ->ArgsProduct({{kMB, 10 * kMB}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
