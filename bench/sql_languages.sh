#!/usr/bin/env bash
# sentiment() in SQL on a multilingual column: the reviews of
# examples/multilingual_reviews.sql (eleven languages, short texts, mixed in
# one column), serial (max_parallel_workers_per_gather = 0, jit off),
# median of 3 runs each, in one throwaway cluster:
#   sum(length(to_tsvector('simple', body)))   PostgreSQL's parser, the baseline
#   sum(sentiment(body, lang))                  each row in its known language
#   sum(sentiment(body))                        'auto': detected per row
# for the whole column and per language (a table each; the English rows are
# the reference a language is compared with).
# Usage: bench/sql_languages.sh [rows] (default 200000).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rows=${1:-200000}
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [rows]" >&2; exit 2; }

main() {
  local rows=$1
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION textsense"
  psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -f "$TEXTSENSE_ROOT/examples/multilingual_reviews.sql"
  echo "textsense multilingual SQL benchmark: $rows rows, $(psql -X -At -c "SELECT count(DISTINCT lang) FROM multilingual_reviews") languages"
  echo "date $(date -u '+%Y-%m-%d %H:%M:%S UTC'); git $(git -C "$TEXTSENSE_ROOT" rev-parse --short HEAD); PostgreSQL $(psql -X -At -c 'SHOW server_version'); $(nproc) CPUs; textsense $(psql -X -At -c 'SELECT textsense_version()')"
  run_ms() {
    psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | awk '/^Time: / { t = $2 } END { print t }'
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SELECT sum(sentiment(body, lang)), sum(sentiment(body)) FROM multilingual_reviews WHERE id <= 50 \\g /dev/null
\\timing on
$1;
SQL
  }
  median3() { tr ' ' '\n' <<<"$1" | grep . | sort -n | sed -n 2p; }
  printf '| rows | n | to_tsvector rows/s | sentiment(body, lang) rows/s | x to_tsvector | sentiment(body) auto rows/s | auto / explicit |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|\n'
  local langs="all $(psql -X -At -c "SELECT string_agg(DISTINCT lang, ' ' ORDER BY lang) FROM multilingual_reviews")"
  local l tbl n base expl auto i
  # One table a language, so that a language's row reads only its rows.
  for l in $langs; do
    [ "$l" = all ] || psql -X -q -v ON_ERROR_STOP=1 -c "CREATE TABLE reviews_$l AS SELECT * FROM multilingual_reviews WHERE lang = '$l'" -c "VACUUM ANALYZE reviews_$l"
  done
  for l in $langs; do
    if [ "$l" = all ]; then tbl=multilingual_reviews; else tbl=reviews_$l; fi
    n=$(psql -X -At -c "SELECT count(*) FROM $tbl")
    base=""; expl=""; auto=""
    for i in 1 2 3; do
      base+=" $(run_ms "SELECT sum(length(to_tsvector('simple', body))) FROM $tbl")"
      expl+=" $(run_ms "SELECT sum(sentiment(body, lang)) FROM $tbl")"
      auto+=" $(run_ms "SELECT sum(sentiment(body)) FROM $tbl")"
    done
    awk -v l="$l" -v n="$n" -v b="$(median3 "$base")" -v e="$(median3 "$expl")" -v a="$(median3 "$auto")" 'BEGIN {
      printf "| %s | %d | %.0f | %.0f | %.2f | %.0f | %.2f |\n", l, n, n / (b / 1000), n / (e / 1000), e / b, n / (a / 1000), a / e }'
  done
  echo "(x to_tsvector: the per-row cost of sentiment(body, lang) against to_tsvector('simple', body) on the same rows; auto / explicit: the cost of detecting the language)"
}

with_throwaway_cluster bash -c "set -euo pipefail; TEXTSENSE_ROOT=$(printf %q "$TEXTSENSE_ROOT"); $(declare -f main); main $rows"
