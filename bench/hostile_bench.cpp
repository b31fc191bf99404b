// Adversarial documents (see docs/architecture.md, "Adversarial inputs";
// figures in bench/RESULTS.md, "Load and hostile input"): linear time and
// bounded memory whatever the text. Each input is run through
// DocumentPipeline on one thread (no pool, as parallel_bench.cpp's
// "1 thread"), the way the SQL functions run:
//   sentiment = segment + score (SentimentOutput::kDocument)
//   pos_tag   = segment + tag
//   tokens    = segment
// at 1 MB and 10 MB, next to ordinary text of the same size (review
// paragraphs and tweets, as in parallel_bench.cpp). Arguments: /input/bytes.
//
// Counters per benchmark:
//   tokens       tokens the document has
//   rss_MB       resident size after setup (models mapped, input built)
//   peak_MB      peak resident size during the timed runs (VmHWM, reset
//                through /proc/self/clear_refs before them)
//   work_MB      peak_MB - rss_MB: what analysing the document took
// Run one benchmark per process for clean memory figures and the ratio to
// ordinary text: bench/hostile_report.sh does both and prints a table.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/sample_texts.h"
#include "bench/shipped_models.h"
#include "core/runtime/document_pipeline.h"
#include "core/pos/model.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"

namespace {

using textsense::runtime::DocumentPipeline;
using textsense::runtime::SentimentOutput;

const textsense::sentiment::Lexicon& lexicon() { return textsense::bench::shipped_lexicon(); }
const textsense::pos::PosModel& pos_model() { return textsense::bench::shipped_pos_model(); }

// Repeats `unit` up to `bytes`, never cutting a UTF-8 sequence.
std::string repeat_to(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() + unit.size() <= bytes) out += unit;
  return out;
}

enum Input : int {
  kOrdinary,   // review paragraphs and tweets, one per line
  kEmoji,      // one emoji repeated, no space: 😀😀😀...
  kNot,        // "not not not ..."
  kNoSpace,    // the ordinary text with every blank removed
  kCombining,  // "a" + U+0301 x (bytes / 2): one grapheme cluster
  kBut,        // "but but but ...": one sentence of contrasts
  kWordSame,   // one word: "aaaa..." (an elongation, as far as it goes)
  kWordMixed,  // one word of pseudo-random letters
  kRtl,        // Arabic, Hebrew and English sentences mixed, digits, bidi marks
  kControls,   // C0 and C1 controls except U+0000 (and DEL), cycling
  kInputCount
};

const char* input_name(int input) {
  static const char* const names[] = {"ordinary",  "emoji",   "not",       "no_space",
                                      "combining", "but",     "word_same", "word_mixed",
                                      "rtl",       "controls"};
  return names[input];
}

std::string ordinary_text(std::size_t bytes) {
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) {
    out += (i % 3 == 2) ? textsense::bench::kTweet : textsense::bench::kParagraph;
    out += '\n';
  }
  out.resize(bytes);  // ASCII: any cut is a character boundary
  return out;
}

std::string make_input(int input, std::size_t bytes) {
  switch (input) {
    case kOrdinary: return ordinary_text(bytes);
    case kEmoji: return repeat_to("\xF0\x9F\x98\x80", bytes);  // U+1F600
    case kNot: return repeat_to("not ", bytes);
    case kNoSpace: {
      std::string out;
      const std::string text = ordinary_text(bytes * 6 / 5 + 1024);
      for (char c : text)
        if (c != ' ' && c != '\n' && c != '\t') out += c;
      out.resize(bytes);
      return out;
    }
    case kCombining:
      return "a" + repeat_to("\xCC\x81", bytes - 1);  // U+0301 COMBINING ACUTE ACCENT
    case kBut: return repeat_to("but ", bytes);
    case kWordSame: return std::string(bytes, 'a');
    case kWordMixed: {
      std::string out(bytes, 'a');
      std::uint32_t x = 12345;
      for (char& c : out) {
        x = x * 1664525u + 1013904223u;
        c = static_cast<char>('a' + (x >> 24) % 26);
      }
      return out;
    }
    // clang-format off
    case kRtl:
      return repeat_to(
          "\xD8\xA7\xD9\x84\xD8\xB7\xD8\xB9\xD8\xA7\xD9\x85 \xD9\x83\xD8\xA7\xD9\x86 "
          "\xD8\xB1\xD8\xA7\xD8\xA6\xD8\xB9\xD8\xA7\xD9\x8B \xD9\x84\xD9\x83\xD9\x86 "
          "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xAF\xD9\x85\xD8\xA9 \xD8\xA8\xD8\xB7\xD9\x8A\xD8\xA6\xD8\xA9 "
          "\xD8\xAC\xD8\xAF\xD8\xA7\xD9\x8B 123 \xD8\x9F "                       // Arabic
          "\xD7\x94\xD7\x90\xD7\x95\xD7\x9B\xD7\x9C \xD7\x94\xD7\x99\xD7\x94 "
          "\xD7\x98\xD7\x95\xD7\x91 \xD7\x9E\xD7\x90\xD7\x95\xD7\x93! "       // Hebrew
          "\xE2\x80\x8F" "The food was great, \xE2\x80\x8E" "but "            // RLM, LRM
          "\xD7\xA9\xD7\x99\xD7\xA8\xD7\x95\xD7\xAA \xD7\x92\xD7\xA8\xD7\x95\xD7\xA2 "
          "\xE2\x80\xAB" "not good \xE2\x80\xAC" "at all. ",                   // RLE ... PDF
          bytes);
    // clang-format on
    case kControls: {
      std::string unit;
      for (int c = 1; c < 0x20; ++c) unit += static_cast<char>(c);
      for (int c = 0x80; c < 0xA0; ++c) {  // C1 controls, 2 bytes each in UTF-8
        unit += static_cast<char>(0xC0 | (c >> 6));
        unit += static_cast<char>(0x80 | (c & 0x3F));
      }
      unit += "word";  // something for the analysers, between runs of controls
      return repeat_to(unit, bytes);
    }
  }
  return {};
}

// Resident and peak resident size in kB, from /proc/self/status.
long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(field);
  while (std::getline(in, line))
    if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':')
      return std::stol(line.substr(n + 1));
  return -1;
}

// Resets VmHWM to the current VmRSS (Linux 4.0+); false if not possible.
bool reset_peak_rss() {
  std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (f == nullptr) return false;
  const bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

struct Memory {
  long rss_kb = -1;
  bool peak_ok = false;
  void start() {
    rss_kb = status_kb("VmRSS");
    peak_ok = reset_peak_rss();
  }
  void report(benchmark::State& state) const {
    state.counters["rss_MB"] = static_cast<double>(rss_kb) / 1024.0;
    if (peak_ok) {
      const long peak = status_kb("VmHWM");
      state.counters["peak_MB"] = static_cast<double>(peak) / 1024.0;
      state.counters["work_MB"] = static_cast<double>(peak - rss_kb) / 1024.0;
    }
  }
};

void finish(benchmark::State& state, std::size_t bytes, std::size_t tokens, const Memory& memory) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["tokens"] = static_cast<double>(tokens);
  memory.report(state);
  state.SetLabel(input_name(static_cast<int>(state.range(0))));
}

void BM_Sentiment(benchmark::State& state) {
  const std::string text =
      make_input(static_cast<int>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  DocumentPipeline pipeline(nullptr);
  const textsense::sentiment::Params params;
  lexicon();
  Memory memory;
  memory.start();
  std::size_t tokens = 0;
  for (auto _ : state) {
    const auto d = pipeline.score(text, textsense::lang::english(), lexicon(), params,
                                  SentimentOutput::kDocument);
    benchmark::DoNotOptimize(d.score);
    tokens = d.tokens;
  }
  finish(state, text.size(), tokens, memory);
}

void BM_PosTag(benchmark::State& state) {
  const std::string text =
      make_input(static_cast<int>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  DocumentPipeline pipeline(nullptr);
  pos_model();
  Memory memory;
  memory.start();
  std::size_t tokens = 0;
  for (auto _ : state) {
    pipeline.tag(text, textsense::lang::english(), pos_model());
    benchmark::DoNotOptimize(pipeline.tags().data());
    tokens = pipeline.tags().size();
  }
  finish(state, text.size(), tokens, memory);
}

void BM_Tokens(benchmark::State& state) {
  const std::string text =
      make_input(static_cast<int>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  DocumentPipeline pipeline(nullptr);
  Memory memory;
  memory.start();
  std::size_t tokens = 0;
  for (auto _ : state) {
    pipeline.segment(text, textsense::lang::english());
    tokens = pipeline.segmentation().tokens.size();
  }
  finish(state, text.size(), tokens, memory);
}

constexpr int64_t kMB = 1024 * 1024;

// Sizes in MB: 1 and 10, or the list in TEXTSENSE_HOSTILE_MB ("10,100")
// to check linearity further out.
std::vector<int64_t> sizes() {
  std::vector<int64_t> out;
  const char* env = std::getenv("TEXTSENSE_HOSTILE_MB");
  for (const char* p = env; p != nullptr && *p != '\0';) {
    char* end = nullptr;
    const long mb = std::strtol(p, &end, 10);
    if (end == p) break;
    if (mb > 0) out.push_back(mb * kMB);
    p = *end == ',' ? end + 1 : end;
  }
  if (out.empty()) out = {kMB, 10 * kMB};
  return out;
}

void Inputs(benchmark::internal::Benchmark* b) {
  for (int64_t bytes : sizes())
    for (int input = 0; input < kInputCount; ++input) b->Args({input, bytes});
  b->Unit(benchmark::kMillisecond)->UseRealTime()->ArgNames({"input", "bytes"});
}

BENCHMARK(BM_Sentiment)->Apply(Inputs);
BENCHMARK(BM_PosTag)->Apply(Inputs);
BENCHMARK(BM_Tokens)->Apply(Inputs);

}  // namespace

BENCHMARK_MAIN();
