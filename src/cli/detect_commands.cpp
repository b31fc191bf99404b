// `textsense detect`: one text a line in, lang<TAB>confidence<TAB>reliable a
// line out (an empty lang when nothing can be said), as SQL
// detect_language() answers.
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/input_text.h"
#include "cli/line_blocks.h"
#include "cli/threads.h"
#include "core/runtime/multilingual.h"

namespace textsense::cli {

// Lines are detected on --threads threads (line_blocks.h); the detector is
// thread-safe.
int run_detect(const Options& options) {
  const std::size_t threads = thread_option(options);
  const InputText input(options);
  const langid::Detector& detector = runtime::shared_detector();
  if (options.header) std::fputs("lang\tconfidence\treliable\n", stdout);
  process_line_blocks(input, threads, [&](std::size_t, std::string_view block, std::string& out) {
    for_each_line(block, [&](std::string_view line) {
      const langid::Guess guess = detector.detect(line);
      char confidence[32];
      std::snprintf(confidence, sizeof confidence, "%.3f", guess.confidence);
      out += guess.lang;
      out += '\t';
      out += confidence;
      out += guess.reliable ? "\ttrue\n" : "\tfalse\n";
    });
  });
  return kOk;
}

}  // namespace textsense::cli
