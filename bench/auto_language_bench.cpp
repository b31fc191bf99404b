// What lang => 'auto' costs next to an explicit language: sentiment() of the
// same texts through runtime::score_document() (the path SQL takes) with
// 'en' and with 'auto', in one run, and detection alone. Texts: the VADER
// tweets dev set when ../shared/data is there (real tweets), else a tweet
// and a paragraph of bench/sample_texts.h. The ratio auto / en is the
// figure docs/languages.md quotes.
//   build/bench_auto_language --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "bench/shipped_models.h"
#include "core/lang/installed.h"
#include "core/runtime/multilingual.h"

namespace {

using namespace textsense;

std::vector<std::string> load_tweets() {
  std::vector<std::string> texts;
  std::ifstream in(std::string(TEXTSENSE_SHARED_DATA) +
                   "/sentiment_dev/vader_groundtruth_dev/tweets_dev.tsv");
  for (std::string line; std::getline(in, line);) {
    const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (b != std::string::npos) texts.push_back(line.substr(b + 1));
  }
  if (texts.empty()) texts.push_back(bench::kTweet);
  return texts;
}

const std::vector<std::string>& tweets() {
  static const std::vector<std::string> t = load_tweets();
  return t;
}

const std::vector<std::string>& paragraphs() {
  static const std::vector<std::string> p{bench::kParagraph};
  return p;
}

struct Setup {
  lang::InstalledModels installed;
  runtime::ModelSource source;
  Setup() {
    installed.sentiment.emplace_back("en");
    source.installed = &installed;
    source.lexicon = [](lang::Code, void*) { return &bench::shipped_lexicon(); };
  }
};

void run(benchmark::State& state, const std::vector<std::string>& texts, bool automatic) {
  static Setup setup;
  runtime::DocumentPipeline pipeline;
  runtime::LanguageOutcome outcome;
  const runtime::LanguageRequest request = automatic
                                               ? runtime::LanguageRequest::automatic_choice()
                                               : runtime::LanguageRequest::explicit_language("en");
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[i++ % texts.size()];
    const sentiment::DocumentSentiment d =
        runtime::score_document(pipeline, text, request, setup.source, nullptr,
                                runtime::SentimentOutput::kDocument, {}, outcome);
    benchmark::DoNotOptimize(d.score);
    bytes += text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}

void detect(benchmark::State& state, const std::vector<std::string>& texts) {
  const langid::Detector& detector = runtime::shared_detector();
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[i++ % texts.size()];
    benchmark::DoNotOptimize(detector.detect(text).reliable);
    bytes += text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}

void BM_TweetsExplicitEn(benchmark::State& s) { run(s, tweets(), false); }
void BM_TweetsAuto(benchmark::State& s) { run(s, tweets(), true); }
void BM_TweetsDetectOnly(benchmark::State& s) { detect(s, tweets()); }
void BM_ParagraphExplicitEn(benchmark::State& s) { run(s, paragraphs(), false); }
void BM_ParagraphAuto(benchmark::State& s) { run(s, paragraphs(), true); }
void BM_ParagraphDetectOnly(benchmark::State& s) { detect(s, paragraphs()); }
BENCHMARK(BM_TweetsExplicitEn);
BENCHMARK(BM_TweetsAuto);
BENCHMARK(BM_TweetsDetectOnly);
BENCHMARK(BM_ParagraphExplicitEn);
BENCHMARK(BM_ParagraphAuto);
BENCHMARK(BM_ParagraphDetectOnly);

}  // namespace

BENCHMARK_MAIN();
