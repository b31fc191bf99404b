#include "core/runtime/thread_pool.h"

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <system_error>

#include "core/common/errors.h"

namespace textsense::runtime {
namespace {

// Blocks every signal of the calling thread for its lifetime; threads
// started meanwhile inherit the full mask, so the host's signal handlers
// only ever run on the host's own thread.
class AllSignalsBlocked {
 public:
  AllSignalsBlocked() {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved_);
  }
  ~AllSignalsBlocked() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
  AllSignalsBlocked(const AllSignalsBlocked&) = delete;
  AllSignalsBlocked& operator=(const AllSignalsBlocked&) = delete;

 private:
  sigset_t saved_;
};

bool flag_raised(void* flag) {
  return static_cast<std::atomic<bool>*>(flag)->load(std::memory_order_relaxed);
}

// The caller's view while it runs tasks: the pool's flag or the caller's
// own signal, which also raises the flag so the workers stop too.
struct CallerStop {
  const StopSignal* outer;
  std::atomic<bool>* flag;

  static bool requested(void* self) {
    CallerStop& s = *static_cast<CallerStop*>(self);
    if (s.flag->load(std::memory_order_relaxed)) return true;
    if (!s.outer->requested()) return false;
    s.flag->store(true, std::memory_order_relaxed);
    return true;
  }
};

}  // namespace

ThreadPool::ThreadPool(std::size_t workers) {
  AllSignalsBlocked blocked;
  threads_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) {
    try {
      threads_.emplace_back(&ThreadPool::worker_loop, this, i + 1);
    } catch (const std::system_error&) {
      break;  // out of threads: run with those we have
    }
    char name[32];
    std::snprintf(name, sizeof name, "textsense %zu", i + 1);
    name[15] = '\0';  // the kernel keeps 15 characters
    pthread_setname_np(threads_.back().native_handle(), name);
  }
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void ThreadPool::record_failure(std::exception_ptr error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!failure_) failure_ = std::move(error);
  stop_.store(true, std::memory_order_relaxed);
}

void ThreadPool::work_on_job(std::size_t slot, const StopSignal& stop) {
  while (!stop_.load(std::memory_order_relaxed)) {
    const std::size_t task = next_task_.fetch_add(1, std::memory_order_relaxed);
    if (task >= job_count_) return;
    try {
      job_fn_(job_closure_, TaskContext{task, slot, stop});
    } catch (...) {
      record_failure(std::current_exception());
      return;
    }
  }
}

void ThreadPool::worker_loop(std::size_t slot) {
  const StopSignal stop{flag_raised, &stop_};
  std::uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return shutting_down_ || job_generation_ != seen; });
      if (shutting_down_) return;
      seen = job_generation_;
      // A worker that wakes after the caller closed the job must not touch
      // it: the closure lives on the caller's stack.
      if (!job_open_ || slot >= job_threads_) continue;
      ++busy_workers_;
    }
    work_on_job(slot, stop);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --busy_workers_;
    }
    job_done_.notify_one();
  }
}

void ThreadPool::run_erased(std::size_t count, TaskFunction fn, void* closure,
                            const StopSignal& caller_stop, std::size_t max_threads, int poll_ms) {
  if (count == 0) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job_fn_ = fn;
    job_closure_ = closure;
    job_count_ = count;
    job_threads_ = max_threads == 0 ? participants() : max_threads;
    next_task_.store(0, std::memory_order_relaxed);
    stop_.store(false, std::memory_order_relaxed);
    failure_ = nullptr;
    job_open_ = true;
    ++job_generation_;
  }
  if (count > 1 && job_threads_ > 1) work_ready_.notify_all();

  CallerStop caller{&caller_stop, &stop_};
  work_on_job(0, StopSignal{CallerStop::requested, &caller});

  std::unique_lock<std::mutex> lock(mutex_);
  while (busy_workers_ > 0) {
    // The workers poll only the pool's flag: the caller turns its own
    // signal (a cancel pending in the host) into that flag while it waits.
    if (!stop_.load(std::memory_order_relaxed) && caller_stop.requested())
      stop_.store(true, std::memory_order_relaxed);
    job_done_.wait_for(lock, std::chrono::milliseconds(poll_ms));
  }
  job_open_ = false;
  std::exception_ptr failure = std::move(failure_);
  failure_ = nullptr;
  const bool stopped = stop_.load(std::memory_order_relaxed);
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
  if (stopped) throw CancelledError();
}

}  // namespace textsense::runtime
