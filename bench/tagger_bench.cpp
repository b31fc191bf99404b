// Part-of-speech tagging throughput (tokens/s) on pre-segmented English
// (UD EWT dev sentences when ../shared/data is present, else a built-in
// review paragraph), on raw text (segmentation included: a tweet, a
// paragraph, 1 MB of paragraphs), and the cost of
// loading the model (map + validate + checksum); and every other
// language's model on its UD dev sentences (BM_TagPretokenized/<code>).
//   build/bench_tagger --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench/sample_texts.h"
#include "core/pos/model.h"
#include "core/pos/tagger.h"
#include "core/segment/segmenter.h"
#include "train/conllu.h"

namespace {

using textsense::bench::kParagraph;
using textsense::bench::kTweet;

using textsense::pos::PosModel;
using textsense::pos::PosTagger;


const std::string kModelPath = std::string(TEXTSENSE_SOURCE_DIR) + "/models/pos_en.model";

const PosModel& model() {
  static const std::unique_ptr<PosModel> m = PosModel::load(kModelPath);
  return *m;
}

// Sentences as lists of words: EWT dev, or the paragraph segmented.
const std::vector<std::vector<std::string>>& sentences() {
  static const std::vector<std::vector<std::string>> s = [] {
    std::vector<std::vector<std::string>> out;
    const std::string dev = std::string(TEXTSENSE_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-dev.conllu";
    if (std::ifstream(dev)) {
      for (const auto& sentence :
           textsense::train::parse_conllu(textsense::train::read_file(dev))) {
        out.emplace_back();
        for (const auto& w : sentence) out.back().push_back(w.form);
      }
      return out;
    }
    textsense::segment::Segmenter segmenter;
    textsense::segment::Segmentation seg;
    const std::string_view text = kParagraph;
    segmenter.segment(text, seg);
    for (const auto& sentence : seg.sentences) {
      out.emplace_back();
      for (std::uint32_t t = 0; t < sentence.token_count; ++t)
        out.back().emplace_back(seg.tokens[sentence.first_token + t].span.text(text));
    }
    return out;
  }();
  return s;
}

// Tags pre-tokenised sentences with `m`, reporting tokens/s.
void tag_pretokenized(benchmark::State& state, const PosModel& m,
                      const std::vector<std::vector<std::string>>& input) {
  PosTagger tagger(m);
  std::vector<std::vector<std::string_view>> views;
  std::size_t per_pass = 0;
  for (const auto& s : input) {
    views.emplace_back(s.begin(), s.end());
    per_pass += s.size();
  }
  std::vector<std::uint8_t> tags;
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& s : views) {
      tagger.tag_sentence(s.data(), s.size(), tags);
      benchmark::DoNotOptimize(tags.data());
    }
    tokens += per_pass;
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

void BM_TagPretokenized(benchmark::State& state) { tag_pretokenized(state, model(), sentences()); }

void raw_text(benchmark::State& state, const std::string& text) {
  textsense::segment::Segmenter segmenter;
  textsense::segment::Segmentation seg;
  PosTagger tagger(model());
  std::vector<std::uint8_t> tags;
  std::size_t tokens = 0;
  for (auto _ : state) {
    segmenter.segment(text, seg);
    tagger.tag_document(text, seg, tags);
    benchmark::DoNotOptimize(tags.data());
    tokens += tags.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["texts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_TagRawTweet(benchmark::State& s) { raw_text(s, kTweet); }
void BM_TagRawParagraph(benchmark::State& s) { raw_text(s, kParagraph); }
void BM_TagRaw1MB(benchmark::State& s) {
  static const std::string text = textsense::bench::repeat_to(kParagraph, 1u << 20);
  raw_text(s, text);
}

// Resident set size of this process in bytes (/proc/self/statm).
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  double pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096.0;
}

void BM_ModelLoad(benchmark::State& state) {
  std::size_t bytes = 0;
  {
    // Resident memory a fresh load adds (the mapped pages validation reads;
    // they are page cache, shared by every process that maps the file).
    const double before = resident_bytes();
    const auto m = PosModel::load(kModelPath);
    state.counters["rss_added_bytes"] = resident_bytes() - before;
  }
  for (auto _ : state) {
    const auto m = PosModel::load(kModelPath);
    bytes = m->size_bytes();
    benchmark::DoNotOptimize(m.get());
  }
  state.counters["model_bytes"] = static_cast<double>(bytes);
}

// Every other language's model on its UD dev sentences (gold words), as
// BM_TagPretokenized/<code>: registered when the model and the treebank
// are present.
struct LanguageBench {
  const char* code;
  const char* dev;  // under ../shared/data/ud/
};
constexpr LanguageBench kLanguages[] = {
    {"pt", "pt_bosque/pt_bosque-ud-dev.conllu"},
    {"fr", "fr_sequoia/fr_sequoia-ud-dev.conllu"},
    {"ru", "ru_taiga/ru_taiga-ud-dev.conllu"},
    {"ja", "ja_gsd/ja_gsd-ud-dev.conllu"},
    {"nl", "nl_lassysmall/nl_lassysmall-ud-dev.conllu"},
    {"es", "es_gsd/es_gsd-ud-dev.conllu"},
    {"de", "de_gsd/de_gsd-ud-dev.conllu"},
    {"zh", "zh_gsdsimp/zh_gsdsimp-ud-dev.conllu"},
};

const bool kLanguagesRegistered = [] {
  for (const LanguageBench& l : kLanguages) {
    const std::string model_path =
        std::string(TEXTSENSE_SOURCE_DIR) + "/models/pos_" + l.code + ".model";
    const std::string dev = std::string(TEXTSENSE_SHARED_DATA) + "/ud/" + l.dev;
    if (!std::ifstream(model_path) || !std::ifstream(dev)) continue;
    auto model = std::shared_ptr<PosModel>(PosModel::load(model_path));
    auto sentences = std::make_shared<std::vector<std::vector<std::string>>>();
    for (const auto& sentence : textsense::train::parse_conllu(textsense::train::read_file(dev))) {
      sentences->emplace_back();
      for (const auto& w : sentence) sentences->back().push_back(w.form);
    }
    benchmark::RegisterBenchmark((std::string("BM_TagPretokenized/") + l.code).c_str(),
                                 [model, sentences](benchmark::State& state) {
                                   tag_pretokenized(state, *model, *sentences);
                                 })
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

BENCHMARK(BM_TagPretokenized)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagRawTweet);
BENCHMARK(BM_TagRawParagraph);
BENCHMARK(BM_TagRaw1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
