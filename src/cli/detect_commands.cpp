// `textsense detect`: one text a line in, lang<TAB>confidence<TAB>reliable a
// line out (an empty lang when nothing can be said), as SQL
// detect_language() answers.
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "core/runtime/multilingual.h"

namespace textsense::cli {

int run_detect(const Options& options) {
  const std::string input = read_input(options);
  const langid::Detector& detector = runtime::shared_detector();
  std::string out;
  if (options.header) out += "lang\tconfidence\treliable\n";
  for_each_line(input, [&](std::string_view line) {
    const langid::Guess guess = detector.detect(line);
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%.3f", guess.confidence);
    out += guess.lang;
    out += '\t';
    out += confidence;
    out += guess.reliable ? "\ttrue\n" : "\tfalse\n";
    flush_output(out, false);
  });
  flush_output(out, true);
  return kOk;
}

}  // namespace textsense::cli
