#!/usr/bin/env bash
# Cancellation of large documents: statement_timeout, pg_cancel_backend and
# pg_terminate_backend must stop textsense's analysis of a ~100 MB document
# promptly, leave the session usable and leave no worker thread busy. Then
# every analysing function under statement_timeout, and cancel and
# terminate, on each hostile 100 MB input: one giant sentence of tiny
# tokens, one emoji repeated, one word without spaces, CJK text without
# punctuation, and sentences alternating between two languages.
# Needs a running server with textsense installed and the PG* variables
# pointing at it (scripts/test.sh runs it under pg_virtualenv), and must run
# on the server's host: it reads the backend's threads in /proc.
# Prints the measured figures; exits non-zero on the first failed check.
set -uo pipefail

MAX_THREADS=2                  # textsense.max_threads in the analysing session
SENTENCE='The food was great but the service was painfully slow. '
REPEAT=1800000                 # 55 bytes x 1.8 M = 99 MB
TIMEOUT_MS=400                 # statement_timeout of check 1
LIMIT_TIMEOUT_MS=1200          # check 1: the failed statement's wall time
LIMIT_CANCEL_MS=1000           # check 2: cancel -> error
LIMIT_TERMINATE_MS=1000        # check 3: terminate -> backend process gone
HOSTILE_TIMEOUT_MS=300         # statement_timeout of check 4
LIMIT_HOSTILE_MS=1000          # check 4: timeout -> error, on every input and function
DB=textsense_cancel_test

work=$(mktemp -d)
session_pid=""   # the psql of session A
session_fd=""    # our end of its input fifo
marker=0
since=""         # the marker line after which A's output is awaited

cleanup() {
  [ -n "$session_fd" ] && exec {session_fd}>&- 2>/dev/null
  if [ -n "$session_pid" ] && kill -0 "$session_pid" 2>/dev/null; then
    kill "$session_pid" 2>/dev/null
    wait "$session_pid" 2>/dev/null
  fi
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$work/a.out" ]; then
    echo "---- output of session A ----" >&2
    tail -n 30 "$work/a.out" >&2
  fi
  exit 1
}
ok() { echo "ok   $*"; }
now_ms() { date +%s%3N; }

# A one-off statement in a new session; prints unaligned output.
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

# Session A: a psql that reads from a fifo, so that it stays connected
# (and idle) between the statements we send it.
start_session() {
  rm -f "$work/a.in" "$work/a.out"
  mkfifo "$work/a.in"
  psql -X -At -v ON_ERROR_STOP=0 -d "$DB" <"$work/a.in" >"$work/a.out" 2>&1 &
  session_pid=$!
  exec {session_fd}>"$work/a.in"
}
send() { printf '%s\n' "$@" >&"$session_fd" || fail "cannot write to session A"; }

# wait_for_line REGEX TIMEOUT_S: until a line of A's output after the last
# marker matches.
wait_for_line() {
  local deadline=$(($(now_ms) + $2 * 1000))
  until output_after "$since" | grep -E "$1" >/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "timed out after $2 s waiting for /$1/ from session A"
    sleep 0.01
  done
}
# A's output after its (last) line $1, all of it if $1 is empty.
output_after() {
  awk -v m="$1" 'm != "" && $0 == m { n = NR } { line[NR] = $0 } END { for (i = n + 1; i <= NR; i++) print line[i] }' \
    "$work/a.out" 2>/dev/null
}
# Sends a marker and waits for it: A has finished all it was sent before.
mark() {
  marker=$((marker + 1))
  send "\\echo @@$marker"
  wait_for_line "^@@$marker\$" 20
  since=@@$marker
}

# Waits until A's backend has been running a statement for 0.5 s.
wait_until_busy() {
  local deadline=$(($(now_ms) + 30000))
  until [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE pid = $apid AND state = 'active'
                    AND clock_timestamp() - query_start >= interval '500 ms'")" = 1 ]; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "session A did not become active (pg_stat_activity)"
    sleep 0.05
  done
}

# The threads of backend $apid: "tid:comm:state:cputicks" lines.
read_threads() {
  local f s rest comm tid fields
  for f in /proc/"$apid"/task/*/stat; do
    s=$(cat "$f" 2>/dev/null) || continue
    tid=${s%% *}
    comm=${s#*(}; comm=${comm%)*}
    rest=${s##*) }
    read -r -a fields <<<"$rest"   # fields[0] = state, [11] = utime, [12] = stime
    echo "$tid:$comm:${fields[0]}:$((fields[11] + fields[12]))"
  done
}
describe_threads() {  # "2 threads: postgres S, textsense 1 R"
  local n d
  n=$(printf '%s\n' "$1" | grep -c .)
  d=$(printf '%s\n' "$1" | awk -F: '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $3 }')
  echo "$n threads: $d"
}

# After a cancelled statement, A is idle: every thread of its backend must
# sleep, use no CPU, and there must be at most max_threads of them.
check_idle_threads() {
  local what=$1 first second n busy
  sleep 0.2
  first=$(read_threads)
  sleep 0.5
  second=$(read_threads)
  n=$(printf '%s\n' "$second" | grep -c .)
  echo "     idle after $what: $(describe_threads "$second")"
  [ "$n" -le "$MAX_THREADS" ] || fail "$what: backend has $n threads, more than textsense.max_threads = $MAX_THREADS"
  busy=$(printf '%s\n' "$second" | awk -F: '$3 != "S"')
  [ -z "$busy" ] || fail "$what: threads not sleeping while the session is idle: $busy"
  # A worker that used CPU between the two readings, 0.5 s apart, is busy.
  busy=$(join -t: -j1 <(printf '%s\n' "$first" | awk -F: '$2 ~ /^textsense/ { print $1 ":" $4 }' | sort) \
                      <(printf '%s\n' "$second" | awk -F: '$2 ~ /^textsense/ { print $1 ":" $4 }' | sort) |
         awk -F: '$2 != $3')
  [ -z "$busy" ] || fail "$what: worker threads used CPU while the session was idle (tid:ticks before:after): $busy"
  ok "$what: session idle, $n threads (<= $MAX_THREADS), all sleeping, workers use no CPU"
}

ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }

# ---------------------------------------------------------------------------
echo "     setting up: database $DB, a $((REPEAT * ${#SENTENCE} / 1000000)) MB document"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB" >/dev/null || fail "cannot create database $DB"
sql "CREATE EXTENSION textsense;
     CREATE TABLE big AS SELECT repeat('$SENTENCE', $REPEAT) AS doc;" >/dev/null ||
  fail "cannot create the extension or the table"
bytes=$(sql "SELECT octet_length(doc) FROM big")
echo "     document: $bytes bytes ($(sql "SELECT pg_column_size(doc) FROM big") stored)"

# Starts session A with textsense loaded and its settings; sets $apid.
open_session_a() {
  start_session
  since=""
  send "SELECT 'pid=' || pg_backend_pid();" \
       "SET textsense.max_threads = $MAX_THREADS;" \
       "SET max_parallel_workers_per_gather = 0;" \
       "SELECT 'warm=' || sentiment('good');"
  wait_for_line '^warm=' 20
  apid=$(sed -n 's/^pid=//p' "$work/a.out")
  if [ -z "$apid" ] || [ ! -d "/proc/$apid" ]; then
    fail "cannot find session A's backend in /proc (is the server on this host?)"
  fi
}
open_session_a

# 1. statement_timeout --------------------------------------------------------
mark
send "SELECT clock_timestamp() AS t0 \\gset" \
     "SET statement_timeout = '${TIMEOUT_MS}ms';" \
     "SELECT sentiment(doc) FROM big;" \
     "SELECT 'elapsed=' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000);" \
     "RESET statement_timeout;" \
     "SELECT 'next=' || sentiment('good');"
wait_for_line '^next=' 30
out=$(output_after "$since")
grep -q 'canceling statement due to statement timeout' <<<"$out" ||
  fail "statement_timeout: no timeout error; got: $out"
elapsed=$(sed -n 's/^elapsed=//p' <<<"$out")
echo "     statement_timeout = ${TIMEOUT_MS} ms: statement failed after ${elapsed} ms"
[ "$elapsed" -lt "$LIMIT_TIMEOUT_MS" ] ||
  fail "statement_timeout: the statement took ${elapsed} ms (limit ${LIMIT_TIMEOUT_MS} ms)"
grep -qE '^next=0\.[0-9]+' <<<"$out" || fail "statement_timeout: the next query failed: $out"
ok "statement_timeout ${TIMEOUT_MS} ms: timeout error after ${elapsed} ms (< ${LIMIT_TIMEOUT_MS}), session works"
check_idle_threads "statement_timeout"

# 2. pg_cancel_backend from another session ------------------------------------
cancel_during() {  # cancel_during LABEL STATEMENT
  local label=$1 statement=$2 out res cancel_at after_at t0 t1 server_ms client_ms
  mark
  send "$statement" \
       "SELECT 'after=' || extract(epoch FROM clock_timestamp());" \
       "SELECT 'next=' || sentiment('good');"
  wait_until_busy
  echo "     $label running: $(describe_threads "$(read_threads)")"
  t0=$(now_ms)
  res=$(sql "SELECT pg_cancel_backend($apid), extract(epoch FROM clock_timestamp())") ||
    fail "$label: pg_cancel_backend failed"
  [ "${res%%|*}" = t ] || fail "$label: pg_cancel_backend($apid) returned ${res%%|*}"
  cancel_at=${res#*|}
  wait_for_line '^after=' 30
  t1=$(now_ms)
  out=$(output_after "$since")
  grep -q 'canceling statement due to user request' <<<"$out" ||
    fail "$label: no cancel error; got: $out"
  after_at=$(sed -n 's/^after=//p' <<<"$out")
  server_ms=$(ms_between "$cancel_at" "$after_at")
  client_ms=$((t1 - t0))
  echo "     $label: cancel -> error ${server_ms} ms (server clock); ${client_ms} ms seen from the test (incl. psql start-up)"
  if [ "$server_ms" -ge "$LIMIT_CANCEL_MS" ] || [ "$client_ms" -ge "$LIMIT_CANCEL_MS" ]; then
    fail "$label: cancel took ${server_ms} ms / ${client_ms} ms (limit ${LIMIT_CANCEL_MS} ms)"
  fi
  wait_for_line '^next=' 10
  grep -qE '^next=0\.[0-9]+' <<<"$(output_after "$since")" || fail "$label: the next query failed"
  mark
  ok "$label: cancelled in ${server_ms} ms (< ${LIMIT_CANCEL_MS}), session works"
  check_idle_threads "$label cancel"
}
cancel_during "sentiment(doc)" "SELECT sentiment(doc) FROM big;"
cancel_during "pos_tag(doc)" "SELECT count(*) FROM pos_tag((SELECT doc FROM big));"
cancel_during "tokens(doc)" "SELECT count(*) FROM tokens((SELECT doc FROM big));"

# 3. pg_terminate_backend -----------------------------------------------------
checkpointer=$(sql "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
terminate_during() {  # terminate_during LABEL STATEMENT; ends session A
  local label=$1 statement=$2 res deadline gone_at gone_ms
  send "$statement"
  wait_until_busy
  res=$(sql "SELECT pg_terminate_backend($apid), extract(epoch FROM clock_timestamp())") ||
    fail "$label: pg_terminate_backend failed"
  [ "${res%%|*}" = t ] || fail "$label: pg_terminate_backend($apid) returned ${res%%|*}"
  deadline=$(($(now_ms) + 5000))
  while [ -e "/proc/$apid" ] && [ "$(now_ms)" -lt "$deadline" ]; do sleep 0.005; done
  gone_at=$(now_ms)
  [ -e "/proc/$apid" ] && fail "$label: pg_terminate_backend: backend $apid still exists 5 s later"
  gone_ms=$((gone_at - $(awk -v t="${res#*|}" 'BEGIN { printf "%.0f", t * 1000 }')))
  echo "     $label: pg_terminate_backend: backend process gone ${gone_ms} ms after the terminate"
  [ "$gone_ms" -lt "$LIMIT_TERMINATE_MS" ] ||
    fail "$label: pg_terminate_backend: the backend took ${gone_ms} ms to exit (limit ${LIMIT_TERMINATE_MS} ms)"
  exec {session_fd}>&-
  session_fd=""
  wait "$session_pid"
  session_pid=""
  grep -q 'terminating connection due to administrator command' "$work/a.out" ||
    fail "$label: pg_terminate_backend: session A saw no termination message"
  ok "$label: pg_terminate_backend: backend exited in ${gone_ms} ms (< ${LIMIT_TERMINATE_MS})"
}
terminate_during "sentiment(doc)" "SELECT sentiment(doc) FROM big;"

t0=$(now_ms)
score=$(sql "SET textsense.max_threads = $MAX_THREADS;
             SELECT sentiment(substr(doc, 1, 20000000)) FROM big") ||
  fail "after pg_terminate_backend: a new session cannot analyse the document"
t1=$(now_ms)
[[ $score =~ ^-?0\.[0-9]+$ ]] || fail "after pg_terminate_backend: unexpected score '$score'"
[ "$(sql "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")" = "$checkpointer" ] ||
  fail "after pg_terminate_backend: the server restarted (crash recovery)"
ok "after pg_terminate_backend: server up (no restart), new session scored 20 MB of the document ($score) in $((t1 - t0)) ms"

# 4. Hostile inputs: every function, statement_timeout, cancel, terminate ----
HOSTILE_INPUTS=(sentence emoji word cjk mixed)
sql "CREATE TABLE hostile (name text PRIMARY KEY, doc text);
     INSERT INTO hostile VALUES
       ('sentence', repeat('very ', 20000000)),
       ('emoji', repeat('😀', 25000000)),
       ('word', repeat('a', 100000000)),
       ('cjk', repeat('我们今天去公园散步天气很好', 2500000)),
       ('mixed', repeat('The food was great but the service was slow. '
                        'Das Essen war kalt und der Kellner war unfreundlich. ', 1000000));" >/dev/null ||
  fail "cannot create the hostile inputs"
echo "     hostile inputs: $(sql "SELECT string_agg(name || ' ' || octet_length(doc) / 1000000 || ' MB', ', ' ORDER BY name) FROM hostile")"
HOSTILE_FUNCTIONS=(
  "sentiment(doc)" "sentiment(doc, 'auto')" "sentiment_detail(doc)"
  "(SELECT count(*) FROM sentence_sentiment(doc))" "(SELECT count(*) FROM sentiment_explain(doc))"
  "(SELECT count(*) FROM pos_tag(doc))" "(SELECT count(*) FROM pos_tag(doc, 'auto'))"
  "(SELECT count(*) FROM tokens(doc))" "(SELECT count(*) FROM sentences(doc))"
  "detect_language(doc)" "(SELECT count(*) FROM detect_languages(doc))"
  "sentiment_language(doc, 'auto')")
open_session_a
mark
for input in "${HOSTILE_INPUTS[@]}"; do
  for i in "${!HOSTILE_FUNCTIONS[@]}"; do
    send "SELECT clock_timestamp() AS t0 \\gset" \
         "SET statement_timeout = '${HOSTILE_TIMEOUT_MS}ms';" \
         "SELECT ${HOSTILE_FUNCTIONS[$i]} FROM hostile WHERE name = '$input';" \
         "RESET statement_timeout;" \
         "SELECT 'hostile $input $i ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000);"
  done
done
send "SELECT 'next=' || sentiment('good');"
wait_for_line '^next=' 600
out=$(output_after "$since")
worst=0
for input in "${HOSTILE_INPUTS[@]}"; do
  line="$input:"
  for i in "${!HOSTILE_FUNCTIONS[@]}"; do
    ms=$(sed -n "s/^hostile $input $i //p" <<<"$out")
    [ -n "$ms" ] || fail "statement_timeout on $input: no result for ${HOSTILE_FUNCTIONS[$i]}"
    line="$line $ms"
    [ "$ms" -gt "$worst" ] && worst=$ms
    [ "$ms" -lt $((HOSTILE_TIMEOUT_MS + LIMIT_HOSTILE_MS)) ] ||
      fail "statement_timeout on $input: ${HOSTILE_FUNCTIONS[$i]} took ${ms} ms (limit $((HOSTILE_TIMEOUT_MS + LIMIT_HOSTILE_MS)) ms)"
  done
  echo "     statement_timeout ${HOSTILE_TIMEOUT_MS} ms, ms per function in the order above: $line"
done
grep -qE '^next=0\.[0-9]+' <<<"$out" || fail "hostile inputs: the session does not work afterwards"
ok "statement_timeout ${HOSTILE_TIMEOUT_MS} ms: ${#HOSTILE_FUNCTIONS[@]} functions x ${#HOSTILE_INPUTS[@]} hostile inputs stopped within ${worst} ms of the statement's start (< $((HOSTILE_TIMEOUT_MS + LIMIT_HOSTILE_MS)))"
check_idle_threads "hostile statement_timeouts"
for input in "${HOSTILE_INPUTS[@]}"; do
  cancel_during "sentiment($input)" "SELECT sentiment(doc) FROM hostile WHERE name = '$input';"
  cancel_during "tokens($input)" "SELECT count(*) FROM tokens((SELECT doc FROM hostile WHERE name = '$input'));"
  terminate_during "pos_tag($input)" "SELECT count(*) FROM pos_tag((SELECT doc FROM hostile WHERE name = '$input'));"
  open_session_a
done

echo "ok   all cancellation checks passed"
