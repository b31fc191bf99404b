// The CLI's subcommands share one shape: parsed options in, an exit code
// out. Later subcommands (sentiment, tag, train) register in main.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace textsense::cli {

enum ExitCode : int {
  kOk = 0,
  kBadInput = 1,   // input the core rejects (invalid UTF-8, too large)
  kUsage = 2,      // unknown command or option
  kInternal = 3,   // anything else (ICU data missing, out of memory)
};

struct Options {
  bool byte_offsets = false;  // --bytes: 0-based byte offsets instead of 1-based characters
  bool header = true;         // --no-header
  std::vector<std::string> positional;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Options& options);
};

// The text to analyse: the positional arguments joined by spaces, or all of
// standard input when there are none.
std::string read_input(const Options& options);

// Writes s with \\, \t, \n and \r escaped (PostgreSQL COPY text format).
void write_tsv_field(std::string& out, std::string_view s);

int run_sentences(const Options& options);
int run_tokens(const Options& options);

}  // namespace textsense::cli
