// Sentiment throughput per language: the same tweet and review paragraph
// (bench/sample_texts.h, translated in sample_texts_languages.h) segmented
// and scored with each shipped pack, as sentiment(doc, lang) runs them.
// English runs in the same process as the baseline; compare texts/s of a
// language with English's (the target: at least half).
// Also, when ../shared/data is there, real text ("corpus/<lang>/ud_dev"):
// the UD dev sentences of a treebank of each language, all scored in each
// iteration, in ns a sentence. One sample repeated keeps every table it
// touches in cache; a change should also show here (a per-word memo that
// made the repeated Japanese tweet 5 % faster made these sentences 2 %
// slower, and was dropped).
//   build/bench_sentiment_languages --benchmark_repetitions=3 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <utility>
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

// sentiment(doc, lang) of one pack, as the benchmarks below run it.
struct Scorer {
  explicit Scorer(const std::string& code)
      : lexicon(sentiment::Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_" +
                                         code + ".model")),
        segmenter(lang::profile_for(code)),
        analyzer(*lexicon) {}
  double score(const std::string& text) {
    // Byte offsets only, as sentiment() segments a document it scores
    // (runtime/document_pipeline.cpp): characters are counted only for
    // the functions that return positions.
    segmenter.segment(text, seg, {}, segment::Segmenter::Offsets::kBytesOnly);
    return analyzer.analyze(text, seg, sentences, nullptr).score;
  }
  std::unique_ptr<sentiment::Lexicon> lexicon;
  segment::Segmenter segmenter;
  segment::Segmentation seg;
  sentiment::Analyzer analyzer;
  std::vector<sentiment::SentenceSentiment> sentences;
};

void segment_and_score(benchmark::State& state, const std::string& code, const std::string& text) {
  Scorer scorer(code);
  std::size_t tokens = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(scorer.score(text));
    tokens += scorer.seg.tokens.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// The "# text = " lines of a CoNLL-U file (none when it is absent).
std::vector<std::string> ud_sentences(const std::string& path) {
  std::vector<std::string> texts;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("# text = ", 0) == 0) texts.push_back(line.substr(9));
  return texts;
}

void score_corpus(benchmark::State& state, const std::string& code,
                  const std::vector<std::string>& texts) {
  Scorer scorer(code);
  std::size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  for (auto _ : state)
    for (const std::string& t : texts) benchmark::DoNotOptimize(scorer.score(t));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  // Inverted rate of n * 1e-9 a second: nanoseconds a sentence.
  state.counters["ns/sentence"] = benchmark::Counter(
      static_cast<double>(texts.size()) * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
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
  const std::pair<const char*, const char*> treebanks[] = {
      {"en", "en_ewt/en_ewt-ud-dev.conllu"},       {"de", "de_gsd/de_gsd-ud-dev.conllu"},
      {"es", "es_gsd/es_gsd-ud-dev.conllu"},       {"fr", "fr_gsd/fr_gsd-ud-dev.conllu"},
      {"pt", "pt_bosque/pt_bosque-ud-dev.conllu"}, {"nl", "nl_alpino/nl_alpino-ud-dev.conllu"},
      {"ru", "ru_gsd/ru_gsd-ud-dev.conllu"},       {"zh", "zh_gsdsimp/zh_gsdsimp-ud-dev.conllu"},
      {"ja", "ja_gsd/ja_gsd-ud-dev.conllu"}};
  for (const auto& [code, file] : treebanks) {
    std::vector<std::string> texts =
        ud_sentences(std::string(TEXTSENSE_SHARED_DATA) + "/ud/" + file);
    if (texts.empty()) continue;
    benchmark::RegisterBenchmark(("corpus/" + std::string(code) + "/ud_dev").c_str(), score_corpus,
                                 std::string(code), std::move(texts))
        ->Unit(benchmark::kMicrosecond);
  }
  return 0;
}();

}  // namespace

BENCHMARK_MAIN();
