// --threads N for every subcommand that analyses text: line-at-a-time
// subcommands split their lines over threads (line_blocks.h); those that
// read the input as one document (tokens, sentences, tag, explain) hand it
// to a pipeline with a thread pool, which cuts a document of 64 KB or more
// into chunks at sentence boundaries and works on them in parallel, as SQL
// does for one large document (runtime/document_pipeline.h): the output is
// the same for any N.
#pragma once

#include <cstddef>
#include <memory>

#include "cli/command.h"
#include "core/runtime/document_pipeline.h"
#include "core/runtime/thread_pool.h"

namespace textsense::cli {

// --threads N (1 to 256): how many threads analyse text, the calling one
// included; default: the CPUs this process may run on. Throws
// std::invalid_argument for any other value.
std::size_t thread_option(const Options& options);

// A document pipeline on thread_option() threads.
class PooledPipeline {
 public:
  explicit PooledPipeline(const Options& options);
  runtime::DocumentPipeline& get() { return pipeline_; }

 private:
  std::unique_ptr<runtime::ThreadPool> pool_;  // null: the calling thread alone
  runtime::DocumentPipeline pipeline_;
};

}  // namespace textsense::cli
