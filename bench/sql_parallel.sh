#!/usr/bin/env bash
# Serial against parallel: times SELECT avg(sentiment(body)) and
# SELECT count(*) FROM t, pos_tag(body) over a table of deterministic
# review-like text with max_parallel_workers_per_gather = 0 and = 2 (jit off),
# 3 repetitions each, and prints the median time, rows/s and MB/s (MB of
# text, 10^6 bytes) of each and the speedup. Needs the extension installed
# (scripts/demo.sh does it). Usage: bench/sql_parallel.sh [rows]
# (default 1000000). pos_tag(), about 10x slower a row, runs on the first
# tenth of the rows (a table of its own) to keep the run within minutes.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rows=${1:-1000000}
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [rows]" >&2; exit 2; }

# The table: examples/sample_reviews.sql's reviews (deterministic
# review-like text of mixed lengths, emoji and non-ASCII included).
setup_sql() {
  cat <<'SQL'
CREATE EXTENSION textsense;
SET jit = off;
SQL
  echo "\\i $TEXTSENSE_ROOT/examples/sample_reviews.sql"
  cat <<'SQL'
CREATE TABLE bench_reviews AS SELECT id, body FROM reviews;
DROP TABLE reviews;
CREATE TABLE bench_reviews_tag AS SELECT * FROM bench_reviews WHERE id <= greatest(:rows / 10, 1);
VACUUM ANALYZE bench_reviews, bench_reviews_tag;
SQL
}

# Runs "$2" three times in one session after the settings "$1" and prints
# the median time in ms and the (last) result.
median_ms() {
  local out
  out=$(psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SET jit = off;
$1
\\timing on
$2;
$2;
$2;
SQL
)
  echo "$(grep '^Time: ' <<<"$out" | awk '{ print $2 }' | sort -n | sed -n 2p) $(grep -v '^Time: ' <<<"$out" | tail -n 1)"
}

main() {
  local rows=$1
  setup_sql | psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows"
  local table
  for table in bench_reviews bench_reviews_tag; do
    local stats
    stats=$(psql -X -At -F ' ' -c "
      SELECT count(*), round(sum(octet_length(body)) / 1e6, 1), round(avg(octet_length(body))),
             min(octet_length(body)), max(octet_length(body)),
             count(*) FILTER (WHERE octet_length(body) <> length(body)),
             pg_size_pretty(pg_table_size('$table'))
      FROM $table")
    read -r n mb avg_b min_b max_b non_ascii size_num size_unit <<<"$stats"
    eval "${table}_rows=$n ${table}_mb=$mb"
    echo "$table: $n rows, $mb MB of text (avg $avg_b bytes, min $min_b, max $max_b; $non_ascii with non-ASCII), table $size_num $size_unit"
  done
  echo "PostgreSQL $(psql -X -At -c 'SHOW server_version'), $(nproc) CPUs; textsense $(psql -X -At -c 'SELECT textsense_version()')"
  echo

  # Parallel timings: max_parallel_workers_per_gather = 2, and the costs that
  # gate a parallel plan at zero so that a small table gets one too (on
  # 200000+ rows the default settings already choose 2 workers, shown below).
  local serial="SET max_parallel_workers_per_gather = 0;"
  local parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0;
    SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
  local queries=("SELECT avg(sentiment(body)) FROM bench_reviews"
                 "SELECT count(*) FROM bench_reviews_tag, pos_tag(body)")
  local q out lines=()
  for q in "${queries[@]}"; do
    local planned launched
    planned=$(psql -X -At -c "SET jit = off; EXPLAIN (COSTS OFF) $q" | grep -oE 'Workers Planned: [0-9]+' || echo "Workers Planned: 0 (serial plan)")
    # Also warms the cache and the model files.
    launched=$(psql -X -At <<<"SET jit = off; $parallel EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $q" | grep -oE 'Workers Launched: [0-9]+' || echo "Workers Launched: 0")
    echo "$q"
    echo "  default settings: $planned; timed parallel run: $launched"
    local s_ms s_res p_ms p_res
    read -r s_ms s_res <<<"$(median_ms "$serial" "$q")"
    read -r p_ms p_res <<<"$(median_ms "$parallel" "$q")"
    [ "$q" = "${queries[0]}" ] && { s_res=$(printf '%.9f' "$s_res"); p_res=$(printf '%.9f' "$p_res"); }
    echo "  result: serial $s_res, parallel $p_res"
    local t=bench_reviews_tag; [[ $q == *sentiment* ]] && t=bench_reviews
    local rows_var=${t}_rows mb_var=${t}_mb
    lines+=("$q|0|$s_ms|$s_ms|${!rows_var}|${!mb_var}" "$q|2|$p_ms|$s_ms|${!rows_var}|${!mb_var}")
  done
  echo
  printf '%s\n' "${lines[@]}" | awk -F'|' '
    BEGIN { printf "%-10s %7s %10s %8s %10s %12s %8s %8s\n", "query", "workers", "rows", "MB", "median ms", "rows/s", "MB/s", "speedup"
            printf "%-10s %7s %10s %8s %10s %12s %8s %8s\n", "----------", "-------", "----------", "--------", "----------", "------------", "--------", "-------" }
    { name = ($1 ~ /sentiment/) ? "sentiment" : "pos_tag"; rows = $5; mb = $6
      printf "%-10s %7d %10d %8.1f %10.1f %12.0f %8.2f %7.2fx\n", name, $2, rows, mb, $3, rows / ($3 / 1000), mb / ($3 / 1000), $4 / $3 }'
  echo "(MB: 10^6 bytes of text, sum(octet_length(body)); median of 3 runs; speedup: serial median / this median;"
  echo " the leader takes part in the parallel plan, so with 2 workers 3 processes share $(nproc) CPUs)"
}

with_throwaway_cluster bash -c "set -euo pipefail; TEXTSENSE_ROOT=$(printf %q "$TEXTSENSE_ROOT"); $(declare -f setup_sql median_ms main); main $rows"
