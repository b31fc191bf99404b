#include "cli/threads.h"

#include <sched.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>

namespace textsense::cli {
namespace {

constexpr std::size_t kMaxThreads = 256;

std::size_t available_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<std::size_t>(CPU_COUNT(&set));
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

// The pool for `threads` threads, the caller included: none for one.
std::unique_ptr<runtime::ThreadPool> pool_for(std::size_t threads) {
  return threads > 1 ? std::make_unique<runtime::ThreadPool>(threads - 1) : nullptr;
}

}  // namespace

std::size_t thread_option(const Options& options) {
  const std::string value = options.value("threads");
  if (value.empty()) return std::min(available_cpus(), kMaxThreads);
  std::size_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9' || n > kMaxThreads) {
      n = 0;
      break;
    }
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (n < 1 || n > kMaxThreads)
    throw std::invalid_argument("--threads " + value + ": expected a number from 1 to 256");
  return n;
}

PooledPipeline::PooledPipeline(const Options& options)
    : pool_(pool_for(thread_option(options))), pipeline_(pool_.get()) {}

}  // namespace textsense::cli
