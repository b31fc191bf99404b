// Segmentation throughput (bytes/s and tokens/s) on tweet-sized,
// paragraph-sized and 1 MB English text, and on Chinese and Japanese, with
// the ASCII fast path on and, as the in-run baseline, off (pure ICU).
//   build/bench_segmentation --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <string>

#include "bench/sample_texts.h"
#include "core/segment/segmenter.h"

namespace {

using textsense::bench::kParagraph;
using textsense::bench::kTweet;
using textsense::bench::repeat_to;

using textsense::segment::Segmentation;
using textsense::segment::Segmenter;

const char* const kChinese =
    "我们在十月份在酒店住了三个晚上。房间宽敞干净，床很舒服，但是空调不太好用，街上的噪音让我们"
    "睡不着。早餐非常好：新鲜的水果、好喝的咖啡和友好的员工。位置非常适合游览老城区，离车站大约五分钟。";
const char* const kJapanese =
    "私たちは十月にホテルに三泊しました。部屋は広くて清潔で、ベッドはとても快適でしたが、"
    "エアコンの効きが悪く、通りの騒音で眠れませんでした。朝食は素晴らしかったです。";

void run(benchmark::State& state, const std::string& text, bool fast_path) {
  Segmenter segmenter;
  segmenter.set_fast_paths(fast_path);
  Segmentation out;
  std::size_t tokens = 0;
  for (auto _ : state) {
    segmenter.segment(text, out);
    tokens += out.tokens.size();
    benchmark::DoNotOptimize(out.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Tweet(benchmark::State& s) { run(s, kTweet, true); }
void BM_Tweet_IcuOnly(benchmark::State& s) { run(s, kTweet, false); }
void BM_Paragraph(benchmark::State& s) { run(s, kParagraph, true); }
void BM_Paragraph_IcuOnly(benchmark::State& s) { run(s, kParagraph, false); }
void BM_English1MB(benchmark::State& s) { run(s, repeat_to(kParagraph, 1 << 20), true); }
void BM_English1MB_IcuOnly(benchmark::State& s) { run(s, repeat_to(kParagraph, 1 << 20), false); }
void BM_ChineseParagraph(benchmark::State& s) { run(s, kChinese, true); }
void BM_Chinese1MB(benchmark::State& s) { run(s, repeat_to(kChinese, 1 << 20), true); }
void BM_JapaneseParagraph(benchmark::State& s) { run(s, kJapanese, true); }

// Building a segmenter (a backend builds one per language and thread).
void BM_BuildSegmenter(benchmark::State& state) {
  for (auto _ : state) {
    Segmenter segmenter;
    benchmark::DoNotOptimize(&segmenter);
  }
}

BENCHMARK(BM_BuildSegmenter);
BENCHMARK(BM_Tweet);
BENCHMARK(BM_Tweet_IcuOnly);
BENCHMARK(BM_Paragraph);
BENCHMARK(BM_Paragraph_IcuOnly);
BENCHMARK(BM_English1MB);
BENCHMARK(BM_English1MB_IcuOnly);
BENCHMARK(BM_ChineseParagraph);
BENCHMARK(BM_Chinese1MB);
BENCHMARK(BM_JapaneseParagraph);

}  // namespace

BENCHMARK_MAIN();
