// Sentiment throughput (texts/s, bytes/s, tokens/s) on a tweet, a review
// paragraph and 1 MB of English: segmentation + scoring as sentiment()
// runs it, segmentation alone as the in-run baseline, and scoring alone on
// a ready segmentation (the engine's own share); explain (per-token rows);
// and the cost of loading the lexicon (map + validate + checksum).
// Custom lexicons (core/custom_lexicon.h): the dev-set tweets (or kTweet
// when ../shared/data is absent) scored with the built-in lexicon and with
// a custom lexicon of 10,000 terms laid over it (items/s; the goal is
// custom >= 0.9x built-in), and the time to compile such a lexicon.
//   build/bench_sentiment --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "core/sentiment/custom_lexicon.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"

namespace {

using textsense::bench::kParagraph;
using textsense::bench::kTweet;

using textsense::segment::Segmentation;
using textsense::segment::Segmenter;
using textsense::sentiment::Analyzer;
using textsense::sentiment::CustomTerm;
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
  static const std::string s = textsense::bench::repeat_to(kParagraph, 1u << 20);
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

// --- Custom lexicons ---

// 10,000 deterministic terms: made-up words ("zkbafe", every 7th with an
// accented letter, so the case variants are built too), and 2- and 3-word
// phrases of them, a third each; valences spread over -4..+4. Plus a few
// that touch words of real tweets (overrides, a neutralised word, phrases
// over built-in heads), so the custom table is hit, not only missed.
struct GeneratedTerms {
  std::vector<std::string> texts;
  std::vector<CustomTerm> terms;
};

std::string made_up_word(std::size_t i) {
  static const char* const kSyllables[] = {"ba", "de", "fi", "go", "ku", "la", "me", "ni",
                                           "po", "ru", "sa", "te", "vi", "wo", "xu", "yo"};
  std::string w = i % 7 == 3 ? "zk\xC3\xA9" : "zk";
  for (std::size_t n = i + 1; n > 0; n /= 16) w += kSyllables[n % 16];
  return w;
}

const GeneratedTerms& generated_terms() {
  static const GeneratedTerms g = [] {
    GeneratedTerms out;
    for (const char* t : {"sick", "love", "lol", "happy", "bad", "good day", "so much fun"})
      out.texts.push_back(t);
    while (out.texts.size() < 10000) {
      const std::size_t i = out.texts.size();
      std::string t = made_up_word(i);
      if (i % 3 >= 1) t += " " + made_up_word(i + 1);
      if (i % 3 == 2) t += " " + made_up_word(i + 2);
      out.texts.push_back(t);
    }
    for (std::size_t i = 0; i < out.texts.size(); ++i)
      out.terms.push_back(
          {out.texts[i], static_cast<double>(static_cast<int>(i * 37 % 81) - 40) / 10.0});
    return out;
  }();
  return g;
}

const Lexicon& custom_lexicon_10k() {
  static const std::unique_ptr<Lexicon> l = [] {
    Segmenter segmenter;
    return textsense::sentiment::compile_custom_lexicon(lexicon(), "bench_custom",
                                                        generated_terms().terms, segmenter);
  }();
  return *l;
}

// The tweets of the VADER dev set (texts after the second tab).
const std::vector<std::string>& dev_tweets() {
  static const std::vector<std::string> tweets = [] {
    std::vector<std::string> out;
    std::ifstream in(std::string(TEXTSENSE_SOURCE_DIR) +
                     "/../shared/data/sentiment_dev/vader_groundtruth_dev/tweets_dev.tsv");
    for (std::string line; std::getline(in, line);) {
      const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      if (t1 != std::string::npos && t2 != std::string::npos) out.push_back(line.substr(t2 + 1));
    }
    if (out.empty()) out.assign(1000, kTweet);
    return out;
  }();
  return tweets;
}

// Segmentation + scoring of every tweet, as sentiment() runs on a column.
void tweets_segment_and_score(benchmark::State& state, const Lexicon& lex) {
  const std::vector<std::string>& tweets = dev_tweets();
  Segmenter segmenter;
  Segmentation seg;
  Analyzer analyzer(lex);
  std::vector<SentenceSentiment> sentences;
  std::size_t bytes = 0;
  for (const std::string& t : tweets) bytes += t.size();
  for (auto _ : state) {
    for (const std::string& t : tweets) {
      segmenter.segment(t, seg);
      const DocumentSentiment d = analyzer.analyze(t, seg, sentences, nullptr);
      benchmark::DoNotOptimize(d.score);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tweets.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// Scoring alone, on segmentations made once: the lexicon's share undiluted.
void tweets_score_only(benchmark::State& state, const Lexicon& lex) {
  const std::vector<std::string>& tweets = dev_tweets();
  Segmenter segmenter;
  std::vector<Segmentation> segs(tweets.size());
  for (std::size_t i = 0; i < tweets.size(); ++i) segmenter.segment(tweets[i], segs[i]);
  Analyzer analyzer(lex);
  std::vector<SentenceSentiment> sentences;
  for (auto _ : state) {
    for (std::size_t i = 0; i < tweets.size(); ++i) {
      const DocumentSentiment d = analyzer.analyze(tweets[i], segs[i], sentences, nullptr);
      benchmark::DoNotOptimize(d.score);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tweets.size()));
}

void BM_TweetsBuiltin(benchmark::State& s) { tweets_segment_and_score(s, lexicon()); }
void BM_TweetsCustom10k(benchmark::State& s) { tweets_segment_and_score(s, custom_lexicon_10k()); }
void BM_TweetsScoreOnlyBuiltin(benchmark::State& s) { tweets_score_only(s, lexicon()); }
void BM_TweetsScoreOnlyCustom10k(benchmark::State& s) {
  tweets_score_only(s, custom_lexicon_10k());
}

// Compiling a 10,000-term lexicon (what the first statement using a new
// revision of a custom lexicon pays). Items: terms.
void BM_CompileCustom10k(benchmark::State& state) {
  const std::vector<CustomTerm>& terms = generated_terms().terms;
  Segmenter segmenter;
  std::size_t entries = 0, bytes = 0;
  for (auto _ : state) {
    const auto l =
        textsense::sentiment::compile_custom_lexicon(lexicon(), "bench_custom", terms, segmenter);
    entries = l->entry_count();
    bytes = l->size_bytes();
    benchmark::DoNotOptimize(l.get());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * terms.size()));
  state.counters["entries"] = static_cast<double>(entries);
  state.counters["lexicon_bytes"] = static_cast<double>(bytes);
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
BENCHMARK(BM_TweetsBuiltin)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TweetsCustom10k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TweetsScoreOnlyBuiltin)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TweetsScoreOnlyCustom10k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CompileCustom10k)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
