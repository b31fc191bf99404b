#!/usr/bin/env bash
# The sanitizer layer of scripts/test.sh (docs/architecture.md, "Testing layers"):
#   asan  the whole ctest suite (every GoogleTest test and the CLI contract)
#         built with AddressSanitizer + UndefinedBehaviorSanitizer (gcc) in
#         build-asan/; any report, leaks included, fails the run;
#   tsan  the tests that run threads (ThreadPool.*, DocumentPipeline.*:
#         every pipeline test splits documents across a ThreadPool;
#         Multilingual.LargeMixed*: mixed documents scored on a pool) built
#         with ThreadSanitizer in build-tsan/, by clang 14: GCC 12's libtsan
#         crashes at start-up on some kernels (the development VM), clang's
#         runtime does not.
# Usage: scripts/sanitizers.sh [asan] [tsan]   (no argument: both)
# Builds with -j2 (TEXTSENSE_JOBS to change). Both builds use -O1 -g and keep
# assertions (no NDEBUG); benchmarks are not built. ICU, libstdc++ and
# GoogleTest are the system's uninstrumented libraries: the sanitizers check
# textsense's own code and its calls into them.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

JOBS=${TEXTSENSE_JOBS:-2}
# The GoogleTest filter of the tsan run: the tests that start threads.
TSAN_FILTER='ThreadPool.*:DocumentPipeline.*:Multilingual.LargeMixed*'
# -O1: fast enough to run the accuracy tests on the full dev sets, and the
# frame pointers keep the reports' stacks complete.
SANITIZE_CXX_FLAGS='-O1 -g -fno-omit-frame-pointer'

seconds_since() { echo $(($(date +%s) - $1)); }

run_asan() {
  local build="$TEXTSENSE_ROOT/build-asan" t0
  t0=$(date +%s)
  echo "==> sanitizers: ASan + UBSan build (gcc) in build-asan/"
  # -fno-sanitize-recover=all: a UBSan finding aborts the test instead of
  # printing a line the run would pass over.
  cmake -S "$TEXTSENSE_ROOT" -B "$build" \
    -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_CXX_FLAGS_SANITIZE="$SANITIZE_CXX_FLAGS -fno-sanitize-recover=all" \
    -DTEXTSENSE_SANITIZE=address,undefined \
    -DTEXTSENSE_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build "$build" -j"$JOBS" -- --no-print-directory >/dev/null
  echo "     built in $(seconds_since "$t0") s"
  t0=$(date +%s)
  echo "==> sanitizers: the whole ctest suite under ASan + UBSan"
  # ctest gives a test that a sanitizer aborted the status "Failed" or
  # "Subprocess aborted" and logs its report (--output-on-failure); on a
  # failure everything but the passed tests' lines is printed.
  local log="$build/ctest.log"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       ctest --test-dir "$build" --output-on-failure -j"$JOBS" >"$log" 2>&1; then
    grep -vE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed ' "$log"
    echo "ASan/UBSan run failed (full log: $log)" >&2
    return 1
  fi
  tail -n 3 "$log"
  echo "     ran in $(seconds_since "$t0") s"
}

run_tsan() {
  local build="$TEXTSENSE_ROOT/build-tsan" t0 cc=clang-14 cxx=clang++-14
  if ! command -v "$cxx" >/dev/null; then
    echo "sanitizers: $cxx not found (Debian packages clang-14, libclang-rt-14-dev)" >&2
    return 1
  fi
  t0=$(date +%s)
  echo "==> sanitizers: TSan build ($cxx) of the unit tests in build-tsan/"
  CC=$cc CXX=$cxx cmake -S "$TEXTSENSE_ROOT" -B "$build" \
    -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_CXX_FLAGS_SANITIZE="$SANITIZE_CXX_FLAGS" \
    -DTEXTSENSE_SANITIZE=thread \
    -DTEXTSENSE_BUILD_BENCHMARKS=OFF >/dev/null
  # Only the test binary: the CLI runs no threads.
  cmake --build "$build" -j"$JOBS" --target textsense_tests -- --no-print-directory >/dev/null
  echo "     built in $(seconds_since "$t0") s"
  t0=$(date +%s)
  echo "==> sanitizers: thread pool and document pipeline tests under TSan ($TSAN_FILTER)"
  # halt_on_error: the first race ends the binary with a non-zero status.
  local out status=0
  out=$(TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        "$build/textsense_tests" --gtest_filter="$TSAN_FILTER" 2>&1) || status=$?
  if [ "$status" -ne 0 ]; then
    printf '%s\n' "$out"
    echo "TSan run failed (exit status $status)" >&2
    return 1
  fi
  printf '%s\n' "$out" | tail -n 3
  echo "     ran in $(seconds_since "$t0") s"
}

main() {
  install_packages
  local what=("$@")
  [ ${#what[@]} -gt 0 ] || what=(asan tsan)
  for w in "${what[@]}"; do
    case $w in
      asan) run_asan ;;
      tsan) run_tsan ;;
      *) echo "usage: $0 [asan] [tsan]" >&2; exit 2 ;;
    esac
  done
}

main "$@"
