// `textsense sentiment`, `textsense explain` and `textsense build-lexicon`.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/input_text.h"
#include "cli/languages.h"
#include "cli/line_blocks.h"
#include "cli/threads.h"
#include "core/model/mapped_file.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "core/segment/segmenter.h"
#include "train/lexicon_compiler.h"

namespace textsense::cli {
namespace {


// The shortest decimal that reads back as the same double: what PostgreSQL
// prints for a float8 (extra_float_digits = 1), so CLI and SQL output match.
void append_double(std::string& out, double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}
// Valences and contributions are floats: printed as their shortest float
// form (1.9, not 1.899999976158142), as SQL sentiment_explain() shows them.
void append_float(std::string& out, float v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// --params name=value,...: engine constants for experiments on the dev sets
// (SQL always uses the defaults).
sentiment::Params parse_params(const std::string& spec) {
  sentiment::Params p;
  struct Field {
    const char* name;
    double* d;
    std::size_t* z;
  };
  const Field fields[] = {
      {"alpha", &p.alpha, nullptr},
      {"caps_emphasis", &p.caps_emphasis, nullptr},
      {"elongation_emphasis", &p.elongation_emphasis, nullptr},
      {"negated_positive", &p.negated_positive, nullptr},
      {"negated_negative", &p.negated_negative, nullptr},
      {"negation_window", nullptr, &p.negation_window},
      {"amplified_negation", &p.amplified_negation, nullptr},
      {"before_contrast", &p.before_contrast, nullptr},
      {"after_contrast", &p.after_contrast, nullptr},
      {"concessive", &p.concessive, nullptr},
      {"exclamation", &p.exclamation, nullptr},
      {"question", &p.question, nullptr},
      {"length_exponent", &p.length_exponent, nullptr},
      {"accumulating_sentences", nullptr, &p.accumulating_sentences},
      {"stem_lookup", nullptr, &p.stem_lookup},
      {"stem_weight", &p.stem_weight, nullptr},
      {"negative_weight", &p.negative_weight, nullptr},
  };
  std::size_t begin = 0;
  while (begin < spec.size()) {
    std::size_t end = spec.find(',', begin);
    if (end == std::string::npos) end = spec.size();
    const std::string item = spec.substr(begin, end - begin);
    const std::size_t eq = item.find('=');
    bool known = false;
    for (const Field& f : fields) {
      if (eq == std::string::npos || item.compare(0, eq, f.name) != 0 || eq != strlen(f.name))
        continue;
      const std::string text = item.substr(eq + 1);
      char* end = nullptr;
      const double v = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0' || !std::isfinite(v) || v < 0 || v > 1e6)
        throw std::invalid_argument("--params " + item + ": expected a number from 0 to 1e6");
      if (f.d) *f.d = v;
      else *f.z = static_cast<std::size_t>(v);
      known = true;
    }
    if (!known) throw std::invalid_argument("unknown --params item \"" + item + "\"");
    begin = end + 1;
  }
  return p;
}

// explain's models and pipeline (runtime/multilingual.h), on --threads threads.
struct Engine {
  CliModels models;
  runtime::LanguageRequest request;
  sentiment::Params params;
  PooledPipeline pipeline;
  runtime::LanguageOutcome outcome;

  explicit Engine(const Options& options)
      : models(options, lang::ModelKind::kSentiment),
        request(models.request(options)),
        params(parse_params(options.value("params"))),
        pipeline(options) {}

  sentiment::DocumentSentiment score(std::string_view text, runtime::SentimentOutput output) {
    return runtime::score_document(pipeline.get(), text, request, models.source(), nullptr, output,
                                   {}, outcome, params);
  }
};

// \N, as COPY writes NULL.
constexpr const char* kNull = "\\N";

}  // namespace

// One text a line in, one score a line out (--detail: score, label,
// positive, negative, neutral, sentences, tokens, lang). A line in a
// language without a sentiment lexicon scores \N (NULL), as in SQL. Lines
// are scored on --threads threads (line_blocks.h), each with its own
// pipeline; the models are shared.
int run_sentiment(const Options& options) {
  const std::size_t threads = thread_option(options);
  CliModels models(options, lang::ModelKind::kSentiment);
  const runtime::LanguageRequest request = models.request(options);
  const sentiment::Params params = parse_params(options.value("params"));
  const runtime::ModelSource source = models.source();  // thread-safe (languages.h)
  struct alignas(64) Scratch {                          // a cache line of its own: one per thread
    runtime::DocumentPipeline pipeline;
    runtime::LanguageOutcome outcome;
  };
  std::vector<Scratch> scratch(threads);
  const InputText input(options);
  if (options.detail && options.header)
    std::fputs("score\tlabel\tpositive\tnegative\tneutral\tsentences\ttokens\tlang\n", stdout);
  process_line_blocks(
      input, threads, [&](std::size_t slot, std::string_view block, std::string& out) {
        Scratch& s = scratch[slot];
        for_each_line(block, [&](std::string_view line) {
          const sentiment::DocumentSentiment d =
              runtime::score_document(s.pipeline, line, request, source, nullptr,
                                      runtime::SentimentOutput::kDocument, {}, s.outcome, params);
          if (d.analysed) append_double(out, d.score);
          else out += kNull;
          if (options.detail) {
            out += '\t';
            out += d.analysed ? std::string(sentiment::label_name(d.label)) : kNull;
            for (double v : {d.positive, d.negative, d.neutral}) {
              out += '\t';
              if (d.analysed) append_double(out, v);
              else out += kNull;
            }
            out += '\t' + std::to_string(d.sentences) + '\t' + std::to_string(d.tokens) + '\t';
            out += s.outcome.language.empty() ? std::string(kNull)
                                              : std::string(s.outcome.language.view());
          }
          out += '\n';
        });
      });
  return kOk;
}

// The whole input as one document: a row per token with its valence, its
// contribution and the rules that applied (SQL sentiment_explain()); \N
// for the tokens of a sentence that was not analysed.
int run_explain(const Options& options) {
  Engine engine(options);
  const InputText input(options);
  const sentiment::DocumentSentiment d = engine.score(input, runtime::SentimentOutput::kTokens);
  const segment::Segmentation& seg = engine.pipeline.get().segmentation();
  const std::vector<sentiment::TokenSentiment>& tokens = engine.pipeline.get().token_sentiments();
  const std::vector<sentiment::SentenceSentiment>& sentences =
      engine.pipeline.get().sentence_sentiments();
  std::string out;
  if (options.header) out += "ordinal\tsentence\ttoken\tvalence\tcontribution\trules\n";
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& token = seg.tokens[i];
    out += std::to_string(i + 1) + '\t' + std::to_string(token.sentence + 1) + '\t';
    write_tsv_field(out, token.span.text(input));
    const bool analysed =
        d.analysed && token.sentence < sentences.size() && sentences[token.sentence].analysed;
    const sentiment::Lexicon* lexicon =
        analysed ? engine.models.lexicon(engine.outcome.sentence_language(token.sentence))
                 : nullptr;
    if (lexicon == nullptr) {
      out += "\t\\N\t\\N\t\\N\n";
      flush_output(out, false);
      continue;
    }
    out += '\t';
    append_float(out, tokens[i].valence);
    out += '\t';
    append_float(out, tokens[i].contribution);
    out += '\t';
    bool first = true;
    for (int bit = 0; bit < sentiment::kRuleCount; ++bit) {
      if (!(tokens[i].rules & (1u << bit))) continue;
      if (!first) out += ',';
      first = false;
      out += sentiment::rule_name(bit);
      if (bit == 0) {
        out += ':';
        out += lexicon->source_name(tokens[i].source);
      }
    }
    out += '\n';
    flush_output(out, false);
  }
  out += "# score ";
  if (d.analysed) append_double(out, d.score);
  else out += kNull;
  out += ' ';
  out += d.analysed ? std::string(sentiment::label_name(d.label)) : kNull;
  out += " lang ";
  out += engine.outcome.language.empty() ? std::string(kNull)
                                         : std::string(engine.outcome.language.view());
  out += '\n';
  flush_output(out, true);
  return kOk;
}

// build-lexicon [--lang CODE] --data ../shared/data --rules lexicon/CODE_rules.tsv --out FILE
int run_build_lexicon(const Options& options) {
  train::LexiconSources sources;
  sources.data_dir = options.value("data");
  sources.rules_file = options.value("rules");
  if (!options.value("lang").empty()) sources.language = options.value("lang");
  const std::string out_path = options.value("out");
  if (sources.data_dir.empty() || sources.rules_file.empty() || out_path.empty())
    throw std::invalid_argument("build-lexicon needs --data DIR, --rules FILE and --out FILE");
  train::LexiconReport report;
  const std::string image = sentiment::serialize(train::compile_lexicon(sources, report));
  sentiment::Lexicon::from_bytes(image);  // validate what we are about to write
  model::write_file_replacing(out_path, image);
  std::fprintf(stderr, "source                   read    used  scale(to VADER)  overlap\n");
  for (const auto& s : report.sources)
    std::fprintf(stderr, "%-24s %5zu   %5zu  %15.4f  %7zu\n", s.name.c_str(), s.read, s.used,
                 s.scale, s.overlap);
  std::fprintf(stderr, "%zu terms (%zu phrases), %zu bytes -> %s\n", report.terms, report.phrases,
               image.size(), out_path.c_str());
  return kOk;
}

}  // namespace textsense::cli
