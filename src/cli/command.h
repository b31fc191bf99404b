// The CLI's subcommands share one shape: parsed options in, an exit code
// out. Later subcommands (sentiment, tag, train) register in main.cpp.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace textsense::cli {

enum ExitCode : int {
  kOk = 0,
  kBadInput = 1,  // input the core rejects (invalid UTF-8, too large)
  kUsage = 2,     // unknown command or option
  kInternal = 3,  // anything else (ICU data missing, out of memory)
};

struct Options {
  bool byte_offsets = false;  // --bytes: 0-based byte offsets instead of 1-based characters
  bool header = true;         // --no-header
  bool pretokenized = false;  // --pretokenized (tag)
  bool detail = false;        // --detail (sentiment)
  // Options that take a value: --model, --lexicon, --train, --dev, --out,
  // --epochs, --seed, --data, --rules, --params.
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;

  // The value of --name, or `fallback` when it was not given.
  std::string value(const std::string& name, const std::string& fallback = "") const {
    const auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  }
};

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Options& options);
};

// Calls f(line) for each line of `input`, without its "\n" or "\r\n"; a
// last line without a newline counts, an empty input has no lines.
template <typename F>
void for_each_line(std::string_view input, F&& f) {
  std::size_t begin = 0;
  while (begin < input.size()) {
    std::size_t end = input.find('\n', begin);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
    begin = end + 1;
  }
}

// Writes s with \\, \t, \n and \r escaped (PostgreSQL COPY text format).
void write_tsv_field(std::string& out, std::string_view s);

int run_sentences(const Options& options);
int run_detect(const Options& options);
int run_tokens(const Options& options);
int run_tag(const Options& options);
int run_train_tagger(const Options& options);
int run_eval_tagger(const Options& options);
int run_sentiment(const Options& options);
int run_explain(const Options& options);
int run_build_lexicon(const Options& options);

// The model file `file` ("pos_en.model"): --model, else the models/ folder
// of the source tree this binary was built from, else the directory `make
// install` put the models in. Throws ModelError(kMissing) naming `what`.
std::string model_path(const Options& options, const char* file, const char* what);

// Writes `buffer` to standard output when it has grown past 64 KiB, or
// whenever `force` is set, and empties it.
void flush_output(std::string& buffer, bool force);

}  // namespace textsense::cli
