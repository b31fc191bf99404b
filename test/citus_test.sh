#!/usr/bin/env bash
# textsense on a Citus cluster: a coordinator and two workers started here
# (initdb/pg_ctl in a temporary directory, loopback ports), Citus built
# from ../shared/vendor (scripts/citus.sh; cached after the first run).
# Every result is checked against a single server's on the same rows: the
# plain table `reviews` on the coordinator (Citus leaves local tables alone;
# checked below), so both sides run the same textsense build.
#   1. aggregates (avg(sentiment(body)), labels, pos_tag counts in a lateral
#      join, detect_language() when the extension has it) and every row's
#      score are the same; EXPLAIN shows the functions in every shard's query
#   2. a stored generated column and an expression index on a distributed table
#   3. a distributed UPDATE ... SET score = sentiment(body), pushed to the shards
#   4. scoring on insert: the generated column; the trigger, refused without
#      citus.enable_unsafe_triggers, working with it (INSERT, INSERT ... SELECT, COPY)
#   5. custom lexicons: the extension's lexicon tables cannot become reference
#      tables; a lexicon written on every node works; one missing on a worker is
#      an error; a differing one is caught by the cross-node checksum
#   6. a worker stopped (fast, then immediate) in the middle of a query: an
#      error naming the worker, no result; after a restart the same result again
# Needs textsense installed (scripts/test.sh installs it first). Without the
# Citus tarball (a clone without ../shared) it says so and exits 0.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/citus.sh"

if ! citus_available; then
  echo "SKIP: no Citus tarball at $CITUS_TARBALL (../shared/vendor is outside the repository); the Citus test did not run"
  exit 0
fi
[ -f "$("$PG_BIN/pg_config" --sharedir)/extension/textsense.control" ] ||
  { echo "FAIL: textsense is not installed (make install first)" >&2; exit 1; }

ROWS=${TEXTSENSE_CITUS_TEST_ROWS:-3000}
SHARDS=8
source "$TEXTSENSE_ROOT/test/scale_out/common.sh"
c() { node_sql coord "$@"; }

# same NAME QUERY_ON_CITUS QUERY_ON_THE_SINGLE_SERVER: identical output.
same() { same_on coord Citus "$@"; }

# pushed NAME QUERY PATTERN: EXPLAIN VERBOSE of QUERY shows all $SHARDS
# tasks and each task's query matches PATTERN (an extended regex), and the
# coordinator's part of the plan (before the first task) calls no textsense
# function: the work happens on the shards.
pushed() {
  local name=$1 query=$2 pattern=$3 n
  c "SET citus.explain_all_tasks = on" "EXPLAIN (VERBOSE, COSTS OFF) $query" >"$work/explain"
  n=$(grep -cE "^ *Query: .*$pattern" "$work/explain" || true)
  if [ "$n" -ne "$SHARDS" ]; then
    sed -n 1,25p "$work/explain" >&2
    fail "$name: $n of $SHARDS shard queries match /$pattern/"
  fi
  if sed '/->  Task$/,$d' "$work/explain" | grep -qE '(sentiment|sentiment_detail|pos_tag|detect_language)\('; then
    sed '/->  Task$/,$d' "$work/explain" >&2
    fail "$name: the coordinator evaluates a textsense function itself"
  fi
  ok "$name: EXPLAIN shows it in all $SHARDS shard queries"
}

# fails_with NAME PATTERN SQL...: the statements fail with an error matching PATTERN.
fails_with() {
  local name=$1 pattern=$2
  shift 2
  if c "$@" >"$work/out" 2>"$work/err"; then
    fail "$name: expected an error matching /$pattern/, but it succeeded"
  fi
  grep -qE "$pattern" "$work/err" || { cat "$work/err" >&2; fail "$name: the error does not match /$pattern/"; }
  ok "$name: $(grep -m 1 -E 'ERROR' "$work/err" | sed 's/^ERROR: *//')"
}

echo "==> Citus: build or reuse $(basename "$CITUS_TARBALL")"
citus_install
nodes_init
for n in coord w1 w2; do node_start "$n" citus; done
echo "coordinator on port $(node_port coord), workers on $(node_port w1) and $(node_port w2)"
# CREATE EXTENSION on every node (the workers first: Citus then finds
# textsense there when the coordinator's CREATE EXTENSION is propagated).
for n in w1 w2 coord; do node_sql "$n" "SET client_min_messages = warning" "CREATE EXTENSION citus"; done
for n in w1 w2; do node_sql "$n" "CREATE EXTENSION textsense"; done
c "SELECT citus_set_coordinator_host('127.0.0.1', $(node_port coord))" >/dev/null
for n in w1 w2; do c "SELECT citus_add_node('127.0.0.1', $(node_port "$n"))" >/dev/null; done
c "CREATE EXTENSION textsense"

versions=$(c "SELECT count(DISTINCT result), string_agg(DISTINCT result, ' ') FROM run_command_on_all_nodes(
                \$\$SELECT extversion || ' / ' || textsense_version() FROM pg_extension WHERE extname = 'textsense'\$\$)")
[ "${versions%%|*}" = 1 ] || fail "the nodes run different textsense versions: ${versions#*|}"
ok "textsense ${versions#*|} (extension / library) on the coordinator and both workers"

node_psql coord -v rows="$ROWS" -f "$TEXTSENSE_ROOT/examples/sample_reviews.sql" >/dev/null
c "SET citus.shard_count = $SHARDS" \
  "CREATE TABLE reviews_dist (LIKE reviews INCLUDING ALL)" \
  "SELECT create_distributed_table('reviews_dist', 'id')" \
  "INSERT INTO reviews_dist SELECT * FROM reviews" "ANALYZE reviews, reviews_dist" >/dev/null
placements=$(c "SELECT string_agg(n, ' ' ORDER BY n) FROM (SELECT nodeport || ':' || count(*) AS n FROM citus_shards
                WHERE table_name = 'reviews_dist'::regclass GROUP BY nodeport) s")
[ "$(c "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'reviews'::regclass")" = 0 ] ||
  fail "the single-server table reviews is a Citus table"
! c "EXPLAIN SELECT avg(sentiment(body)) FROM reviews" | grep -q Citus ||
  fail "Citus plans the single-server table's query"
echo "$ROWS reviews: a plain table (the single server) and a distributed one, $SHARDS shards (port:shards $placements)"

echo "==> 1. the same results, evaluated on the shards"
same "every row's sentiment()" \
  "SELECT id, sentiment(body) FROM reviews_dist ORDER BY id" \
  "SELECT id, sentiment(body) FROM reviews ORDER BY id"
pushed "every row's sentiment()" "SELECT id, sentiment(body) FROM reviews_dist" 'public\.sentiment\(body\)'
# avg() of float8 adds in a different order on the shards (partial sums per
# shard): equal to 1e-12, not bit for bit; avg() of numeric adds exactly.
read -r a_citus a_single a_diff <<<"$(c "SELECT (SELECT avg(sentiment(body)) FROM reviews_dist), (SELECT avg(sentiment(body)) FROM reviews)" \
  | awk -F'|' '{ d = $1 - $2; if (d < 0) d = -d; print $1, $2, d }')"
awk -v d="$a_diff" 'BEGIN { exit !(d <= 1e-12) }' ||
  fail "avg(sentiment(body)): Citus $a_citus, single server $a_single"
ok "avg(sentiment(body)): Citus $a_citus, single server $a_single (float sums in another order; |diff| $a_diff)"
same "avg(sentiment(body)::numeric) (exact)" \
  "SELECT avg(sentiment(body)::numeric) FROM reviews_dist" "SELECT avg(sentiment(body)::numeric) FROM reviews"
pushed "avg(sentiment(body))" "SELECT avg(sentiment(body)) FROM reviews_dist" \
  'SELECT sum\(public\.sentiment\(body\)\) AS avg, count\(public\.sentiment\(body\)\) AS avg FROM public\.reviews_dist_[0-9]+'
echo "     (Citus sends avg(sentiment(body)) as sum(sentiment(body)), count(sentiment(body)): two calls a row; bench/scale_out.sh counts and times it)"
# The form that calls sentiment() once a row and keeps avg()'s meaning: the
# score computed in a LATERAL subquery that OFFSET 0 keeps from being
# flattened (Citus pushes it down whole).
lateral_avg="SELECT avg(s.v) FROM reviews_dist r, LATERAL (SELECT sentiment(r.body) AS v OFFSET 0) s"
pushed "avg() over a LATERAL (SELECT sentiment(r.body) OFFSET 0)" "$lateral_avg" \
  'SELECT sum\(worker_column_1\) AS avg, count\(worker_column_1\) AS avg FROM \(SELECT s\.v AS worker_column_1 FROM public\.reviews_dist_[0-9]+ r, LATERAL \(SELECT public\.sentiment\(r\.body\) AS v OFFSET 0\) s\)'
read -r l_citus l_diff <<<"$(c "SELECT ($lateral_avg), (SELECT avg(sentiment(body)) FROM reviews WHERE id < 1000000)" |
  awk -F'|' '{ d = $1 - $2; if (d < 0) d = -d; print $1, d }')"
awk -v d="$l_diff" 'BEGIN { exit !(d <= 1e-12) }' || fail "the LATERAL form's average $l_citus differs from the single server's"
ok "the LATERAL form's average: $l_citus (|diff| $l_diff)"
pushed "sum(sentiment(body)) / count(body)" "SELECT sum(sentiment(body)) / count(body) FROM reviews_dist" \
  'SELECT sum\(public\.sentiment\(body\)\) AS "\?column\?", count\(body\) AS "\?column\?" FROM'
same "reviews per label (sentiment_detail() in a lateral join)" \
  "SELECT d.label, count(*) FROM reviews_dist r, sentiment_detail(r.body) d GROUP BY 1 ORDER BY 1" \
  "SELECT d.label, count(*) FROM reviews r, sentiment_detail(r.body) d GROUP BY 1 ORDER BY 1"
pushed "labels" "SELECT d.label, count(*) FROM reviews_dist r, sentiment_detail(r.body) d GROUP BY 1" \
  'count\(\*\) AS count FROM \(SELECT d\.label AS worker_column_1 FROM public\.reviews_dist_[0-9]+ r, LATERAL public\.sentiment_detail\(r\.body\)'
same "tokens per part of speech (pos_tag() in a lateral join)" \
  "SELECT p.upos, count(*), count(DISTINCT r.id) FROM reviews_dist r, pos_tag(r.body) p GROUP BY 1 ORDER BY 1" \
  "SELECT p.upos, count(*), count(DISTINCT r.id) FROM reviews r, pos_tag(r.body) p GROUP BY 1 ORDER BY 1"
pushed "pos_tag counts" "SELECT p.upos, count(*) FROM reviews_dist r, pos_tag(r.body) p GROUP BY 1" \
  'LATERAL public\.pos_tag\(r\.body\)'
if [ "$(c "SELECT to_regproc('detect_language') IS NOT NULL OR EXISTS (SELECT FROM pg_proc WHERE proname = 'detect_language')")" = t ]; then
  same "reviews per detect_language()" \
    "SELECT detect_language(body)::text, count(*) FROM reviews_dist GROUP BY 1 ORDER BY 1" \
    "SELECT detect_language(body)::text, count(*) FROM reviews GROUP BY 1 ORDER BY 1"
  pushed "detect_language()" "SELECT detect_language(body)::text, count(*) FROM reviews_dist GROUP BY 1" 'detect_language\(body\)'
else
  echo "     (no detect_language() in this textsense: not checked)"
fi

echo "==> 2. a stored generated column and an expression index on a distributed table"
c "ALTER TABLE reviews_dist ADD COLUMN score_generated double precision GENERATED ALWAYS AS (sentiment(body)) STORED"
c "INSERT INTO reviews_dist (id, product, created_at, body)
   SELECT id + 1000000, product, created_at, upper(body) FROM reviews WHERE id <= 200" >/dev/null
same "the generated column (ADD COLUMN on the distributed table, then 200 rows inserted)" \
  "SELECT id, score_generated FROM reviews_dist ORDER BY id" \
  "SELECT id, sentiment(body) FROM (SELECT id, body FROM reviews UNION ALL
   SELECT id + 1000000, upper(body) FROM reviews WHERE id <= 200) r ORDER BY id"
c "CREATE INDEX reviews_dist_sentiment ON reviews_dist ((sentiment(body)))" "ANALYZE reviews_dist"
n=$(c "SELECT count(*) FROM run_command_on_shards('reviews_dist',
        \$\$SELECT count(*) FROM pg_indexes WHERE tablename = '%s' AND indexdef LIKE '%%(sentiment(body))%%'\$\$)
      WHERE success AND result = '1'")
[ "$n" -eq "$SHARDS" ] || fail "the expression index exists on $n of $SHARDS shards"
c "EXPLAIN (COSTS OFF) SELECT id FROM reviews_dist WHERE sentiment(body) > 0.9" >"$work/explain"
grep -qE 'Index (Only )?Scan using reviews_dist_sentiment_[0-9]+|Bitmap Index Scan on reviews_dist_sentiment_[0-9]+' "$work/explain" ||
  { cat "$work/explain" >&2; fail "the shards do not use the expression index for WHERE sentiment(body) > 0.9"; }
ok "the expression index is on all $SHARDS shards and the shards' plans use it"
same "rows found through the index" \
  "SELECT id FROM reviews_dist WHERE sentiment(body) > 0.9 AND id < 1000000 ORDER BY id" \
  "SELECT id FROM reviews WHERE sentiment(body) > 0.9 ORDER BY id"

echo "==> 3. scoring existing rows: a distributed UPDATE"
c "ALTER TABLE reviews_dist ADD COLUMN score double precision"
pushed "UPDATE ... SET score = sentiment(body)" "UPDATE reviews_dist SET score = sentiment(body)" \
  'UPDATE public\.reviews_dist_[0-9]+ reviews_dist SET score = public\.sentiment\(body\)'
c "UPDATE reviews_dist SET score = sentiment(body)" >/dev/null
same "scores the UPDATE wrote" \
  "SELECT id, score FROM reviews_dist WHERE id < 1000000 ORDER BY id" \
  "SELECT id, sentiment(body) FROM reviews ORDER BY id"

echo "==> 4. scoring rows on insert"
c "CREATE TABLE inbox_generated (id bigint PRIMARY KEY, body text,
     score double precision GENERATED ALWAYS AS (sentiment(body)) STORED)" \
  "SELECT create_distributed_table('inbox_generated', 'id', colocate_with => 'reviews_dist')" \
  "INSERT INTO inbox_generated (id, body) SELECT id, body FROM reviews WHERE id % 2 = 0" \
  "INSERT INTO inbox_generated (id, body) VALUES (-1, 'Absolutely fantastic!'), (-2, NULL)" >/dev/null
node_psql coord -c "\\copy inbox_generated (id, body) FROM program 'echo \"-3,Terrible customer service.\"' (FORMAT csv)"
same "generated column filled by INSERT ... SELECT, INSERT ... VALUES and COPY" \
  "SELECT id, score FROM inbox_generated ORDER BY id" \
  "SELECT id, sentiment(body) FROM (SELECT id, body FROM reviews WHERE id % 2 = 0 UNION ALL
   VALUES (-1, 'Absolutely fantastic!'), (-2, NULL), (-3, 'Terrible customer service.')) r (id, body) ORDER BY id"
c "CREATE TABLE inbox (id bigint PRIMARY KEY, body text, score double precision)" \
  "SELECT create_distributed_table('inbox', 'id', colocate_with => 'reviews_dist')" >/dev/null
fails_with "a trigger without citus.enable_unsafe_triggers" 'triggers are not supported on distributed tables' \
  "CREATE TRIGGER inbox_score BEFORE INSERT OR UPDATE ON inbox
   FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score')"
c "SET citus.enable_unsafe_triggers = on" \
  "CREATE TRIGGER inbox_score BEFORE INSERT OR UPDATE ON inbox
   FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score')"
n=$(c "SELECT count(*) FROM run_command_on_shards('inbox',
        \$\$SELECT count(*) FROM pg_trigger WHERE tgrelid = '%s'::regclass AND tgname LIKE 'inbox_score%%'\$\$)
      WHERE success AND result = '1'")
[ "$n" -eq "$SHARDS" ] || fail "the trigger is on $n of $SHARDS shards"
c "INSERT INTO inbox (id, body) SELECT id, body FROM reviews WHERE id % 2 = 0" \
  "INSERT INTO inbox (id, body) VALUES (-1, 'Absolutely fantastic!'), (-2, NULL)" >/dev/null
node_psql coord -c "\\copy inbox (id, body) FROM program 'echo \"-3,Terrible customer service.\"' (FORMAT csv)"
ok "with citus.enable_unsafe_triggers = on the trigger is created on all $SHARDS shards"
same "trigger scores on INSERT ... SELECT, INSERT ... VALUES and COPY (the trigger runs on the shards)" \
  "SELECT id, score FROM inbox ORDER BY id" "SELECT id, score FROM inbox_generated ORDER BY id"
c "UPDATE inbox SET body = 'Not bad at all.' WHERE id = -1" >/dev/null
same "the trigger on UPDATE" "SELECT score FROM inbox WHERE id = -1" "SELECT sentiment('Not bad at all.')"

echo "==> 5. custom lexicons"
lexicon_sql="INSERT INTO textsense_lexicon (name, description) VALUES ('skate', 'skate shop');
  INSERT INTO textsense_lexicon_term (lexicon, term, valence) VALUES
    ('skate', 'sick', 2.5), ('skate', 'rude', 1), ('skate', 'rock solid', 3), ('skate', 'stunning', -2)"
single_custom="SELECT id, sentiment(body, 'en', 'skate') FROM reviews ORDER BY id"
c "BEGIN" "$lexicon_sql" "COMMIT"    # on the coordinator only
c "$single_custom" >"$work/single_custom.out"
cmp -s "$work/single_custom.out" <(c "SELECT id, sentiment(body) FROM reviews ORDER BY id") &&
  fail "the test lexicon changes no score"
fails_with "a lexicon on the coordinator only" 'no lexicon "skate".*|while executing command on 127\.0\.0\.1' \
  "SELECT avg(sentiment(body, 'en', 'skate')) FROM reviews_dist"
grep -q 'while executing command on 127.0.0.1' "$work/err" || fail "the error does not name the worker"
fails_with "create_reference_table() on the extension's lexicon table" 'because it has triggers' \
  "SELECT create_reference_table('textsense_lexicon')"
fails_with "the same with citus.enable_unsafe_triggers = on" 'relation "textsense_lexicon(_term)?" already exists' \
  "SET client_min_messages = error" "SET citus.enable_unsafe_triggers = on" \
  "SELECT create_reference_table('textsense_lexicon')"
[ "$(c "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'textsense_lexicon%'")" = 0 ] ||
  fail "a failed create_reference_table() left a lexicon table in Citus' metadata"
cmp -s "$work/single_custom.out" <(c "$single_custom") ||
  fail "the coordinator's lexicon scores differently after the failed create_reference_table()"
ok "after both failures the lexicon tables are unchanged, local tables"
c "DELETE FROM textsense_lexicon WHERE name = 'skate'"
# The supported way: the same statements on every node, in one call.
c "SELECT bool_and(success) FROM run_command_on_all_nodes(\$\$$lexicon_sql\$\$)" | grep -qx t ||
  fail "run_command_on_all_nodes() could not write the lexicon on every node"
lexicon_checksum="SELECT count(DISTINCT result) FROM run_command_on_all_nodes(\$\$
  SELECT md5(coalesce(string_agg(lexicon || '|' || term || '|' || valence, ',' ORDER BY lexicon, term), ''))
  FROM textsense_lexicon_term\$\$)"
[ "$(c "$lexicon_checksum")" = 1 ] || fail "the lexicon checksums differ between nodes after writing it on all"
ok "lexicon written on all 3 nodes with run_command_on_all_nodes(); one checksum on every node"
same "sentiment(body, 'en', 'skate') on the shards" \
  "SELECT id, sentiment(body, 'en', 'skate') FROM reviews_dist WHERE id < 1000000 ORDER BY id" "$single_custom"
pushed "the custom lexicon's sentiment()" "SELECT id, sentiment(body, 'en', 'skate') FROM reviews_dist" \
  "public\\.sentiment\\(body, 'en'::text, 'skate'::text\\)"
fails_with "UPDATE ... SET score = sentiment(body, 'en', 'skate') (a STABLE function of a column)" \
  'STABLE functions used in UPDATE queries cannot be called with column references' \
  "UPDATE reviews_dist SET score = sentiment(body, 'en', 'skate')"
c "CREATE TABLE custom_scores (id bigint PRIMARY KEY, score double precision)" \
  "SELECT create_distributed_table('custom_scores', 'id', colocate_with => 'reviews_dist')" >/dev/null
pushed "INSERT INTO a co-located table SELECT sentiment(body, 'en', 'skate')" \
  "INSERT INTO custom_scores SELECT id, sentiment(body, 'en', 'skate') FROM reviews_dist WHERE id < 1000000" \
  "INSERT INTO public\\.custom_scores_[0-9]+ .*public\\.sentiment\\(reviews_dist\\.body, 'en'::text, 'skate'::text\\)"
c "INSERT INTO custom_scores SELECT id, sentiment(body, 'en', 'skate') FROM reviews_dist WHERE id < 1000000" >/dev/null
same "custom scores through INSERT ... SELECT" "SELECT id, score FROM custom_scores ORDER BY id" "$single_custom"
c "SELECT bool_and(success) FROM run_command_on_shards('reviews_dist',
     \$\$UPDATE %s SET score = sentiment(body, 'en', 'skate')\$\$)" | grep -qx t ||
  fail "run_command_on_shards() could not UPDATE every shard"
same "custom scores by an UPDATE on every shard (run_command_on_shards)" \
  "SELECT id, score FROM reviews_dist WHERE id < 1000000 ORDER BY id" "$single_custom"
c "SET citus.enable_unsafe_triggers = on" "DROP TRIGGER inbox_score ON inbox" \
  "CREATE TRIGGER inbox_score BEFORE INSERT OR UPDATE ON inbox
   FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score', 'en', 'skate')" \
  "DELETE FROM inbox WHERE id > 0" "INSERT INTO inbox (id, body) SELECT id, body FROM reviews" >/dev/null
same "custom scores by the trigger with a lexicon" "SELECT id, score FROM inbox WHERE id > 0 ORDER BY id" "$single_custom"
# What goes wrong when a node's lexicon differs: scores differ silently,
# which only the cross-node checksum shows.
node_sql w2 "UPDATE textsense_lexicon_term SET valence = -1 WHERE lexicon = 'skate' AND term = 'rude'"
[ "$(c "$lexicon_checksum")" = 2 ] || fail "the checksum query misses a lexicon that differs on one worker"
cmp -s "$work/single_custom.out" <(c "SELECT id, sentiment(body, 'en', 'skate') FROM reviews_dist WHERE id < 1000000 ORDER BY id") &&
  fail "a different lexicon on one worker changed no score (the check would prove nothing)"
ok "a lexicon that differs on one worker changes scores without an error; the checksum query shows it"
node_sql w2 "UPDATE textsense_lexicon_term SET valence = 1 WHERE lexicon = 'skate' AND term = 'rude'"
[ "$(c "$lexicon_checksum")" = 1 ] || fail "the lexicons differ after restoring the worker's term"

echo "==> 6. a worker stopped in the middle of a query"
# About 2 s of pos_tag() on each worker.
slow="SELECT count(*), sum(p.ordinal) FROM reviews_dist r, generate_series(1, 10) g, pos_tag(r.body || g) p WHERE r.id < 1000000"
expected=$(c "SELECT count(*), sum(p.ordinal) FROM reviews r, generate_series(1, 10) g, pos_tag(r.body || g) p")
for mode in fast immediate; do
  status=0
  c "$slow" >"$work/slow.out" 2>"$work/slow.err" &
  query_pid=$!
  active=0
  for _ in $(seq 100); do
    active=$(node_sql w1 "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pos_tag%' AND state = 'active'
                          AND pid <> pg_backend_pid()")
    [ "$active" -gt 0 ] && break
    sleep 0.1
  done
  [ "$active" -gt 0 ] || fail "the query never ran on worker w1"
  node_stop w1 "$mode"
  wait "$query_pid" || status=$?
  [ "$status" -ne 0 ] || fail "the query succeeded although worker w1 stopped ($mode) during it: $(cat "$work/slow.out")"
  [ ! -s "$work/slow.out" ] || fail "the query printed a result although it failed: $(cat "$work/slow.out")"
  # The error names the worker's address: an ERROR (or its CONTEXT) from
  # the coordinator, or, when the worker's shutdown message reaches the
  # coordinator first (seen with a fast stop), the worker's FATAL with a
  # DETAIL naming it, which ends the client's session too.
  grep -qE "ERROR|FATAL" "$work/slow.err" &&
    grep -qE "(ERROR|CONTEXT|DETAIL): .*127\.0\.0\.1:$(node_port w1)" "$work/slow.err" ||
    { cat "$work/slow.err" >&2; fail "the error does not name the stopped worker (port $(node_port w1))"; }
  ok "worker stopped ($mode) during the query: no result; $(grep -E '^(ERROR|FATAL|DETAIL|CONTEXT)' "$work/slow.err" | tr '\n' ' ' | cut -c1-150)"
  node_pg_ctl w1 start
  got=$(c "$slow")
  [ "$got" = "$expected" ] || fail "after the restart the query returns $got instead of $expected"
  ok "worker restarted: the query returns the single server's result again ($got)"
done
echo "==> Citus test passed"
