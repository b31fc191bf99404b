// Language detection throughput (textsense::langid::Detector::detect) on a
// tweet, a paragraph and 1 MB of English, plus a short German sentence
// (the short-text layer's path) and a Chinese paragraph (the script path).
// Bytes/s via SetBytesProcessed.
//   bench_langid --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "core/langid/language_detector.h"

namespace {

using textsense::bench::kParagraph;
using textsense::bench::kTweet;
using textsense::bench::repeat_to;
using textsense::langid::Detector;
using textsense::langid::Share;

const char* const kShortGerman = "Das Essen war ausgezeichnet.";
const char* const kChinese =
    "我们在十月份在酒店住了三个晚上。房间宽敞干净，床很舒服，但是空调不太好用，街上的噪音让我们"
    "睡不着。早餐非常好：新鲜的水果、好喝的咖啡和友好的员工。位置非常适合游览老城区，离车站大约五分钟。";

void run(benchmark::State& state, const std::string& text) {
  const Detector detector;
  for (auto _ : state) {
    auto guess = detector.detect(text);
    benchmark::DoNotOptimize(guess);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Tweet(benchmark::State& s) { run(s, kTweet); }
void BM_ShortGerman(benchmark::State& s) { run(s, kShortGerman); }
void BM_Paragraph(benchmark::State& s) { run(s, kParagraph); }
void BM_ChineseParagraph(benchmark::State& s) { run(s, kChinese); }
void BM_English1MB(benchmark::State& s) { run(s, repeat_to(kParagraph, 1 << 20)); }

void BM_DetectAll_Paragraph(benchmark::State& state) {
  const Detector detector;
  const std::string text = kParagraph;
  std::vector<Share> shares;
  for (auto _ : state) {
    detector.detect_all(text, shares);
    benchmark::DoNotOptimize(shares.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_Tweet);
BENCHMARK(BM_ShortGerman);
BENCHMARK(BM_Paragraph);
BENCHMARK(BM_ChineseParagraph);
BENCHMARK(BM_English1MB);
BENCHMARK(BM_DetectAll_Paragraph);

}  // namespace

BENCHMARK_MAIN();
