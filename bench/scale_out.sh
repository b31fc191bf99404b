#!/usr/bin/env bash
# What scaling out costs: the same reviews (examples/sample_reviews.sql) on
# one server, on Citus (a coordinator and two workers, 32 shards) and on two
# postgres_fdw shards behind a router, all started here on loopback ports
# (scripts/citus.sh). Times, median of $ROUNDS runs (default 3), with
# rows/s and the ratio to the single server measured in the same run:
#   sentiment: avg(sentiment(body)) over every row, and the forms that
#     avoid Citus' double evaluation (it sends avg(x) as sum(x), count(x));
#   pos_tag: count(*) of pos_tag(body) over every tenth row (id % 10 = 0).
# Prints what the Citus workers and the fdw shards are sent (EXPLAIN
# VERBOSE), the table (markdown, for bench/RESULTS.md) and what a billion
# texts a day needs from the measured per-core rates.
# Usage: bench/scale_out.sh [rows] (default 1000000). Needs textsense
# installed; Citus is built or reused by scripts/citus.sh (without the
# vendored tarball only the single server and the fdw shards run).
# The servers share this machine's cores: on 2 cores, the single server's
# "2 workers" plan, Citus' two workers and the two fdw shards each use both.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/citus.sh"
rows=${1:-1000000}
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [rows]" >&2; exit 2; }
ROUNDS=${ROUNDS:-3}
[ -f "$("$PG_BIN/pg_config" --sharedir)/extension/textsense.control" ] ||
  { echo "textsense is not installed (scripts/demo.sh or make install)" >&2; exit 1; }

trap nodes_stop_all EXIT
with_citus=0
if citus_available; then citus_install; with_citus=1; else echo "(no Citus tarball at $CITUS_TARBALL: Citus is left out)"; fi
nodes_init
if [ "$with_citus" -eq 1 ]; then
  for n in coord w1 w2; do node_start "$n" citus; done
else
  node_start coord
fi
for n in s1 s2; do node_start "$n"; done

t0=$(date +%s)
echo "==> loading $rows reviews (single server: coord's table reviews; Citus: reviews_dist; fdw: reviews_fdw)"
node_psql coord -v rows="$rows" -c "CREATE EXTENSION textsense" -f "$TEXTSENSE_ROOT/examples/sample_reviews.sql" >/dev/null
if [ "$with_citus" -eq 1 ]; then
  for n in w1 w2 coord; do node_sql "$n" "SET client_min_messages = warning" "CREATE EXTENSION citus"; done
  for n in w1 w2; do node_sql "$n" "CREATE EXTENSION textsense"; done
  node_sql coord "SELECT citus_set_coordinator_host('127.0.0.1', $(node_port coord))" >/dev/null
  for n in w1 w2; do node_sql coord "SELECT citus_add_node('127.0.0.1', $(node_port "$n"))" >/dev/null; done
  node_sql coord "CREATE TABLE reviews_dist (LIKE reviews INCLUDING ALL)" \
    "SELECT create_distributed_table('reviews_dist', 'id')" \
    "INSERT INTO reviews_dist SELECT * FROM reviews" >/dev/null
  node_sql coord "VACUUM ANALYZE reviews_dist"
fi
for n in s1 s2; do node_psql "$n" -f "$TEXTSENSE_ROOT/test/scale_out/fdw_shard.sql"; done
node_psql coord -v s1_port="$(node_port s1)" -v s2_port="$(node_port s2)" \
  -c "SET client_min_messages = warning" -f "$TEXTSENSE_ROOT/test/scale_out/fdw_router.sql"
node_sql coord "ALTER SERVER shard_1 OPTIONS (SET batch_size '10000')" \
  "ALTER SERVER shard_2 OPTIONS (SET batch_size '10000')" \
  "INSERT INTO reviews_fdw SELECT * FROM reviews" "VACUUM ANALYZE reviews" >/dev/null
for n in s1 s2; do node_sql "$n" "VACUUM ANALYZE reviews"; done
read -r n mb avg_b <<<"$(node_sql coord "SELECT count(*), round(sum(octet_length(body)) / 1e6, 1), round(avg(octet_length(body)))
                                          FROM reviews" | tr '|' ' ')"
n_tag=$(node_sql coord "SELECT count(*) FROM reviews WHERE id % 10 = 0")
echo "loaded in $(( $(date +%s) - t0 )) s: $n rows, $mb MB of text (avg $avg_b bytes); pos_tag on $n_tag rows (id % 10 = 0)"
echo "PostgreSQL $(node_sql coord 'SHOW server_version'), $(nproc) CPUs; textsense $(node_sql coord 'SELECT textsense_version()')$(
  [ "$with_citus" -eq 1 ] && echo "; Citus $(node_sql coord "SELECT extversion FROM pg_extension WHERE extname = 'citus'")")"

serial="SET max_parallel_workers_per_gather = 0;"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;"
# The per-shard forms postgres_fdw sends whole to each shard (PostgreSQL 15
# sends no partial aggregate for a partitioned table).
fdw_avg="SELECT sum(s) / sum(c) FROM (SELECT sum(sentiment(body)) s, count(sentiment(body)) c FROM reviews_fdw_1 UNION ALL SELECT sum(sentiment(body)), count(sentiment(body)) FROM reviews_fdw_2) x"
fdw_avg1="SELECT sum(s) / sum(c) FROM (SELECT sum(sentiment(body)) s, count(body) c FROM reviews_fdw_1 UNION ALL SELECT sum(sentiment(body)), count(body) FROM reviews_fdw_2) x"

# name|rows the query scores|settings|query
cases=(
  "single, serial|$n|$serial|SELECT avg(sentiment(body)) FROM reviews"
  "single, 2 parallel workers|$n|$parallel|SELECT avg(sentiment(body)) FROM reviews"
  "single, serial: sum(sentiment(body)), count(sentiment(body)) (what Citus sends)|$n|$serial|SELECT sum(sentiment(body)), count(sentiment(body)) FROM reviews"
)
[ "$with_citus" -eq 1 ] && cases+=(
  "Citus: avg(sentiment(body))|$n||SELECT avg(sentiment(body)) FROM reviews_dist"
  "Citus: sum(sentiment(body)) / count(body)|$n||SELECT sum(sentiment(body)) / count(body) FROM reviews_dist"
  "Citus: avg(s) FROM (SELECT sentiment(body) s ...)|$n||SELECT avg(s) FROM (SELECT sentiment(body) AS s FROM reviews_dist) x"
  "Citus: avg(s.v) FROM r, LATERAL (SELECT sentiment(r.body) v OFFSET 0) s|$n||SELECT avg(s.v) FROM reviews_dist r, LATERAL (SELECT sentiment(r.body) AS v OFFSET 0) s"
)
cases+=(
  "fdw: avg(sentiment(body)) over reviews_fdw (router scores)|$n||SELECT avg(sentiment(body)) FROM reviews_fdw"
  "fdw: sum(sentiment(body)), count(sentiment(body)) per shard, UNION ALL (shards score)|$n||$fdw_avg"
  "fdw: sum(sentiment(body)), count(body) per shard, UNION ALL (shards score)|$n||$fdw_avg1"
  "pos_tag single, serial|$n_tag|$serial|SELECT count(*) FROM reviews r, pos_tag(r.body) p WHERE r.id % 10 = 0"
  "pos_tag single, 2 parallel workers|$n_tag|$parallel|SELECT count(*) FROM reviews r, pos_tag(r.body) p WHERE r.id % 10 = 0"
)
[ "$with_citus" -eq 1 ] && cases+=(
  "pos_tag Citus|$n_tag||SELECT count(*) FROM reviews_dist r, pos_tag(r.body) p WHERE r.id % 10 = 0")
cases+=(
  "pos_tag fdw: lateral over reviews_fdw (router tags)|$n_tag||SELECT count(*) FROM reviews_fdw r, pos_tag(r.body) p WHERE r.id % 10 = 0"
  "pos_tag fdw: the shards' review_tags views|$n_tag||SELECT count(*) FROM review_tags_fdw WHERE id % 10 = 0"
)

echo
echo "==> what the shards are sent (EXPLAIN VERBOSE: Citus task queries, fdw Remote SQL)"
for c in "${cases[@]}"; do
  IFS='|' read -r name _ settings query <<<"$c"
  [[ $name == single* || $name == "pos_tag single"* ]] && continue
  echo "$name:"
  node_sql coord "SET citus.explain_all_tasks = off" "EXPLAIN (VERBOSE, COSTS OFF) $query" 2>/dev/null |
    { grep -E '^ *(Query|Remote SQL|Function Call):' || true; } | sort -u | sed 's/^ */    /' | cut -c1-220
done

# Median of $ROUNDS runs in one session, after one untimed run of a cheap
# scan of the same table (page cache) and a short call that loads the models.
median_ms() {
  local settings=$1 query=$2 out table
  case $query in
    *_fdw*) table=reviews_fdw ;;
    *reviews_dist*) table=reviews_dist ;;
    *) table=reviews ;;
  esac
  out=$(node_psql coord -At <<SQL
SET jit = off;
$settings
SELECT count(*), sum(length(id::text)) FROM $table;
SELECT sentiment('warm up'), (SELECT count(*) FROM pos_tag('warm up'));
\\timing on
$(for _ in $(seq "$ROUNDS"); do echo "$query;"; done)
SQL
)
  echo "$(grep '^Time: ' <<<"$out" | awk '{ print $2 }' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') $(grep -v '^Time: ' <<<"$out" | tail -n 1)"
}

echo
echo "==> timing, median of $ROUNDS runs (the 1-minute load average before and after each: this"
echo "    machine's other work shares the same cores, and the ratios assume it was quiet)"
results=()
for c in "${cases[@]}"; do
  IFS='|' read -r name nrows settings query <<<"$c"
  l0=$(cut -d' ' -f1 /proc/loadavg)
  read -r ms res <<<"$(median_ms "$settings" "$query")"
  l1=$(cut -d' ' -f1 /proc/loadavg)
  printf '  %-85s %10.1f ms  result %s  (load %s -> %s)\n' "$name" "$ms" "$res" "$l0" "$l1"
  results+=("$name|$nrows|$ms|$l0-$l1")
done

echo
echo "| configuration | rows | median ms | rows/s | vs single serial | vs single, 2 workers | 1-min load before-after |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}" | awk -F'|' '
  { name[NR] = $1; n[NR] = $2; ms[NR] = $3; load[NR] = $4
    if ($1 == "single, serial") s_sent = $2 / $3; if ($1 == "single, 2 parallel workers") p_sent = $2 / $3
    if ($1 == "pos_tag single, serial") s_tag = $2 / $3; if ($1 == "pos_tag single, 2 parallel workers") p_tag = $2 / $3 }
  END { for (i = 1; i <= NR; i++) {
          r = n[i] / ms[i]; s = (name[i] ~ /^pos_tag/) ? s_tag : s_sent; p = (name[i] ~ /^pos_tag/) ? p_tag : p_sent
          printf "| %s | %d | %.0f | %.0f | %.2fx | %.2fx | %s |\n", name[i], n[i], ms[i], r * 1000, r / s, r / p, load[i] } }'

# A billion texts a day: 1e9 / 86400 = 11,574 texts/s on average.
echo
printf '%s\n' "${results[@]}" | awk -F'|' -v cpus="$(nproc)" '
  $1 == "single, serial" { sent = $2 / $3 * 1000 }
  $1 == "pos_tag single, serial" { tag = $2 / $3 * 1000 }
  $1 ~ /^Citus: avg\(s\.v\)/ { citus = $2 / $3 * 1000 }
  $1 == "pos_tag Citus" { citus_tag = $2 / $3 * 1000 }
  END {
    need = 1e9 / 86400
    printf "Per core (single server, serial): sentiment() %.0f texts/s, pos_tag() %.0f texts/s.\n", sent, tag
    if (citus > 0) printf "Citus, 2 workers on %d cores: sentiment() %.0f texts/s (%.2f per core of the single serial rate), pos_tag() %.0f texts/s (%.2f).\n", cpus, citus, citus / cpus / sent, citus_tag, citus_tag / cpus / tag
    printf "A billion texts a day (%.0f texts/s on average) needs, in function time alone:\n", need
    printf "  sentiment(): %.2f cores on average, %.2f at a 3x peak, %.2f at 10x\n", need / sent, 3 * need / sent, 10 * need / sent
    printf "  pos_tag():   %.2f cores on average, %.2f at a 3x peak, %.2f at 10x\n", need / tag, 3 * need / tag, 10 * need / tag
    printf "  both:        %.2f cores on average, %.2f at a 3x peak, %.2f at 10x\n", need / sent + need / tag, 3 * (need / sent + need / tag), 10 * (need / sent + need / tag) }'

# How often each form calls sentiment() per row, counted rather than
# inferred from timings: track_functions = 'all' counts C functions too.
# On every node, over the first 10,000 ids; Citus' connections are not
# cached here, so each worker backend exits and reports its counts.
echo
echo "==> sentiment() calls per row (pg_stat_user_functions, track_functions = all; 10,000 rows)"
stat_nodes=(coord)
[ "$with_citus" -eq 1 ] && stat_nodes+=(w1 w2)
for n in "${stat_nodes[@]}" s1 s2; do
  node_sql "$n" "ALTER SYSTEM SET track_functions = 'all'" "SELECT pg_reload_conf()" >/dev/null
done
sleep 1
count_calls() {
  local name=$1 query=$2 total=0 n c
  for n in "${stat_nodes[@]}" s1 s2; do node_sql "$n" "SELECT pg_stat_reset()" >/dev/null; done
  node_sql coord "SET max_parallel_workers_per_gather = 0" \
    "$( [ "$with_citus" -eq 1 ] && echo 'SET citus.max_cached_conns_per_worker = 0' || echo 'SELECT 1')" \
    "$query" "SELECT pg_stat_force_next_flush()" >/dev/null
  sleep 1.5
  for n in "${stat_nodes[@]}" s1 s2; do
    c=$(node_sql "$n" "SELECT coalesce(sum(calls), 0) FROM pg_stat_user_functions WHERE funcname = 'sentiment'")
    total=$((total + c))
  done
  printf '  %-60s %6.2f calls a row\n' "$name" "$(awk -v t="$total" 'BEGIN { print t / 10000 }')"
}
count_calls "single: avg(sentiment(body))" "SELECT avg(sentiment(body)) FROM reviews WHERE id <= 10000"
count_calls "single: sum(sentiment(body)), count(sentiment(body))" \
  "SELECT sum(sentiment(body)), count(sentiment(body)) FROM reviews WHERE id <= 10000"
if [ "$with_citus" -eq 1 ]; then
  count_calls "Citus: avg(sentiment(body))" "SELECT avg(sentiment(body)) FROM reviews_dist WHERE id <= 10000"
  count_calls "Citus: sum(sentiment(body)) / count(body)" "SELECT sum(sentiment(body)) / count(body) FROM reviews_dist WHERE id <= 10000"
  count_calls "Citus: avg(s) FROM (SELECT sentiment(body) s ...)" \
    "SELECT avg(s) FROM (SELECT sentiment(body) AS s FROM reviews_dist WHERE id <= 10000) x"
  count_calls "Citus: avg(s.v) FROM r, LATERAL (SELECT sentiment(r.body) v OFFSET 0) s" \
    "SELECT avg(s.v) FROM reviews_dist r, LATERAL (SELECT sentiment(r.body) AS v OFFSET 0) s WHERE r.id <= 10000"
fi
count_calls "fdw: sum(sentiment(body)), count(sentiment(body)) per shard" \
  "SELECT sum(s) / sum(c) FROM (SELECT sum(sentiment(body)) s, count(sentiment(body)) c FROM reviews_fdw_1 WHERE id <= 10000 UNION ALL SELECT sum(sentiment(body)), count(sentiment(body)) FROM reviews_fdw_2 WHERE id <= 10000) x"
count_calls "fdw: sum(sentiment(body)), count(body) per shard" \
  "SELECT sum(s) / sum(c) FROM (SELECT sum(sentiment(body)) s, count(body) c FROM reviews_fdw_1 WHERE id <= 10000 UNION ALL SELECT sum(sentiment(body)), count(body) FROM reviews_fdw_2 WHERE id <= 10000) x"
