#!/usr/bin/env bash
# Runs every test: the C++ unit tests and CLI checks (ctest), the same
# suite under ASan + UBSan and the thread pool and pipeline tests under TSan
# (scripts/sanitizers.sh, build-asan/ and build-tsan/), the libFuzzer
# targets of fuzz/ (scripts/fuzz.sh, 60 s each; TEXTSENSE_FUZZ_SECONDS to
# change), the SQL regression tests (pg_regress against a throwaway
# cluster), the dashboard queries through psycopg2
# (test/bi_client_check.py), the backfill next to live writers
# (test/backfill_writers_test.sh), custom lexicons through pg_dump
# (test/lexicon_dump_test.sh), the cancellation test of large documents
# (test/cancel_test.sh), damaged model files (test/model_fault_test.sh),
# scale-out on Citus and over postgres_fdw shards (test/citus_test.sh,
# test/fdw_shards_test.sh; three local servers each), a load test with
# pgbench (test/load_test.sh) and, last, the Debian package: built with
# dpkg-buildpackage, installed, smoke-tested and run through its autopkgtest
# (the regression suite) on throwaway clusters, then purged, the tree's
# install restored (test/package_test.sh).
# Installs what it needs first. Exits non-zero on the first failing layer.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages

echo "==> C++ formatting: clang-format-14 against .clang-format (scripts/format.sh --check)"
if ! bash "$TEXTSENSE_ROOT/scripts/format.sh" --check; then
  echo "unformatted files: run scripts/format.sh" >&2
  exit 1
fi

echo "==> PGXN: META.json against the Meta Spec 1.0.0 (test/pgxn_meta_check.py)"
if ! python3 "$TEXTSENSE_ROOT/test/pgxn_meta_check.py" ||
   ! python3 "$TEXTSENSE_ROOT/test/pgxn_meta_check.py" --self-test; then
  echo "META.json check failed (test/pgxn_meta_check.py)" >&2
  exit 1
fi

echo "==> C++ core: build and unit tests (cmake, ctest)"
# build/ holds the core library that `make` then links into textsense.so:
# the unit tests below run the object code that ships.
cmake -S "$TEXTSENSE_ROOT" -B "$TEXTSENSE_ROOT/build" -DCMAKE_BUILD_TYPE=Release \
  -DTEXTSENSE_BUILD_TESTS=ON -DTEXTSENSE_BUILD_BENCHMARKS=ON \
  -DPG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >/dev/null
cmake --build "$TEXTSENSE_ROOT/build" -j2 -- --no-print-directory >/dev/null
ctest --test-dir "$TEXTSENSE_ROOT/build" --output-on-failure -j2 | tail -n 5

if ! bash "$TEXTSENSE_ROOT/scripts/sanitizers.sh"; then
  echo "sanitizer run failed (scripts/sanitizers.sh)" >&2
  exit 1
fi

echo "==> C++ core: libFuzzer targets, ${TEXTSENSE_FUZZ_SECONDS:-60} s each (scripts/fuzz.sh, build-fuzz/)"
if ! bash "$TEXTSENSE_ROOT/scripts/fuzz.sh" "${TEXTSENSE_FUZZ_SECONDS:-60}"; then
  echo "fuzzing failed (scripts/fuzz.sh; crash inputs in build-fuzz/artifacts/)" >&2
  exit 1
fi

echo "==> SQL: pg_regress (make installcheck) on a throwaway cluster"
build_and_install_extension
if ! with_throwaway_cluster make -C "$TEXTSENSE_ROOT" -s installcheck \
      PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"; then
  [ -f "$TEXTSENSE_ROOT/regression.diffs" ] && cat "$TEXTSENSE_ROOT/regression.diffs"
  exit 1
fi

echo "==> SQL: every example of README.md and docs/*.md, outputs compared, on a throwaway cluster"
if ! with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/docs_examples_test.sh"; then
  echo "docs examples test failed (test/docs_examples_test.sh)" >&2
  exit 1
fi

echo "==> SQL: dashboard queries through a BI client driver (psycopg2) on a throwaway cluster"
# Debian's python3, which python3-psycopg2 is installed for (a python3
# earlier on PATH, from pyenv or a virtualenv, may not have it).
if ! with_throwaway_cluster /usr/bin/python3 "$TEXTSENSE_ROOT/test/bi_client_check.py"; then
  echo "BI client check failed (test/bi_client_check.py)" >&2
  exit 1
fi

echo "==> SQL: textsense_backfill next to live writers on a throwaway cluster"
if ! with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/backfill_writers_test.sh"; then
  echo "backfill test failed (test/backfill_writers_test.sh)" >&2
  exit 1
fi

echo "==> SQL: custom lexicons through pg_dump and restore on a throwaway cluster"
if ! with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/lexicon_dump_test.sh"; then
  echo "lexicon dump test failed (test/lexicon_dump_test.sh)" >&2
  exit 1
fi

echo "==> SQL: cancellation of large documents (statement_timeout, cancel, terminate) on a throwaway cluster"
if ! with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/cancel_test.sh"; then
  echo "cancellation test failed (test/cancel_test.sh)" >&2
  exit 1
fi

echo "==> SQL: missing, truncated and corrupted model files (replaced and restored) on a throwaway cluster"
if ! with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/model_fault_test.sh"; then
  echo "model fault test failed (test/model_fault_test.sh)" >&2
  exit 1
fi

echo "==> SQL: scale-out on Citus, a coordinator and two workers (Citus built once from ../shared/vendor; skipped without it)"
if ! bash "$TEXTSENSE_ROOT/test/citus_test.sh"; then
  echo "Citus test failed (test/citus_test.sh)" >&2
  exit 1
fi

echo "==> SQL: scale-out over postgres_fdw, a router and two shards"
if ! bash "$TEXTSENSE_ROOT/test/fdw_shards_test.sh"; then
  echo "postgres_fdw shards test failed (test/fdw_shards_test.sh)" >&2
  exit 1
fi

echo "==> SQL: load test, pgbench 8 clients for 60 s on documents of 0 to 5 MB, pool on, on a throwaway cluster"
if ! with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/load_test.sh"; then
  echo "load test failed (test/load_test.sh)" >&2
  exit 1
fi

echo "==> Debian package: dpkg-buildpackage, install, smoke test and autopkgtest (installcheck) on throwaway clusters, purge"
if ! bash "$TEXTSENSE_ROOT/test/package_test.sh"; then
  echo "Debian package test failed (test/package_test.sh)" >&2
  exit 1
fi
echo "==> all tests passed"
