// The bridge between C++ and PostgreSQL error handling (see
// docs/architecture.md, "The PostgreSQL boundary").
//
// PostgreSQL reports errors with longjmp, which skips C++ destructors; C++
// reports them with exceptions, which PostgreSQL cannot catch. So:
//   * every call into the core goes through run_core(), which catches every
//     exception, copies its message into a plain buffer, lets all C++ frames
//     unwind, and only then raises ereport(ERROR);
//   * the body passed to run_core() calls no PostgreSQL function (nothing in
//     it may longjmp), and captures by reference;
//   * glue code outside run_core() may call PostgreSQL freely but keeps no
//     local object with a destructor (no std::string, no std::vector): if a
//     longjmp passes through, nothing is left unreleased.
#pragma once

#include <exception>

namespace textsense::pg {

// What an exception said, in storage that needs no destructor.
struct ErrorReport {
  enum Kind {
    kNone,
    kInvalidInput,
    kInvalidTerm,
    kTooLarge,
    kCancelled,
    kOutOfMemory,
    kModelMissing,
    kModelDamaged,
    kInternal
  };
  Kind kind = kNone;
  char message[512] = {0};
};

// Fills `report` from the exception being handled (call inside catch).
void capture_current_exception(ErrorReport& report) noexcept;

// Raises the PostgreSQL error for `report`: never returns.
[[noreturn]] void raise_error(const ErrorReport& report);

template <typename Body>
inline void run_core(Body&& body) {
  ErrorReport report;
  try {
    body();
  } catch (...) {
    capture_current_exception(report);
  }
  if (report.kind != ErrorReport::kNone) raise_error(report);
}

}  // namespace textsense::pg
