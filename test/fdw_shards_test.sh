#!/usr/bin/env bash
# textsense across postgres_fdw shards: a router and two shard servers
# started here (initdb/pg_ctl in a temporary directory, loopback ports). On
# the router, reviews_fdw is hash-partitioned by id into foreign tables on
# the two shards (test/scale_out/fdw_router.sql, fdw_shard.sql; servers with
# extensions 'textsense' and async_capable). Results are checked against a
# single server's on the same rows: the plain table `reviews` on the router.
#   1. the shards evaluate sentiment(): every row's score (compared per shard
#      through an md5 the shard computes), avg() in the per-shard form,
#      a WHERE on sentiment(); EXPLAIN VERBOSE shows public.sentiment() in
#      the Remote SQL of an Async Foreign Scan on each shard
#   2. what postgres_fdw does not send (an aggregate over the partitioned
#      table, functions in FROM, fields of sentiment_detail()) runs on the
#      router: the same results, and the shard-side views that move it
#   3. without extensions 'textsense' nothing is sent (the option matters)
#   4. both shards work at the same time; a shard stopped mid-query is an
#      error naming it, and no result
# Needs textsense installed (scripts/test.sh installs it first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/citus.sh"

[ -f "$("$PG_BIN/pg_config" --sharedir)/extension/textsense.control" ] ||
  { echo "FAIL: textsense is not installed (make install first)" >&2; exit 1; }
[ -f "$("$PG_BIN/pg_config" --sharedir)/extension/postgres_fdw.control" ] ||
  { echo "FAIL: postgres_fdw is not installed (Debian's postgresql-$PG_MAJOR has it)" >&2; exit 1; }

ROWS=${TEXTSENSE_FDW_TEST_ROWS:-3000}
source "$TEXTSENSE_ROOT/test/scale_out/common.sh"
r() { node_sql router "$@"; }

# same NAME QUERY_OVER_THE_SHARDS QUERY_ON_THE_SINGLE_SERVER: identical output.
same() { same_on router "the shards" "$@"; }

# remote NAME QUERY PATTERN: EXPLAIN VERBOSE shows two Async Foreign Scans
# (one a shard, both started before either is read) whose Remote SQL both
# match PATTERN (an extended regex).
remote() {
  local name=$1 query=$2 pattern=$3 n async
  r "EXPLAIN (VERBOSE, COSTS OFF) $query" >"$work/explain"
  n=$(grep -cE "^ *Remote SQL: .*$pattern" "$work/explain" || true)
  async=$(grep -c 'Async Foreign Scan' "$work/explain" || true)
  if [ "$n" -ne 2 ] || [ "$async" -ne 2 ]; then
    cat "$work/explain" >&2
    fail "$name: $n of 2 Remote SQL lines match /$pattern/, $async of 2 scans are Async Foreign Scans"
  fi
  ok "$name: the Remote SQL of both Async Foreign Scans has it: $(grep -m 1 -E 'Remote SQL' "$work/explain" | sed 's/^ *Remote SQL: //' | cut -c1-110)"
}

nodes_init
for n in router s1 s2; do node_start "$n"; done
echo "router on port $(node_port router), shards on $(node_port s1) and $(node_port s2)"
for n in s1 s2; do node_psql "$n" -f "$TEXTSENSE_ROOT/test/scale_out/fdw_shard.sql"; done
node_psql router -v s1_port="$(node_port s1)" -v s2_port="$(node_port s2)" \
  -f "$TEXTSENSE_ROOT/test/scale_out/fdw_router.sql"
versions=$(for n in router s1 s2; do
  node_sql "$n" "SELECT extversion || ' / ' || textsense_version() FROM pg_extension WHERE extname = 'textsense'"
done | sort -u)
[ "$(wc -l <<<"$versions")" -eq 1 ] || fail "the servers run different textsense versions: $versions"
ok "textsense $versions (extension / library) on the router and both shards"

node_psql router -v rows="$ROWS" -f "$TEXTSENSE_ROOT/examples/sample_reviews.sql" >/dev/null
r "INSERT INTO reviews_fdw SELECT * FROM reviews" "ANALYZE reviews" >/dev/null
for n in s1 s2; do node_sql "$n" "ANALYZE reviews"; done
echo "$ROWS reviews: a plain table on the router (the single server) and reviews_fdw," \
  "$(node_sql s1 "SELECT count(*) FROM reviews") rows on shard 1 and $(node_sql s2 "SELECT count(*) FROM reviews") on shard 2"

# Which shard a row of the single server's table belongs to: the router's
# own hash partitioning of reviews_fdw.
shard_of="CASE WHEN satisfies_hash_partition('reviews_fdw'::regclass, 2, 0, id) THEN 1 ELSE 2 END"
per_shard() {  # per_shard SELECT_LIST TABLE_PREFIX: the select list over each shard, UNION ALL
  echo "SELECT 1, $1 FROM ${2}_1 UNION ALL SELECT 2, $1 FROM ${2}_2 ORDER BY 1"
}

echo "==> 1. sentiment() on the shards"
# The bytes of each id and score (float8send: exact, and a plain function
# call, which postgres_fdw sends where it would not send a cast to text).
rows_md5="md5(string_agg(int8send(id) || float8send(sentiment(body)), ''::bytea ORDER BY id))"
same "every row's sentiment() (an md5 of the ids' and scores' bytes per shard)" \
  "$(per_shard "$rows_md5" reviews_fdw)" \
  "SELECT $shard_of, $rows_md5 FROM reviews GROUP BY 1 ORDER BY 1"
remote "every row's sentiment()" "$(per_shard "$rows_md5" reviews_fdw)" \
  'SELECT [12], md5\(string_agg\(\(int8send\(id\) \|\| float8send\(public\.sentiment\(body\)\)\)'
# count(sentiment(body)), not count(body): the same unless sentiment() gives
# NULL for some text (a textsense that declines texts it cannot score).
avg_per_shard="SELECT sum(s) / sum(n) FROM ($(per_shard "sum(sentiment(body)) AS s, count(sentiment(body)) AS n" reviews_fdw)) x"
read -r a_fdw a_single a_diff <<<"$(r "SELECT ($avg_per_shard), (SELECT avg(sentiment(body)) FROM reviews)" |
  awk -F'|' '{ d = $1 - $2; if (d < 0) d = -d; print $1, $2, d }')"
awk -v d="$a_diff" 'BEGIN { exit !(d <= 1e-12) }' || fail "avg(sentiment(body)): shards $a_fdw, single server $a_single"
ok "avg(sentiment(body)) as sum()/count() per shard: $a_fdw, single server $a_single (|diff| $a_diff: float sums in another order)"
remote "avg() per shard" "$avg_per_shard" 'SELECT [12], sum\(public\.sentiment\(body\)\), count\(public\.sentiment\(body\)\) FROM public\.reviews$'
same "avg(sentiment(body)::numeric) per shard (exact)" \
  "SELECT round(sum(s) / sum(n), 18) FROM ($(per_shard "sum(sentiment(body)::numeric) AS s, count(sentiment(body)) AS n" reviews_fdw)) x" \
  "SELECT round(avg(sentiment(body)::numeric), 18) FROM reviews"
same "count(*) WHERE sentiment(body) >= 0.05 over reviews_fdw" \
  "SELECT count(*) FROM reviews_fdw WHERE sentiment(body) >= 0.05" \
  "SELECT count(*) FROM reviews WHERE sentiment(body) >= 0.05"
remote "WHERE sentiment(body) >= 0.05" "SELECT count(*) FROM reviews_fdw WHERE sentiment(body) >= 0.05" \
  'WHERE \(\(public\.sentiment\(body\) >= 0\.05::double precision\)\)'
if [ "$(r "SELECT to_regproc('detect_language') IS NOT NULL OR EXISTS (SELECT FROM pg_proc WHERE proname = 'detect_language')")" = t ]; then
  same "reviews per detect_language()" \
    "SELECT detect_language(body)::text, count(*) FROM reviews_fdw GROUP BY 1 ORDER BY 1" \
    "SELECT detect_language(body)::text, count(*) FROM reviews GROUP BY 1 ORDER BY 1"
else
  echo "     (no detect_language() in this textsense: not checked)"
fi

echo "==> 2. what postgres_fdw does not send, and the shard-side views"
same "avg(sentiment(body)) over reviews_fdw (to 12 digits)" \
  "SELECT round(avg(sentiment(body))::numeric, 12) FROM reviews_fdw" \
  "SELECT round(avg(sentiment(body))::numeric, 12) FROM reviews"
r "EXPLAIN (VERBOSE, COSTS OFF) SELECT avg(sentiment(body)) FROM reviews_fdw" >"$work/explain"
[ "$(grep -c 'Remote SQL: SELECT body FROM public.reviews$' "$work/explain")" -eq 2 ] ||
  { cat "$work/explain" >&2; fail "expected PostgreSQL $PG_MAJOR's postgres_fdw to fetch body (no partial aggregates sent): has this changed?"; }
ok "avg() over the partitioned table: the shards only send body (Remote SQL: SELECT body ...), the router scores"
same "reviews per label (sentiment_detail() in a lateral join over reviews_fdw, on the router)" \
  "SELECT d.label, count(*) FROM reviews_fdw r, sentiment_detail(r.body) d GROUP BY 1 ORDER BY 1" \
  "SELECT d.label, count(*) FROM reviews r, sentiment_detail(r.body) d GROUP BY 1 ORDER BY 1"
same "reviews per label through the shards' review_labels views" \
  "SELECT label, count(*) FROM review_labels_fdw GROUP BY 1 ORDER BY 1" \
  "SELECT d.label, count(*) FROM reviews r, sentiment_detail(r.body) d GROUP BY 1 ORDER BY 1"
remote "labels through the views" "SELECT label, count(*) FROM review_labels_fdw GROUP BY 1" \
  'SELECT label FROM public\.review_labels$'
same "tokens per part of speech (pos_tag() in a lateral join over reviews_fdw, on the router)" \
  "SELECT p.upos, count(*) FROM reviews_fdw r, pos_tag(r.body) p GROUP BY 1 ORDER BY 1" \
  "SELECT p.upos, count(*) FROM reviews r, pos_tag(r.body) p GROUP BY 1 ORDER BY 1"
r "EXPLAIN (VERBOSE, COSTS OFF) SELECT p.upos, count(*) FROM reviews_fdw r, pos_tag(r.body) p GROUP BY 1" >"$work/explain"
grep -q 'Function Call: pos_tag(r.body)' "$work/explain" && grep -q 'Remote SQL: SELECT body FROM public.reviews$' "$work/explain" ||
  { cat "$work/explain" >&2; fail "expected pos_tag() in FROM to run on the router"; }
ok "pos_tag() in FROM over reviews_fdw: a Function Scan on the router over the shards' bodies"
same "tokens per part of speech through the shards' review_tags views" \
  "SELECT upos, count(*) FROM review_tags_fdw GROUP BY 1 ORDER BY 1" \
  "SELECT p.upos, count(*) FROM reviews r, pos_tag(r.body) p GROUP BY 1 ORDER BY 1"
remote "pos_tag() through the views" "SELECT upos, count(*) FROM review_tags_fdw GROUP BY 1" \
  'SELECT upos FROM public\.review_tags$'

echo "==> 3. the extensions option"
r "ALTER SERVER shard_1 OPTIONS (DROP extensions)"
r "EXPLAIN (VERBOSE, COSTS OFF) SELECT count(*) FROM reviews_fdw WHERE sentiment(body) >= 0.05" >"$work/explain"
[ "$(grep -c 'Remote SQL: .*sentiment' "$work/explain")" -eq 1 ] && grep -q 'Filter: (sentiment(' "$work/explain" ||
  { cat "$work/explain" >&2; fail "without extensions 'textsense' shard_1 should get no sentiment() and the router filter"; }
same "the WHERE without the option on shard_1" \
  "SELECT count(*) FROM reviews_fdw WHERE sentiment(body) >= 0.05" \
  "SELECT count(*) FROM reviews WHERE sentiment(body) >= 0.05"
r "ALTER SERVER shard_1 OPTIONS (ADD extensions 'textsense')"
ok "without extensions 'textsense' the router filters shard_1's rows itself (same count); option restored"

echo "==> 4. both shards at once; a shard stopped mid-query"
# About 1-2 s of sentiment() on each shard, all of it sent to the shards.
slow="SELECT count(*) FROM reviews_fdw WHERE sentiment(repeat(body, 60)) IS DISTINCT FROM 5"  # every row
remote "the slow query" "$slow" 'public\.sentiment\(repeat\(body, 60\)\)'
# postgres_fdw declares a cursor and runs the query on its first FETCH:
# a shard is busy while its postgres_fdw session is active.
busy="SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND application_name = 'postgres_fdw'"
r "$slow" >"$work/slow.out" &
query_pid=$!
both=0
for _ in $(seq 200); do
  a1=$(node_sql s1 "$busy")
  a2=$(node_sql s2 "$busy")
  if [ "$a1" -gt 0 ] && [ "$a2" -gt 0 ]; then both=1; break; fi
  sleep 0.05
done
wait "$query_pid"
[ "$both" -eq 1 ] || fail "the two shards never ran the query at the same time"
[ "$(cat "$work/slow.out")" = "$ROWS" ] || fail "the slow query counted $(cat "$work/slow.out") of $ROWS rows"
ok "both shards were running their part of the query at the same moment (async append)"
status=0
r "$slow" >"$work/slow.out" 2>"$work/slow.err" &
query_pid=$!
active=0
for _ in $(seq 100); do
  active=$(node_sql s2 "$busy")
  [ "$active" -gt 0 ] && break
  sleep 0.05
done
[ "$active" -gt 0 ] || fail "the query never ran on shard 2"
node_stop s2 immediate
wait "$query_pid" || status=$?
[ "$status" -ne 0 ] || fail "the query succeeded although shard 2 stopped during it: $(cat "$work/slow.out")"
[ ! -s "$work/slow.out" ] || fail "the failed query printed a result: $(cat "$work/slow.out")"
grep -qE '^(ERROR|CONTEXT): .*(server closed the connection|connection|remote server)' "$work/slow.err" &&
  grep -qE "shard_2|$(node_port s2)|remote" "$work/slow.err" ||
  { cat "$work/slow.err" >&2; fail "the error does not say the shard's connection failed"; }
ok "shard 2 stopped during the query: no result; $(grep -E '^(ERROR|CONTEXT)' "$work/slow.err" | tr '\n' ' ' | cut -c1-150)"
node_pg_ctl s2 start
same "after the shard's restart" \
  "SELECT count(*) FROM reviews_fdw WHERE sentiment(body) >= 0.05" \
  "SELECT count(*) FROM reviews WHERE sentiment(body) >= 0.05"
echo "==> postgres_fdw shards test passed"
