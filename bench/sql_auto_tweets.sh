#!/usr/bin/env bash
# What lang => 'auto' costs in SQL on English tweets: the 1,209 VADER dev
# tweets (../shared/data) repeated to ROUNDS x 1,209 rows, serial
# (max_parallel_workers_per_gather = 0, jit off), in a throwaway cluster:
#   sum(sentiment(body, 'en'))   the explicit language
#   sum(sentiment(body))         'auto': detected per row
# 7 rounds, the two queries interleaved, each in a fresh session with the
# models loaded; prints the times, the fastest of each and their ratio
# auto / en (docs/languages.md, "What 'auto' costs"): on a shared 2-core VM
# the rounds fall into a fast and a slow state, so a median mixes them and
# the fastest round is the least disturbed. Needs the extension
# installed (scripts/demo.sh or make install).
# Usage: bench/sql_auto_tweets.sh [ROUNDS] (default 50).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rounds=${1:-50}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [ROUNDS]" >&2; exit 2; }
tweets="$TEXTSENSE_ROOT/../shared/data/sentiment_dev/vader_groundtruth_dev/tweets_dev.tsv"
[ -f "$tweets" ] || { echo "skipped: $tweets not found (../shared/data)" >&2; exit 0; }

main() {
  local rounds=$1 tweets=$2
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION textsense" \
    -c "CREATE TABLE dev_tweets (id int, valence float8, body text)"
  psql -X -q -v ON_ERROR_STOP=1 -c "\\copy dev_tweets FROM '$tweets' WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01')"
  psql -X -q -v ON_ERROR_STOP=1 -v rounds="$rounds" <<'SQL'
CREATE TABLE tweets AS SELECT body FROM dev_tweets, generate_series(1, :rounds);
VACUUM ANALYZE tweets;
SQL
  echo "textsense 'auto' on tweets in SQL: $(psql -X -At -c "SELECT count(*) FROM tweets") rows ($rounds x the VADER dev tweets)"
  echo "date $(date -u '+%Y-%m-%d %H:%M:%S UTC'); git $(git -C "$TEXTSENSE_ROOT" rev-parse --short HEAD); PostgreSQL $(psql -X -At -c 'SHOW server_version'); $(nproc) CPUs; textsense $(psql -X -At -c 'SELECT textsense_version()')"
  run_ms() {
    psql -X -q -At -v ON_ERROR_STOP=1 <<SQL | awk '/^Time: / { t = $2 } END { print t }'
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SELECT sum(sentiment(body, 'en')), sum(sentiment(body)) FROM tweets LIMIT 2000 \\g /dev/null
\\timing on
$1;
SQL
  }
  fastest() { tr ' ' '\n' <<<"$1" | grep . | sort -n | head -n 1; }
  local en="" auto="" i
  for i in 1 2 3 4 5 6 7; do
    en+=" $(run_ms "SELECT sum(sentiment(body, 'en')) FROM tweets")"
    auto+=" $(run_ms "SELECT sum(sentiment(body)) FROM tweets")"
  done
  echo "sentiment(body, 'en') ms:$en"
  echo "sentiment(body) 'auto' ms:$auto"
  awk -v e="$(fastest "$en")" -v a="$(fastest "$auto")" 'BEGIN {
    printf "fastest: en %.0f ms, auto %.0f ms; auto / en: %.2f\n", e, a, a / e }'
}

with_throwaway_cluster bash -c "set -euo pipefail; TEXTSENSE_ROOT=$(printf %q "$TEXTSENSE_ROOT"); $(declare -f main); main $rounds $(printf %q "$tweets")"
