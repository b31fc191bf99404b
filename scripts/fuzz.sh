#!/usr/bin/env bash
# The libFuzzer layer of scripts/test.sh (docs/architecture.md, "Testing layers"): builds the fuzz
# targets of fuzz/ with clang 14 (libFuzzer + ASan + UBSan, the core
# instrumented too) in build-fuzz/, then runs each target in turn for
# SECONDS seconds on its working corpus and fails on any crash, sanitizer
# report, leak, timeout (10 s for one input) or out-of-memory (2 GB).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 60; `scripts/fuzz.sh 600` is the one-hour run
#                       (6 targets x 10 minutes)
#   TARGET              segmentation_fuzz sentiment_fuzz tagger_fuzz model_fuzz langid_fuzz
#                       long_text_fuzz
#                       (default: all, one after the other: never in parallel)
#
# Working corpora live in build-fuzz/corpus/<target>/ (not in git) and grow
# from run to run; the committed seeds in fuzz/corpus/<target>/ are read as
# a second corpus directory every time, and model_fuzz's seed images are
# rewritten from the current sources (textsense_fuzz_model_seeds) first.
# Crash inputs go to build-fuzz/artifacts/, logs to build-fuzz/logs/.
# Prints per target: executions, executions per second, coverage ("cov":
# instrumented edges, "ft": features), corpus size and the result; for a
# failure, the reproducer and the command that replays it.
# Builds with -j2 (TEXTSENSE_JOBS to change).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_PER_TARGET=${1:-60}
shift || true
ALL_TARGETS=(segmentation_fuzz sentiment_fuzz tagger_fuzz model_fuzz langid_fuzz long_text_fuzz)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")
JOBS=${TEXTSENSE_JOBS:-2}
BUILD="$TEXTSENSE_ROOT/build-fuzz"

if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || [ "$SECONDS_PER_TARGET" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi
for t in "${TARGETS[@]}"; do
  if [[ ! " ${ALL_TARGETS[*]} " =~ " $t " ]]; then
    echo "unknown fuzz target '$t' (known: ${ALL_TARGETS[*]})" >&2
    exit 2
  fi
done

install_packages
# clang 14 and its libFuzzer / sanitizer runtimes; llvm-14 for
# llvm-symbolizer (file:line in the stacks of a report).
install_debian_packages clang-14 libclang-rt-14-dev llvm-14

echo "==> fuzz: building the libFuzzer targets (clang-14, ASan + UBSan) in build-fuzz/"
CC=clang-14 CXX=clang++-14 cmake -S "$TEXTSENSE_ROOT" -B "$BUILD" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTEXTSENSE_BUILD_FUZZERS=ON \
  -DTEXTSENSE_BUILD_TESTS=OFF \
  -DTEXTSENSE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target fuzzers -- --no-print-directory >/dev/null

mkdir -p "$BUILD/artifacts" "$BUILD/logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-14/bin/llvm-symbolizer}

# Value of "key: value" in libFuzzer's last status line ("#N DONE cov: ...").
status_field() { sed -n "s/.* $2: \([^ ]*\).*/\1/p" <<<"$1"; }
stat_field() { sed -n "s/^stat::$2: *//p" "$1" | tail -n 1; }

failed=()
printf '%-18s %10s %8s %6s %7s %14s  %s\n' target execs exec/s cov ft corpus result >"$BUILD/logs/summary.txt"
for target in "${TARGETS[@]}"; do
  corpus="$BUILD/corpus/$target"
  log="$BUILD/logs/$target.log"
  mkdir -p "$corpus"
  if [ "$target" = model_fuzz ] && ! "$BUILD/textsense_fuzz_model_seeds" "$corpus" >/dev/null; then
    echo "fuzz: textsense_fuzz_model_seeds could not write model_fuzz's seeds" >&2
    exit 1
  fi
  echo "==> fuzz: $target for ${SECONDS_PER_TARGET} s (log: build-fuzz/logs/$target.log)"
  status=0
  "$BUILD/$target" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
    -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$target-" \
    "$corpus" "$TEXTSENSE_ROOT/fuzz/corpus/$target" >"$log" 2>&1 || status=$?

  last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|NEW|REDUCE|pulse|RELOAD)' "$log" | tail -n 1 || true)
  execs=$(stat_field "$log" number_of_executed_units)
  [ -z "$execs" ] && execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  rate=$(stat_field "$log" average_exec_per_sec)
  cov=$(status_field "$last" cov)
  ft=$(status_field "$last" ft)
  corp=$(status_field "$last" corp)
  if [ "$status" -eq 0 ] && grep -qE '[[:space:]]DONE[[:space:]]' <<<"$last"; then
    result=ok
  else
    result="FAILED (exit $status)"
    failed+=("$target")
  fi
  line=$(printf '%-18s %10s %8s %6s %7s %14s  %s' "$target" "${execs:-?}" "${rate:-?}" \
         "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result")
  echo "     $line"
  echo "$line" >>"$BUILD/logs/summary.txt"
  if [ "$result" != ok ]; then
    # The report: the sanitizer's or libFuzzer's first lines and the stack.
    grep -m 1 -A 30 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*fuzz check failed|terminate called|ALARM|==[0-9]+== ERROR: libFuzzer)' \
      "$log" | sed 's/^/     | /' >&2 || true
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    if [ -n "$reproducer" ]; then
      echo "     reproducer: $reproducer" >&2
      echo "     replay:     $BUILD/$target $reproducer" >&2
    else
      echo "     no reproducer written; see $log" >&2
    fi
  fi
done

echo "==> fuzz summary (${SECONDS_PER_TARGET} s per target; cov = edges, ft = features, corpus = inputs/bytes)"
sed 's/^/     /' "$BUILD/logs/summary.txt"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} failed (crash inputs in build-fuzz/artifacts/)" >&2
  exit 1
fi
