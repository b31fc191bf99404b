#!/usr/bin/env bash
# Custom lexicons from SQL: the throughput of sentiment(body, 'en', lexicon)
# against sentiment(body) on tweet-sized texts (the short reviews of
# examples/sample_reviews.sql, at most 140 bytes), with a custom lexicon of
# 10,000 terms (9,000 made-up words, 900 two-word and 100 three-word
# phrases, and overrides of words the texts use), and the first use of that
# lexicon in a new session (reading and compiling it) against the first use
# of the built-in one. Serial (max_parallel_workers_per_gather = 0, jit
# off), median of 5 runs each, interleaved.
# Usage: bench/sql_custom_lexicon.sh [rows of sample reviews] (default 500000).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rows=${1:-500000}
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [rows]" >&2; exit 2; }

main() {
  local rows=$1
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION textsense"
  psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -f "$TEXTSENSE_ROOT/examples/sample_reviews.sql"
  psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE tweets AS SELECT id, body FROM reviews WHERE octet_length(body) <= 140;
DROP TABLE reviews;
VACUUM ANALYZE tweets;
INSERT INTO textsense_lexicon (name, description) VALUES ('big', '10,000 terms');
INSERT INTO textsense_lexicon_term (lexicon, term, valence)
SELECT 'big', t, v FROM (
  SELECT 'zorbl' || i AS t, (i % 9 - 4) * 0.5 AS v FROM generate_series(1, 9000) i
  UNION ALL SELECT 'zorbl' || i || ' quux' || i, 1.5 FROM generate_series(1, 900) i
  UNION ALL SELECT 'zorbl' || i || ' quux' || i || ' frob', -1.5 FROM generate_series(1, 96) i
  UNION ALL VALUES ('love', 2.0), ('broken', -3.5), ('great', 2.5), ('expensive', -1.0)) terms(t, v);
SQL
  local n bytes
  read -r n bytes <<<"$(psql -X -At -F ' ' -c "SELECT count(*), round(avg(octet_length(body))) FROM tweets")"
  local terms
  terms=$(psql -X -At -c "SELECT count(*) FROM textsense_lexicon_term WHERE lexicon = 'big'")
  echo "textsense custom lexicon benchmark: $n tweet-sized texts (avg $bytes bytes), lexicon of $terms terms"
  echo "date $(date -u '+%Y-%m-%d %H:%M:%S UTC'); git $(git -C "$TEXTSENSE_ROOT" rev-parse --short HEAD); PostgreSQL $(psql -X -At -c 'SHOW server_version'); $(nproc) CPUs; textsense $(psql -X -At -c 'SELECT textsense_version()')"

  # A statement's time in ms, in a session that has already used the lexicon.
  run_ms() {
    psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | awk '/^Time: / { t = $2 } END { print t }'
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SELECT sentiment('warm', 'en', 'big'), sentiment('warm') \\g /dev/null
\\timing on
$1;
SQL
  }
  # The first call of a session: the lexicon is read and compiled (custom)
  # or mapped (built-in); a one-word document keeps the scoring negligible.
  first_ms() {
    psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | awk '/^Time: / { t = $2 } END { print t }'
LOAD 'textsense';
\\timing on
$1;
SQL
  }
  local builtin="" custom="" first_builtin="" first_custom="" i
  for i in 1 2 3 4 5; do
    builtin+=" $(run_ms "SELECT sum(sentiment(body)) FROM tweets")"
    custom+=" $(run_ms "SELECT sum(sentiment(body, 'en', 'big')) FROM tweets")"
    first_builtin+=" $(first_ms "SELECT sentiment('Fine.')")"
    first_custom+=" $(first_ms "SELECT sentiment('Fine.', 'en', 'big')")"
  done
  median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | sed -n 3p; }
  local b c fb fc
  b=$(median "$builtin"); c=$(median "$custom"); fb=$(median "$first_builtin"); fc=$(median "$first_custom")
  echo "runs (ms): built-in$builtin; custom$custom"
  echo "first call (ms): built-in$first_builtin; custom$first_custom"
  awk -v n="$n" -v b="$b" -v c="$c" -v fb="$fb" -v fc="$fc" 'BEGIN {
    printf "%-44s %10s %12s\n", "query", "median ms", "texts/s"
    printf "%-44s %10.1f %12.0f\n", "sum(sentiment(body))", b, n / (b / 1000)
    printf "%-44s %10.1f %12.0f\n", "sum(sentiment(body, '"'"'en'"'"', '"'"'big'"'"'))", c, n / (c / 1000)
    printf "custom / built-in throughput: %.3f (target >= 0.9)\n", b / c
    printf "first use in a session: built-in %.1f ms, custom %.1f ms: reading and compiling 10,000 terms %.1f ms\n", fb, fc, fc - fb
  }'
}

with_throwaway_cluster bash -c "set -euo pipefail; TEXTSENSE_ROOT=$(printf %q "$TEXTSENSE_ROOT"); $(declare -f main); main $rows"
