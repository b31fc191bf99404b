#!/usr/bin/env bash
# Bulk load with the scoring trigger on against off: COPY of the rows of
# examples/sample_reviews.sql (deterministic review-like text, written once
# to a CSV file) into a logged table load_*(id bigint, body text, score
# double precision) without a trigger (a) and with
#   BEFORE INSERT OR UPDATE ... FOR EACH ROW
#   EXECUTE FUNCTION textsense_score_trigger('body', 'score')        (b),
# against the scoring itself: SELECT sum(sentiment(body)) over a table of the
# same rows, serial (c). The trigger's cost b - a is to be at most the
# scoring's plus 10%: (b - a) / c <= 1.10. For information it also times the
# alternative, a stored generated column score = sentiment(body) (d), a
# BEFORE ROW trigger that does nothing (e: contrib lo's lo_manage(), a C
# function that returns the row as it is on INSERT, or a PL/pgSQL one when
# lo is not installed), which shows what any row trigger costs a COPY (it
# then inserts and WAL-logs row by row instead of in batches of up to 1000),
# and the trigger into a jsonb column (f: to_jsonb(sentiment_detail(body))).
# Each run is repeated (3 times unless told), the runs interleaved
# (a b c ... a b c ...) so that the VM's noise falls on all alike; each in a
# session of its own that has scored a word (the lexicon is loaded) before
# the table is truncated and a CHECKPOINT taken. jit = off and
# max_parallel_workers_per_gather = 0 throughout (a COPY uses one core).
# Prints the median, min-max, rows/s and MB/s (MB of text, 10^6 bytes of
# body) of each and the median CPU time its backend used, the ratio (of the
# medians, and in each round; of the times, and of the CPU times), and
# checks that the trigger wrote sentiment(body) into every row (exit status
# 1 otherwise; a missed target is reported, not an error). Needs the
# extension installed (scripts/demo.sh does it).
# Usage: bench/copy_trigger.sh [rows [rounds]] (default 1000000 rows, 3 rounds).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rows=${1:-1000000}
rounds=${2:-3}
if [ $# -gt 2 ] || ! [[ $rows =~ ^[1-9][0-9]*$ && $rounds =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [rows [rounds]]   (positive integers; default 1000000 rows, 3 rounds)" >&2
  exit 2
fi

# The data: examples/sample_reviews.sql's reviews (deterministic review-like
# text of mixed lengths, emoji and non-ASCII included), (id, body) in id
# order to a CSV file in the data directory (removed with the cluster),
# loaded once into staging for the scoring run; and the tables each run
# loads.
setup_sql() {
  cat <<'SQL'
CREATE EXTENSION textsense;
SET jit = off;
SQL
  echo "\\i $TEXTSENSE_ROOT/examples/sample_reviews.sql"
  cat <<'SQL'
SELECT current_setting('data_directory') || '/textsense_copy_trigger.csv' AS datafile \gset
COPY (SELECT id, body FROM reviews ORDER BY id) TO :'datafile' (FORMAT csv);
DROP TABLE reviews;
-- Autovacuum off on the benchmark's tables: a loaded table would otherwise
-- be vacuumed and analyzed in the background during the next timed run.
CREATE TABLE staging (id bigint, body text) WITH (autovacuum_enabled = off);
COPY staging FROM :'datafile' (FORMAT csv);
VACUUM ANALYZE staging;
CREATE TABLE load_plain (id bigint, body text, score double precision)
  WITH (autovacuum_enabled = off);
CREATE TABLE load_trigger (LIKE load_plain) WITH (autovacuum_enabled = off);
CREATE TRIGGER score_body BEFORE INSERT OR UPDATE ON load_trigger
  FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TABLE load_generated (id bigint, body text,
  score double precision GENERATED ALWAYS AS (sentiment(body)) STORED)
  WITH (autovacuum_enabled = off);
CREATE TABLE load_noop (LIKE load_plain) WITH (autovacuum_enabled = off);
SQL
  # e's trigger: lo_manage() (on INSERT it only looks up the column by
  # name and returns the row) when contrib's lo is there, else RETURN NEW.
  cat <<'SQL'
SELECT count(*) > 0 AS have_lo FROM pg_available_extensions WHERE name = 'lo' \gset
\if :have_lo
CREATE EXTENSION lo;
CREATE TRIGGER noop BEFORE INSERT ON load_noop FOR EACH ROW EXECUTE FUNCTION lo_manage('body');
\else
CREATE FUNCTION noop_trigger() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER noop BEFORE INSERT ON load_noop FOR EACH ROW EXECUTE FUNCTION noop_trigger();
\endif
CREATE TABLE load_detail (id bigint, body text, detail jsonb) WITH (autovacuum_enabled = off);
CREATE TRIGGER detail_body BEFORE INSERT OR UPDATE ON load_detail
  FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'detail');
SQL
}

# Runs "$2" in a session of its own after "$1" (a TRUNCATE, or nothing), a
# CHECKPOINT and a first sentiment() call, and prints its time in ms and the
# CPU time its backend took meanwhile (user + system, from /proc/self/stat
# read by the backend itself, in clock ticks; "-" where that cannot be
# read): less disturbed than the time by whatever else the machine runs.
time_ms() {
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | awk '/^Time: / { t = $2 } /^cpu\|/ { split($0, f, "|"); c = f[2] } END { if (t == "") exit 1; print t, (c == "" ? "-" : c) }'
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SELECT sentiment('Warm up: the lexicon is loaded once a session.') \\g /dev/null
$1
CHECKPOINT;
CREATE FUNCTION pg_temp.cpu_ticks() RETURNS bigint LANGUAGE plpgsql AS \$\$
DECLARE f text[];
BEGIN
  f := string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ');
  RETURN f[12]::bigint + f[13]::bigint;  -- utime, stime
EXCEPTION WHEN OTHERS THEN RETURN NULL;
END \$\$;
SELECT coalesce(pg_temp.cpu_ticks()::text, 'NULL') AS cpu0 \\gset
\\timing on
$2;
\\timing off
SELECT 'cpu', round((pg_temp.cpu_ticks() - :cpu0) * 1000.0 / $CLK_TCK);
SQL
}

main() {
  local rows=$1 rounds=$2 datafile
  setup_sql | psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows"
  datafile="$(psql -X -At -c "SELECT current_setting('data_directory')")/textsense_copy_trigger.csv"
  local stats n mb avg_b file_mb
  stats=$(psql -X -At -F ' ' -c "
    SELECT count(*), round(sum(octet_length(body)) / 1e6, 1), round(avg(octet_length(body))),
           round((pg_stat_file('$datafile')).size / 1e6, 1)
    FROM staging")
  read -r n mb avg_b file_mb <<<"$stats"
  [ "$n" -eq "$rows" ] || { echo "staging holds $n rows, not $rows" >&2; exit 1; }
  echo "textsense COPY benchmark: bulk load with the scoring trigger on against off"
  echo "date $(date -u '+%Y-%m-%d %H:%M:%S UTC'); git $(git -C "$TEXTSENSE_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$TEXTSENSE_ROOT" diff --quiet HEAD 2>/dev/null || echo ' (+ uncommitted changes)')"
  echo "PostgreSQL $(psql -X -At -c 'SHOW server_version'), $(nproc) CPUs; textsense $(psql -X -At -c 'SELECT textsense_version()'); fsync $(psql -X -At -c 'SHOW fsync'), shared_buffers $(psql -X -At -c 'SHOW shared_buffers'), jit off, max_parallel_workers_per_gather 0"
  echo "data: $n rows of examples/sample_reviews.sql, $mb MB of text (avg $avg_b bytes a row); CSV file $file_mb MB"
  echo

  local copy="FROM '$datafile' (FORMAT csv)"
  local names=(a b c scan d e f)
  declare -A label setup stmt
  label[a]="a) COPY, no trigger";                          setup[a]="TRUNCATE load_plain;";     stmt[a]="COPY load_plain (id, body) $copy"
  label[b]="b) COPY + textsense_score_trigger -> score";   setup[b]="TRUNCATE load_trigger;";   stmt[b]="COPY load_trigger (id, body) $copy"
  label[c]="c) SELECT sum(sentiment(body)) (serial)";      setup[c]="";                         stmt[c]="SELECT sum(sentiment(body)) FROM staging"
  label[scan]="   SELECT count(body) (c's scan alone)";    setup[scan]="";                      stmt[scan]="SELECT count(body) FROM staging"
  label[d]="d) COPY + generated column sentiment(body)";   setup[d]="TRUNCATE load_generated;"; stmt[d]="COPY load_generated (id, body) $copy"
  label[e]="e) COPY + no-op C row trigger (lo_manage)";    setup[e]="TRUNCATE load_noop;";      stmt[e]="COPY load_noop (id, body) $copy"
  label[f]="f) COPY + textsense_score_trigger -> jsonb";   setup[f]="TRUNCATE load_detail;";    stmt[f]="COPY load_detail (id, body) $copy"
  if [ "$(psql -X -At -c "SELECT tgfoid::regproc FROM pg_trigger WHERE tgname = 'noop'")" != lo_manage ]; then
    label[e]="e) COPY + no-op PL/pgSQL row trigger"
  fi
  declare -A times cpus
  local round k ms cpu CLK_TCK
  CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
  for round in $(seq "$rounds"); do
    for k in "${names[@]}"; do
      read -r ms cpu <<<"$(time_ms "${setup[$k]}" "${stmt[$k]}")"
      times[$k]="${times[$k]:-}${times[$k]:+ }$ms"
      cpus[$k]="${cpus[$k]:-}${cpus[$k]:+ }$cpu"
    done
    echo "round $round of $rounds, ms (backend CPU ms): $(for k in "${names[@]}"; do printf '%s %s (%s)  ' "$k" "${times[$k]##* }" "${cpus[$k]##* }"; done)"
  done
  echo

  # Correctness: every row loaded, and the trigger (and the generated
  # column) wrote what sentiment() returns. Parallel plans allowed here.
  local checks bad=0
  checks=$(psql -X -q -At -F ' ' -v ON_ERROR_STOP=1 <<'SQL'
SET jit = off;
SELECT (SELECT count(*) FROM load_plain), (SELECT count(*) FROM load_trigger),
       (SELECT count(*) FROM load_trigger WHERE score IS DISTINCT FROM sentiment(body)),
       (SELECT count(*) FROM load_generated WHERE score IS DISTINCT FROM sentiment(body)),
       (SELECT count(*) FROM load_detail WHERE detail IS DISTINCT FROM to_jsonb(sentiment_detail(body))),
       (SELECT count(*) FROM load_trigger WHERE score IS NULL);
SQL
)
  local n_plain n_trigger wrong_trigger wrong_generated wrong_detail null_scores
  read -r n_plain n_trigger wrong_trigger wrong_generated wrong_detail null_scores <<<"$checks"
  echo "check: rows loaded without trigger $n_plain, with trigger $n_trigger (expected $rows each)"
  echo "check: load_trigger rows whose score IS DISTINCT FROM sentiment(body): $wrong_trigger (expected 0; NULL scores $null_scores)"
  echo "check: same for the generated column: $wrong_generated; jsonb trigger rows differing from to_jsonb(sentiment_detail(body)): $wrong_detail (expected 0)"
  [ "$n_plain" -eq "$rows" ] && [ "$n_trigger" -eq "$rows" ] && [ "$wrong_trigger" -eq 0 ] &&
    [ "$wrong_generated" -eq 0 ] && [ "$wrong_detail" -eq 0 ] || bad=1
  echo

  # The table, and the ratio: of the medians (the target), and within each
  # round (interleaved, so a round's runs saw about the same noise); the
  # same of the backend's CPU time.
  for k in "${names[@]}"; do
    echo "$k|${label[$k]}|${times[$k]}|${cpus[$k]}"
  done | awk -F'|' -v rows="$n" -v mb="$mb" -v rounds="$rounds" '
    function sorted(s, v,   n, i, j, t) { n = split(s, v, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t } return n }
    function median(s,   v, n) { n = sorted(s, v); return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
    function ratios(x, y, z,   xv, yv, zv, i, r, per, list) {
      split(x, xv, " "); split(y, yv, " "); split(z, zv, " ")
      for (i = 1; i <= rounds; i++) { r = (yv[i] - xv[i]) / zv[i]; per = per sprintf(" %.3f", r); list = list " " r }
      return sprintf("%s (median %.3f)", per, median(list)) }
    BEGIN { printf "%-44s %10s %19s %10s %7s %10s\n", "run", "median ms", "min-max ms", "rows/s", "MB/s", "CPU ms"
            printf "%-44s %10s %19s %10s %7s %10s\n", "--------------------------------------------", "----------", "-------------------", "----------", "-------", "----------" }
    { n = sorted($3, v); med[$1] = median($3); all[$1] = $3; cpu[$1] = ($4 ~ /-/) ? "" : median($4); allcpu[$1] = $4
      printf "%-44s %10.1f %19s %10.0f %7.2f %10s\n", $2, med[$1], sprintf("%.1f-%.1f", v[1], v[n]), rows / (med[$1] / 1000), mb / (med[$1] / 1000), (cpu[$1] == "" ? "-" : sprintf("%.0f", cpu[$1])) }
    END {
      printf "(median and range of %d runs; MB: 10^6 bytes of text, sum(octet_length(body)); CPU ms: median user + system\n", rounds
      printf " CPU time of the backend during the statement; c and its scan read the same rows from the table staging;\n"
      printf " every COPY loads the same CSV file into an empty logged table)\n\n"
      a = med["a"]; b = med["b"]; c = med["c"]; d = med["d"]; e = med["e"]
      printf "trigger cost (b - a): %.1f ms; scoring cost (c): %.1f ms, %.1f ms of it the scan\n", b - a, c, med["scan"]
      printf "any row trigger (e - a): %.1f ms, %.3f of c; the generated column instead (d - a): %.1f ms, %.3f of c\n", e - a, (e - a) / c, d - a, (d - a) / c
      printf "(b - a) / c in each round:%s\n", ratios(all["a"], all["b"], all["c"])
      if (cpu["a"] != "" && cpu["b"] != "" && cpu["c"] != "" && cpu["c"] > 0) {
        printf "on backend CPU time: (b - a) / c = %.3f, (d - a) / c = %.3f, (e - a) / c = %.3f; in each round:%s\n",
          (cpu["b"] - cpu["a"]) / cpu["c"], (cpu["d"] - cpu["a"]) / cpu["c"], (cpu["e"] - cpu["a"]) / cpu["c"], ratios(allcpu["a"], allcpu["b"], allcpu["c"])
      }
      r = (b - a) / c
      printf "trigger cost / scoring cost = %.2f (target <= 1.10): %s\n", r, (r <= 1.10 ? "met" : "NOT MET")
    }'
  if [ "$bad" -ne 0 ]; then
    echo "FAILED: the trigger did not write sentiment(body) into every row (see the checks above)" >&2
    exit 1
  fi
}

use_free_port

with_throwaway_cluster bash -c "set -euo pipefail; TEXTSENSE_ROOT=$(printf %q "$TEXTSENSE_ROOT"); $(declare -f setup_sql time_ms main); main $rows $rounds"
