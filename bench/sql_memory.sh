#!/usr/bin/env bash
# Peak memory of one call on 100 MB documents, ordinary and hostile, with
# one thread and with two.
#
#   bash bench/sql_memory.sh [MB]        (default 100)
#
# INPUTS="ordinary mixed", THREADS="2" and FUNCTIONS="sentiment tokens pos_tag"
# (the defaults: every input, 1 and 2 threads, every function) pick a subset.
#
# Builds and installs the extension, starts a throwaway cluster and stores
# the inputs of test/cancel_test.sh (plus ordinary review text) at MB
# megabytes each. For every function and input, a fresh session loads the
# models (a tiny call), reads its backend's VmRSS, runs the call once and
# reads VmHWM (peak RSS) from /proc/self/status: the call's memory is
# VmHWM - VmRSS, the detoasted document included. Prints a Markdown table
# of that memory as a multiple of the document's size, and the call's time.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
mb=${1:-100}
[[ $mb =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [MB]" >&2; exit 2; }

run_in_cluster() {
  local mb=$1 bytes=$(($1 * 1000000))
  psql -X -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
CREATE EXTENSION textsense;
CREATE TABLE inputs (name text PRIMARY KEY, doc text);
INSERT INTO inputs VALUES
  ('ordinary', left(repeat('The food was great but the service was painfully slow. Would I come back? '
                           || 'Maybe, if they fix the kitchen :) Das Frühstück war gut. 👍 ', $bytes / 120 + 1), $bytes)),
  ('sentence', left(repeat('very ', $bytes / 5 + 1), $bytes)),
  ('emoji', repeat('😀', $bytes / 4)),
  ('word', repeat('a', $bytes)),
  ('cjk', repeat('我们今天去公园散步天气很好', $bytes / 39)),
  ('mixed', repeat('The food was great but the service was slow. '
                   'Das Essen war kalt und der Kellner war unfreundlich. ', $bytes / 98));
SQL
  echo "| function | input | MB | threads | peak memory of the call | x document | ms |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  local name fn input threads
  for name in ${FUNCTIONS:-sentiment tokens pos_tag}; do
    case $name in
      sentiment) fn="sentiment(doc)" ;;
      tokens) fn="(SELECT count(*) FROM tokens(doc))" ;;
      pos_tag) fn="(SELECT count(*) FROM pos_tag(doc))" ;;
      *) echo "unknown function $name" >&2; return 2 ;;
    esac
    for input in ${INPUTS:-ordinary sentence emoji word cjk mixed}; do
      for threads in ${THREADS:-1 2}; do
        psql -X -At <<SQL | awk -F'|' -v fn="$fn" -v input="$input" -v threads="$threads" '
          /^rss\|/ { rss = $2 } /^hwm\|/ { hwm = $2 } /^size\|/ { size = $2 } /^Time: / { split($0, t, " "); ms = t[2] }
          END { mem = (hwm - rss) * 1024
                printf "| `%s` | %s | %d | %d | %.0f MB | %.1fx | %.0f |\n", fn, input, size / 1e6, threads,
                       mem / 1e6, mem / size, ms }'
SET textsense.max_threads = $threads;
SET max_parallel_workers_per_gather = 0;
SELECT sentiment('warm up'), (SELECT count(*) FROM pos_tag('warm up')) \g /dev/null
SELECT 'size|' || octet_length(doc) FROM inputs WHERE name = '$input';
SELECT 'rss|' || (regexp_match(pg_read_file('/proc/self/status'), 'VmRSS:\s+(\d+)'))[1];
\timing on
SELECT $fn FROM inputs WHERE name = '$input' \g /dev/null
\timing off
SELECT 'hwm|' || (regexp_match(pg_read_file('/proc/self/status'), 'VmHWM:\s+(\d+)'))[1];
SQL
      done
    done
  done
}

install_packages
build_and_install_extension
use_free_port
echo "==> peak memory per call, $mb MB inputs, on a throwaway cluster (port $PGPORT)"
with_throwaway_cluster bash -c "set -euo pipefail; $(declare -f run_in_cluster); run_in_cluster $mb"
