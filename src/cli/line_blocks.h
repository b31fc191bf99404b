// The line-at-a-time subcommands (sentiment, detect) on every core: the
// input is cut into blocks of whole lines, the blocks are processed on a
// thread pool (runtime/thread_pool.h), and their outputs are written in
// input order, so the output is the same byte for byte whatever the number
// of threads (test/cli_test.sh checks it).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "cli/command.h"

namespace textsense::cli {

// Appends the output of the lines of `block` to `out`; `slot` in [0,
// threads) names the thread, for per-thread scratch state.
using BlockFunction =
    std::function<void(std::size_t slot, std::string_view block, std::string& out)>;

// Runs `process` over `input` in blocks of whole lines on `threads`
// threads and writes the outputs to standard output in input order. When a
// block throws, the output of the lines before it is written (the block's
// own partial output included), and the exception is rethrown: the same
// output as one thread gives.
void process_line_blocks(std::string_view input, std::size_t threads, const BlockFunction& process);

}  // namespace textsense::cli
