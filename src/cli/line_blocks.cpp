#include "cli/line_blocks.h"

#include <cstdio>
#include <exception>
#include <memory>
#include <vector>

#include "core/runtime/stop_signal.h"
#include "core/runtime/thread_pool.h"

namespace textsense::cli {
namespace {

// About 150 tweets (0.6 ms of scoring): large enough that taking a block
// costs nothing, small enough that a round ends with the threads finishing
// close together.
constexpr std::size_t kBlockBytes = 16 * 1024;
// Blocks per thread and round. Outputs are written after each round, so a
// round bounds the memory held for output, and the last block's straggler
// keeps the other threads idle for about 1/(2 * kBlocksPerThread) of a
// round.
constexpr std::size_t kBlocksPerThread = 64;

// Where the block starting at `begin` ends: after the first newline at or
// past begin + kBlockBytes, or at the end of the input.
std::size_t block_end(std::string_view input, std::size_t begin) {
  if (input.size() - begin <= kBlockBytes) return input.size();
  const std::size_t newline = input.find('\n', begin + kBlockBytes);
  return newline == std::string_view::npos ? input.size() : newline + 1;
}

void write_all(const std::string& out) {
  if (!out.empty()) std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

void process_line_blocks(std::string_view input, std::size_t threads,
                         const BlockFunction& process) {
  if (threads <= 1 || input.size() <= kBlockBytes) {
    // One thread: the blocks in order, each written as it is done.
    std::string out;
    for (std::size_t begin = 0; begin < input.size();) {
      const std::size_t end = block_end(input, begin);
      try {
        process(0, input.substr(begin, end - begin), out);
      } catch (...) {
        write_all(out);
        throw;
      }
      write_all(out);
      out.clear();
      begin = end;
    }
    return;
  }
  runtime::ThreadPool pool(threads - 1);
  const std::size_t per_round = pool.participants() * kBlocksPerThread;
  std::vector<std::string_view> blocks;
  // A cache line each: the threads append to neighbouring blocks' outputs
  // at once, and a string's size is rewritten at every append, so two
  // strings side by side would pass their line between the cores (no
  // difference measured on two cores; more cores share more lines).
  struct alignas(64) Output {
    std::string text;
  };
  std::vector<Output> outputs(per_round);
  std::vector<std::exception_ptr> failures(per_round);
  const runtime::StopSignal never;
  for (std::size_t begin = 0; begin < input.size();) {
    blocks.clear();
    while (begin < input.size() && blocks.size() < per_round) {
      const std::size_t end = block_end(input, begin);
      blocks.push_back(input.substr(begin, end - begin));
      begin = end;
    }
    // Each block's exception is kept with it, not thrown through the pool,
    // so that the blocks before it are still written.
    pool.run(
        blocks.size(),
        [&](const runtime::ThreadPool::TaskContext& task) {
          outputs[task.task].text.clear();
          failures[task.task] = nullptr;
          try {
            process(task.slot, blocks[task.task], outputs[task.task].text);
          } catch (...) {
            failures[task.task] = std::current_exception();
          }
        },
        never);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      write_all(outputs[i].text);
      if (failures[i]) std::rethrow_exception(failures[i]);
    }
  }
}

}  // namespace textsense::cli
