#!/usr/bin/env bash
# textsense_backfill next to live writers. While the backfill scores 60,000
# reviews in batches of 2,000, a writer updates random rows and inserts new
# ones, one short transaction each, with lock_timeout = 500ms. Checks: no
# write fails (a batch locks only its own rows, for the moment it takes),
# the backfill finishes, and every row ends scored (the writer's rows by the
# trigger). As a control, the same writer next to one UPDATE of the whole
# table must see lock timeouts, which shows the writer would notice a
# backfill that held its locks too long.
# Needs a running server with textsense installed and the PG* variables
# pointing at it (scripts/test.sh runs it under pg_virtualenv).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=textsense_backfill_test
ROWS=60000
work=$(mktemp -d)

cleanup() {
  jobs -p | xargs -r kill 2>/dev/null || true
  wait 2>/dev/null || true
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB"
sql "CREATE EXTENSION textsense"
psql -X -q -v ON_ERROR_STOP=1 -v rows=$ROWS -d "$DB" -f "$ROOT/examples/sample_reviews.sql"
sql "ALTER TABLE reviews ADD COLUMN score double precision"
sql "CREATE TRIGGER reviews_score BEFORE INSERT OR UPDATE ON reviews
     FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score')"

# Writes until the file $1 exists: an UPDATE of a random existing row's text
# or an INSERT, each its own transaction. Prints one line per write: the
# outcome (ok or the error) and its time in ms.
writer() {
  local stop=$1 i=0 next_id=$((ROWS + 1))
  while [ ! -e "$stop" ]; do
    local statement
    if ((i % 2 == 0)); then
      statement="UPDATE reviews SET body = body || ' (edited)' WHERE id = $(((RANDOM * 32768 + RANDOM) % ROWS + 1))"
    else
      statement="INSERT INTO reviews (id, product, created_at, body)
                 VALUES ($next_id, 'phone', now(), 'Written during the backfill. Works great!')"
      next_id=$((next_id + 1))
    fi
    local t0 t1 outcome
    t0=$(date +%s%3N)
    if psql -X -q -At -d "$DB" -c "SET lock_timeout = '500ms'" -c "$statement" >/dev/null 2>"$work/writer.err"; then
      outcome=ok
    else
      outcome="error: $(head -n 1 "$work/writer.err")"
    fi
    t1=$(date +%s%3N)
    echo "$((t1 - t0)) $outcome"
    i=$((i + 1))
  done
}

# Runs the writer next to the SQL statement $1 and leaves its log in $2.
with_writer() {
  local statement=$1 log=$2
  rm -f "$work/stop"
  writer "$work/stop" >"$log" &
  local writer_pid=$!
  local status=0
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "$statement" >"$work/statement.out" 2>&1 || status=$?
  touch "$work/stop"
  wait "$writer_pid"
  [ "$status" -eq 0 ] || { cat "$work/statement.out" >&2; fail "statement failed: $statement"; }
}

summary() {  # writes, errors, max ms
  awk '{ n++; if ($2 != "ok") e++; if ($1 > m) m = $1 } END { printf "%d %d %d\n", n, e, m }' "$1"
}

# 1. The backfill with a writer alongside.
t0=$(date +%s%3N)
with_writer "CALL textsense_backfill('reviews', 'body', 'score', 2000)" "$work/backfill.log"
t1=$(date +%s%3N)
read -r writes errors max_ms <<<"$(summary "$work/backfill.log")"
batches=$(grep -c 'rows scored (' "$work/statement.out" || true)
echo "backfill of $ROWS rows in $((t1 - t0)) ms ($batches batches); writer: $writes writes, $errors errors, slowest $max_ms ms"
[ "$writes" -ge 10 ] || fail "the writer made only $writes writes during the backfill"
if [ "$errors" -ne 0 ]; then
  grep -v ' ok$' "$work/backfill.log" | head -n 5 >&2
  fail "$errors writes failed next to the backfill"
fi
unscored=$(sql "SELECT count(*) FROM reviews WHERE score IS DISTINCT FROM sentiment(body)")
[ "$unscored" -eq 0 ] || fail "$unscored rows are not scored (or scored wrong) after the backfill"
echo "ok   no write failed or waited out lock_timeout; all $(sql "SELECT count(*) FROM reviews") rows scored"

# 2. Control: one UPDATE of the whole table holds every row's lock until it
# commits (2 s after it ends, as if more work followed in the same
# transaction), so the same writer must now run into lock_timeout.
sql "ALTER TABLE reviews DISABLE TRIGGER reviews_score"
with_writer "BEGIN; UPDATE reviews SET score = sentiment(body || ' '); SELECT pg_sleep(2); COMMIT;" "$work/update.log"
read -r writes errors max_ms <<<"$(summary "$work/update.log")"
echo "control, one UPDATE of every row: writer: $writes writes, $errors errors, slowest $max_ms ms"
[ "$errors" -gt 0 ] || fail "the control run saw no lock timeout: the writer cannot tell a blocking backfill"
echo "ok   the control run's writer hit lock_timeout $errors times"
