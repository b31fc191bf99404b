// ThreadPool: every task runs exactly once, failures and stop requests end
// a run cleanly on the calling thread, and the workers never receive
// signals (they must reach a PostgreSQL backend's own thread).
#include "core/runtime/thread_pool.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/common/errors.h"

namespace textsense {
namespace {

TEST(ThreadPool, RunsEveryTaskOnceOnEverySlot) {
  runtime::ThreadPool pool(3);
  ASSERT_EQ(pool.workers(), 3u);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::atomic<int>> runs(257);
    std::vector<std::atomic<int>> per_slot(pool.participants());
    pool.run(
        runs.size(),
        [&](const runtime::ThreadPool::TaskContext& c) {
          ASSERT_LT(c.slot, pool.participants());
          runs[c.task].fetch_add(1);
          per_slot[c.slot].fetch_add(1);
        },
        runtime::StopSignal{});
    for (const auto& r : runs) ASSERT_EQ(r.load(), 1);
    int total = 0;
    for (const auto& s : per_slot) total += s.load();
    EXPECT_EQ(total, 257);
  }
}

TEST(ThreadPool, WorkersShareTheLoad) {
  runtime::ThreadPool pool(1);
  std::atomic<int> on_worker{0};
  pool.run(
      8,
      [&](const runtime::ThreadPool::TaskContext& c) {
        if (c.slot != 0) on_worker.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      },
      runtime::StopSignal{});
  EXPECT_GT(on_worker.load(), 0) << "the worker took no task";
}

TEST(ThreadPool, ZeroWorkersRunsOnTheCaller) {
  runtime::ThreadPool pool(0);
  const std::thread::id caller = std::this_thread::get_id();
  int runs = 0;
  pool.run(
      5,
      [&](const runtime::ThreadPool::TaskContext& c) {
        EXPECT_EQ(c.slot, 0u);
        EXPECT_EQ(std::this_thread::get_id(), caller);
        ++runs;
      },
      runtime::StopSignal{});
  EXPECT_EQ(runs, 5);
}

TEST(ThreadPool, TaskExceptionReachesTheCallerAndThePoolRecovers) {
  runtime::ThreadPool pool(2);
  std::atomic<int> started{0};
  try {
    pool.run(
        1000,
        [&](const runtime::ThreadPool::TaskContext& c) {
          started.fetch_add(1);
          if (c.task == 3) throw std::runtime_error("task 3 failed");
          std::this_thread::sleep_for(std::chrono::microseconds(200));
        },
        runtime::StopSignal{});
    FAIL() << "run() returned normally";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "task 3 failed");
  }
  EXPECT_LT(started.load(), 1000) << "tasks kept starting after a failure";
  std::atomic<int> runs{0};
  pool.run(
      10, [&](const runtime::ThreadPool::TaskContext&) { runs.fetch_add(1); },
      runtime::StopSignal{});
  EXPECT_EQ(runs.load(), 10);
}

bool flag_set(void* flag) { return static_cast<std::atomic<bool>*>(flag)->load(); }

TEST(ThreadPool, CallerStopEndsRunningTasksPromptly) {
  runtime::ThreadPool pool(2);
  std::atomic<bool> cancel{false};
  const runtime::StopSignal caller_stop{flag_set, &cancel};
  std::atomic<int> saw_stop{0};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    cancel = true;
  });
  const auto t0 = std::chrono::steady_clock::now();
  // Every task spins until told to stop (as a long analysis would).
  EXPECT_THROW(pool.run(
                   6,
                   [&](const runtime::ThreadPool::TaskContext& c) {
                     while (!c.stop.requested()) std::this_thread::yield();
                     saw_stop.fetch_add(1);
                     throw CancelledError();
                   },
                   caller_stop),
               CancelledError);
  const auto waited = std::chrono::steady_clock::now() - t0;
  canceller.join();
  EXPECT_LT(waited, std::chrono::milliseconds(500));
  EXPECT_EQ(saw_stop.load(), 3) << "each of the 3 threads stops its one running task";
  cancel = false;
  std::atomic<int> runs{0};
  pool.run(
      4, [&](const runtime::ThreadPool::TaskContext&) { runs.fetch_add(1); }, caller_stop);
  EXPECT_EQ(runs.load(), 4);
}

TEST(ThreadPool, WorkersBlockAllSignals) {
  runtime::ThreadPool pool(2);
  std::atomic<int> worker_tasks{0}, unblocked{0};
  pool.run(
      16,
      [&](const runtime::ThreadPool::TaskContext& c) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (c.slot == 0) return;
        sigset_t mask;
        pthread_sigmask(SIG_SETMASK, nullptr, &mask);
        worker_tasks.fetch_add(1);
        for (int sig : {SIGINT, SIGTERM, SIGALRM, SIGUSR1, SIGQUIT})
          if (!sigismember(&mask, sig)) unblocked.fetch_add(1);
      },
      runtime::StopSignal{});
  EXPECT_GT(worker_tasks.load(), 0);
  EXPECT_EQ(unblocked.load(), 0);
  // ... and the caller's own mask is untouched.
  sigset_t mask;
  pthread_sigmask(SIG_SETMASK, nullptr, &mask);
  EXPECT_FALSE(sigismember(&mask, SIGINT));
}

TEST(ThreadPool, MaxThreadsLimitsTheSlotsThatTakePart) {
  runtime::ThreadPool pool(3);
  std::atomic<std::size_t> highest{0};
  pool.run(
      64,
      [&](const runtime::ThreadPool::TaskContext& c) {
        std::size_t seen = highest.load();
        while (c.slot > seen && !highest.compare_exchange_weak(seen, c.slot)) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(300));
      },
      runtime::StopSignal{}, 2);
  EXPECT_LE(highest.load(), 1u);
}

}  // namespace
}  // namespace textsense
