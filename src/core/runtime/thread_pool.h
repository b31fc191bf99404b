// A small fixed-size thread pool for splitting one large document across
// cores (see docs/architecture.md, "Thread pool and cancellation"). Built
// for a host process that is single-threaded by design (a PostgreSQL
// backend):
//   * the pool's threads are created with every signal blocked, so signals
//     (cancel, statement_timeout, terminate) keep reaching the calling thread;
//   * the calling thread takes part in the work and is the only one that
//     polls the caller's StopSignal (which may read host state the workers
//     must not touch); the workers see a plain atomic flag;
//   * run() returns only when no worker is still running one of its tasks,
//     so no thread keeps a pointer into the caller's memory after it;
//   * an exception in any task stops the others and is rethrown by run() on
//     the calling thread.
// Idle workers block on a condition variable: a pool costs nothing between
// calls.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include "core/runtime/stop_signal.h"

namespace textsense::runtime {

class ThreadPool {
 public:
  // One task of a run: `task` in [0, count), `slot` in [0, participants)
  // names the thread running it (0 is the caller) so a task can use per-
  // thread scratch state; `stop` must be polled by long tasks.
  struct TaskContext {
    std::size_t task;
    std::size_t slot;
    const StopSignal& stop;
  };
  using TaskFunction = void (*)(void* closure, const TaskContext& context);

  // Starts up to `workers` threads. If the system refuses a thread, the
  // pool keeps those it got (workers() says how many): fewer threads is
  // slower, not wrong.
  explicit ThreadPool(std::size_t workers);
  // Stops and joins the workers. Must not be called during run().
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  std::size_t workers() const { return threads_.size(); }
  // Threads that can run tasks: the workers and the caller.
  std::size_t participants() const { return threads_.size() + 1; }

  // Runs fn(context) for every task in [0, count) on the caller and the
  // workers; returns when all have finished. While waiting the caller polls
  // `caller_stop` every `poll_ms` milliseconds; when it fires, or a task
  // throws, no new task starts, running tasks see their stop signal, and
  // once all have returned run() throws: the first task exception, or
  // CancelledError. Not reentrant: one run() at a time per pool.
  // At most `max_threads` threads take part (the caller and workers 1 ..
  // max_threads - 1); 0 means all of them.
  template <typename Function>
  void run(std::size_t count, Function&& fn, const StopSignal& caller_stop,
           std::size_t max_threads = 0, int poll_ms = kDefaultPollMs) {
    run_erased(count, &call<std::remove_reference_t<Function>>, &fn, caller_stop, max_threads,
               poll_ms);
  }

  static constexpr int kDefaultPollMs = 5;

 private:
  template <typename Function>
  static void call(void* closure, const TaskContext& context) {
    (*static_cast<Function*>(closure))(context);
  }
  void run_erased(std::size_t count, TaskFunction fn, void* closure, const StopSignal& caller_stop,
                  std::size_t max_threads, int poll_ms);
  void worker_loop(std::size_t slot);
  // Takes and runs tasks of the current job until none is left.
  void work_on_job(std::size_t slot, const StopSignal& stop);
  void record_failure(std::exception_ptr error);

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // workers wait here for a job
  std::condition_variable job_done_;    // the caller waits here for the workers

  // The current job (guarded by mutex_, except the atomics).
  std::uint64_t job_generation_ = 0;
  bool shutting_down_ = false;
  bool job_open_ = false;         // workers may still join the current job
  std::size_t busy_workers_ = 0;  // workers inside the current job
  TaskFunction job_fn_ = nullptr;
  void* job_closure_ = nullptr;
  std::size_t job_count_ = 0;
  std::size_t job_threads_ = 0;  // slots below this may join
  std::atomic<std::size_t> next_task_{0};
  std::atomic<bool> stop_{false};
  std::exception_ptr failure_;
};

}  // namespace textsense::runtime
