// A cheap, polled "please stop" hook. The core polls it every few tens of
// kilobytes of input and throws CancelledError when it returns true. The
// PostgreSQL glue points it at the backend's pending-interrupt flags, so a
// statement_timeout or pg_cancel_backend stops a long call promptly without
// the core knowing anything about PostgreSQL.
#pragma once

#include <cstddef>

namespace textsense::runtime {

// How often loops over sentences (detection, re-analysis) poll the signal.
inline constexpr std::size_t kStopPollSentences = 64;

struct StopSignal {
  bool (*should_stop)(void* context) = nullptr;
  void* context = nullptr;

  bool requested() const { return should_stop != nullptr && should_stop(context); }
};

}  // namespace textsense::runtime
