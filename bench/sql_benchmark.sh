#!/usr/bin/env bash
# The throughput benchmark: textsense against PostgreSQL's own text search
# and the open-source npm peers, on the same texts, in one run.
#
#   bash bench/sql_benchmark.sh [rows]        (default 1000000)
#
# Installs what it needs (Debian packages, node + npm, the peers with npm
# into bench/node_modules, gnuplot), builds and installs the extension,
# starts a throwaway cluster and fills a table with `rows` rows of
# examples/sample_reviews.sql (deterministic review-like text: a few words
# to four paragraphs, 69 % with emoji or other non-ASCII text). Then, in
# rounds (ROUNDS, default 3) so that the VM's noise falls on every query
# alike, each in a fresh session whose models are already loaded, jit off:
#   sum(length(body))                    the floor: reading the rows
#   sum(length(to_tsvector('english', body)))  PostgreSQL's parser and
#                                        stemmer, the in-database baseline
#   sum(sentiment(body))
#   sum((sentiment_detail(body)).score)
#   count(*) FROM t, pos_tag(body)       on the first SAMPLE_ROWS rows
#                                        (default 100000): 10x the cost a row
# serially (max_parallel_workers_per_gather = 0) and with 2 parallel
# workers. The peers (bench/peers.mjs: vader-sentiment, sentiment (AFINN),
# wink-nlp with wink-eng-lite-web-model) score the first SAMPLE_ROWS texts,
# exported from the table, in one node process (vader-sentiment the first
# VADER_ROWS, default 20000); textsense is timed on the same texts.
#
# Prints medians, rows/s, MB/s (10^6 bytes of text) and each figure's
# per-row cost against to_tsvector's in the same run and mode, and the
# spread of the rounds ((max - min) / median). Writes bench/out/ (the raw
# timings), the chart bench/throughput.png and the section between the
# sql_benchmark markers in bench/RESULTS.md (NO_WRITE=1: print only).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rows=${1:-1000000}
rounds=${ROUNDS:-3}
sample_rows=${SAMPLE_ROWS:-100000}
vader_rows=${VADER_ROWS:-20000}
for n in "$rows" "$rounds" "$sample_rows" "$vader_rows"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [rows]  (ROUNDS, SAMPLE_ROWS, VADER_ROWS: positive integers)" >&2; exit 2; }
done
[ "$sample_rows" -le "$rows" ] || sample_rows=$rows

# The commit measured (the extension is built from the working tree below).
commit=$(git -C "$TEXTSENSE_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$TEXTSENSE_ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] && commit="$commit + local changes"
bench_dir=$TEXTSENSE_ROOT/bench
out=$bench_dir/out
mkdir -p "$out"

install_packages
missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
install_npm_peers
build_and_install_extension
use_free_port

# In the throwaway cluster: the tables, the texts for the peers, the timings.
run_in_cluster() {
  local rows=$1 rounds=$2 sample_rows=$3 out=$4
  psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" <<SQL
CREATE EXTENSION textsense;
SET jit = off;
\\i $TEXTSENSE_ROOT/examples/sample_reviews.sql
CREATE TABLE bench_docs AS SELECT id, body FROM reviews ORDER BY id;
DROP TABLE reviews;
CREATE TABLE bench_sample AS SELECT * FROM bench_docs WHERE id <= $sample_rows;
VACUUM ANALYZE bench_docs, bench_sample;
SQL
  for t in bench_docs bench_sample; do
    psql -X -At -F $'\t' -c "
      SELECT '$t', count(*), sum(octet_length(body)), round(avg(octet_length(body))),
             min(octet_length(body)), max(octet_length(body)),
             round(100.0 * count(*) FILTER (WHERE octet_length(body) <> length(body)) / count(*))
      FROM $t"
  done > "$out/tables.tsv"
  psql -X -At -c "SELECT to_json(body) FROM bench_sample ORDER BY id" > "$out/sample.jsonl"
  {
    echo "server_version	$(psql -X -At -c 'SHOW server_version')"
    echo "textsense	$(psql -X -At -c 'SELECT textsense_version()')"
  } > "$out/versions.tsv"

  local serial="SET max_parallel_workers_per_gather = 0;"
  # Zero setup and tuple costs: the 100,000-row sample gets a parallel plan
  # too (the 1M-row table gets one with the defaults).
  local parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0;
    SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
  # name|table|query
  local queries=(
    "floor|bench_docs|SELECT sum(length(body)) FROM bench_docs"
    "to_tsvector|bench_docs|SELECT sum(length(to_tsvector('english', body))) FROM bench_docs"
    "sentiment|bench_docs|SELECT sum(sentiment(body)) FROM bench_docs"
    "sentiment_detail|bench_docs|SELECT sum((sentiment_detail(body)).score) FROM bench_docs"
    "pos_tag|bench_sample|SELECT count(*) FROM bench_sample, pos_tag(body)"
    "sentiment_sample|bench_sample|SELECT sum(sentiment(body)) FROM bench_sample"
    "tokens_sample|bench_sample|SELECT count(*) FROM bench_sample, tokens(body)"
    "to_tsvector_sample|bench_sample|SELECT sum(length(to_tsvector('english', body))) FROM bench_sample"
  )
  : > "$out/timings.tsv"
  local r q name table sql mode settings workers line
  for r in $(seq "$rounds"); do
    for q in "${queries[@]}"; do
      IFS='|' read -r name table sql <<<"$q"
      for mode in serial parallel; do
        [[ $name == *_sample && $mode == parallel ]] && continue
        settings=$serial; [ "$mode" = parallel ] && settings=$parallel
        # A fresh session that has loaded both models, then the timed query.
        line=$(psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SET jit = off;
$settings
SELECT count(*) FROM pos_tag('warm up'), sentiment('warm up') s \\g /dev/null
\\timing on
$sql;
SQL
)
        local ms result
        ms=$(grep '^Time: ' <<<"$line" | awk '{ print $2 }')
        result=$(grep -v '^Time: ' <<<"$line" | tail -n 1)
        workers=0
        if [ "$mode" = parallel ] && [ "$r" = 1 ]; then
          workers=$(psql -X -At <<<"SET jit = off; $settings EXPLAIN (COSTS OFF) $sql" |
                    grep -oE 'Workers Planned: [0-9]+' | grep -oE '[0-9]+' || echo 0)
          echo "$name	workers_planned	$workers" >> "$out/plans.tsv"
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mode" "$table" "$r" "$ms" "$result" >> "$out/timings.tsv"
        printf '  round %s  %-17s %-8s %10.1f ms\n' "$r" "$name" "$mode" "$ms"
      done
    done
  done
}

echo "==> $rows rows on a throwaway cluster (port $PGPORT), $rounds rounds"
rm -f "$out/plans.tsv"
with_throwaway_cluster bash -c "set -euo pipefail; TEXTSENSE_ROOT=$(printf %q "$TEXTSENSE_ROOT");
  $(declare -f run_in_cluster); run_in_cluster $rows $rounds $sample_rows $(printf %q "$out")"

echo "==> the npm peers on the first $sample_rows texts (vader-sentiment: $vader_rows), $rounds rounds"
(cd "$bench_dir" && node peers.mjs "$out/sample.jsonl" "$rounds" "$vader_rows") | tee "$out/peers.tsv"

# The report: a Markdown section and the chart's data.
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
node_version=$(node --version)
awk -F'\t' -v rows="$rows" -v sample_rows="$sample_rows" -v rounds="$rounds" \
    -v commit="$commit" -v date="$(date -u +%Y-%m-%d)" -v cpu="$cpu" -v ncpu="$(nproc)" \
    -v node_version="$node_version" -v chart_texts="$out/chart_texts.dat" -v chart_tokens="$out/chart_tokens.dat" '
  function median(key,   n, i, j, t, a) {
    n = split(times[key], a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function spread(key,   n, i, lo, hi, a) {
    n = split(times[key], a, " "); lo = hi = a[1]
    for (i = 2; i <= n; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
    return 100 * (hi - lo) / median(key)
  }
  FILENAME ~ /tables.tsv$/ { nrows[$1] = $2; bytes[$1] = $3; avgb[$1] = $4; minb[$1] = $5; maxb[$1] = $6; nonascii[$1] = $7; next }
  FILENAME ~ /versions.tsv$/ { ver[$1] = $2; next }
  FILENAME ~ /plans.tsv$/ { planned[$1] = $3; next }
  FILENAME ~ /timings.tsv$/ { key = $1 SUBSEP $2; times[key] = times[key] " " $5; tbl[$1] = $3; res[key] = $6; next }
  FILENAME ~ /peers.tsv$/ { pn++; pname[pn] = $1; ptask[pn] = $2; ptexts[pn] = $3; ptokens[pn] = $4; pms[pn] = $5; prounds[pn] = $6; next }
  END {
    tags = res["pos_tag" SUBSEP "serial"]; sample_tokens = res["tokens_sample" SUBSEP "serial"]
    printf "## Throughput against to_tsvector and the npm peers\n\n"
    printf "`bash bench/sql_benchmark.sh %d` (%s, commit %s; %s, %d CPUs; PostgreSQL %s, textsense %s, node %s; jit off; median of %d rounds, interleaved, each query in a fresh session with the models loaded).\n\n",
      rows, date, commit, cpu, ncpu, ver["server_version"], ver["textsense"], node_version, rounds
    printf "Data: `examples/sample_reviews.sql`, %d rows, %.1f MB of text (%d bytes a row on average, %d to %d; %d %% with emoji or other non-ASCII text). `pos_tag` and the same-texts comparison use the first %d rows (%.1f MB, %d tokens as textsense counts them).\n\n",
      nrows["bench_docs"], bytes["bench_docs"] / 1e6, avgb["bench_docs"], minb["bench_docs"], maxb["bench_docs"], nonascii["bench_docs"],
      nrows["bench_sample"], bytes["bench_sample"] / 1e6, sample_tokens
    printf "### In the database\n\n"
    printf "| query | workers | rows | median ms | rows/s | MB/s | cost a row / to_tsvector | spread |\n|---|---|---|---|---|---|---|---|\n"
    split("floor to_tsvector sentiment sentiment_detail pos_tag", order, " ")
    for (m = 1; m <= 2; m++) {
      mode = (m == 1) ? "serial" : "parallel"
      tsv = median("to_tsvector" SUBSEP mode) / nrows[tbl["to_tsvector"]]
      for (i = 1; i <= 5; i++) {
        q = order[i]; key = q SUBSEP mode; if (!(key in times)) continue
        n = nrows[tbl[q]]; ms = median(key)
        label = (q == "floor") ? "`sum(length(body))`" : (q == "to_tsvector") ? "`to_tsvector(\x27english\x27, body)`" : (q == "pos_tag") ? "`count(*)` over `pos_tag(body)`" : "`" q "(body)`"
        printf "| %s | %s | %d | %.0f | %.0f | %.2f | %s | %.0f %% |\n", label, (mode == "serial") ? "0" : planned[q], n, ms, n / (ms / 1000), bytes[tbl[q]] / 1e6 / (ms / 1000),
          (q == "to_tsvector") ? "1" : sprintf("%.3f", (ms / n) / tsv), spread(key)
        if (mode == "serial") serial_rate[q] = n / (ms / 1000)
        else parallel_rate[q] = n / (ms / 1000)
      }
    }
    ss = median("sentiment_sample" SUBSEP "serial"); ps = median("pos_tag" SUBSEP "serial")
    ts_sent = nrows["bench_sample"] / (ss / 1000)
    ts_pos = nrows["bench_sample"] / (ps / 1000)
    printf "\n### Against the npm peers, on the same %d texts, one core each\n\n", nrows["bench_sample"]
    printf "| system | task | texts | median ms | texts/s | tokens/s | textsense / this |\n|---|---|---|---|---|---|---|\n"
    printf "| textsense `sentiment(body)`, serial SQL | sentiment | %d | %.0f | %.0f | %.0f | 1 |\n", nrows["bench_sample"], ss, ts_sent, sample_tokens / (ss / 1000)
    best_sent = 0; best_pos = 0
    for (i = 1; i <= pn; i++) {
      if (ptask[i] != "sentiment") continue
      rate = ptexts[i] / (pms[i] / 1000)
      printf "| %s | sentiment | %d | %.0f | %.0f | %.0f | %.1fx |\n", pname[i], ptexts[i], pms[i], rate, ptokens[i] / (pms[i] / 1000), ts_sent / rate
      if (rate > best_sent) { best_sent = rate; best_sent_name = pname[i] }
      if (pname[i] == "vader-sentiment") vader = rate
      peer_rate[pname[i]] = rate
    }
    tv = median("to_tsvector_sample" SUBSEP "serial")
    printf "| PostgreSQL `to_tsvector(\x27english\x27, body)`, serial SQL | parsing, stemming | %d | %.0f | %.0f | | %.1fx |\n", nrows["bench_sample"], tv, nrows["bench_sample"] / (tv / 1000), tv / ss
    printf "| textsense `pos_tag(body)`, serial SQL | tagging | %d | %.0f | %.0f | %.0f | 1 |\n", nrows["bench_sample"], ps, ts_pos, tags / (ps / 1000)
    for (i = 1; i <= pn; i++) {
      if (ptask[i] != "pos") continue
      rate = ptexts[i] / (pms[i] / 1000); trate = ptokens[i] / (pms[i] / 1000)
      printf "| %s | tagging | %d | %.0f | %.0f | %.0f | %.1fx (tokens/s: %.1fx) |\n", pname[i], ptexts[i], pms[i], rate, trate, ts_pos / rate, (tags / (ps / 1000)) / trate
      if (trate > best_pos) { best_pos = trate; best_pos_name = pname[i]; best_pos_texts = rate }
    }
    printf "\nTokens: each system counts its own (textsense: %d for these texts; the npm rows: wink-nlp'"'"'s tokenizer). The peers run in one node process (bench/peers.mjs); textsense'"'"'s figures include PostgreSQL reading the rows.\n\n", tags
    printf "### Targets (ratios in this run, one core)\n\n"
    r1 = (median("sentiment" SUBSEP "serial") / nrows["bench_docs"]) / (median("to_tsvector" SUBSEP "serial") / nrows["bench_docs"])
    printf "| target | measured | |\n|---|---|---|\n"
    printf "| `sentiment(body)` costs at most 0.25x of `to_tsvector` a row | %.3fx | %s |\n", r1, (r1 <= 0.25) ? "met" : "**missed**"
    printf "| at least 3x the fastest npm sentiment peer (%s) | %.1fx | %s |\n", best_sent_name, ts_sent / best_sent, (ts_sent / best_sent >= 3) ? "met" : "**missed**"
    printf "| at least 100x vader-sentiment | %.0fx | %s |\n", ts_sent / vader, (ts_sent / vader >= 100) ? "met" : "**missed**"
    printf "| `pos_tag` at least 2x the tokens/s of the fastest npm tagger (%s) | %.1fx (texts/s: %.1fx) | %s |\n", best_pos_name, (tags / (ps / 1000)) / best_pos, ts_pos / best_pos_texts, ((tags / (ps / 1000)) / best_pos >= 2) ? "met" : "**missed**"
    printf "\nNoise: the spread column is (slowest - fastest) / median of the %d rounds; npm rounds (ms):", rounds
    for (i = 1; i <= pn; i++) printf " %s %s %s;", pname[i], ptask[i], prounds[i]
    printf "\n"
    # The chart: system, texts/s (one core) for the sentiment panel and tokens/s for the tagging panel.
    printf "\"textsense\\nsentiment()\"\t%.0f\t1\n", ts_sent > chart_texts
    printf "\"PostgreSQL\\nto_tsvector()\"\t%.0f\t2\n", nrows["bench_sample"] / (median("to_tsvector_sample" SUBSEP "serial") / 1000) > chart_texts
    for (i = 1; i <= pn; i++) if (ptask[i] == "sentiment") { n = pname[i]; sub(/ /, "\\n", n); printf "\"%s\"\t%.0f\t3\n", n, peer_rate[pname[i]] > chart_texts }
    printf "\"textsense\\npos_tag()\"\t%.0f\t1\n", tags / (ps / 1000) > chart_tokens
    for (i = 1; i <= pn; i++) if (ptask[i] == "pos") printf "\"%s\\n(pos)\"\t%.0f\t3\n", pname[i], ptokens[i] / (pms[i] / 1000) > chart_tokens
  }' "$out/tables.tsv" "$out/versions.tsv" "$out/plans.tsv" "$out/timings.tsv" "$out/peers.tsv" > "$out/section.md"
echo
cat "$out/section.md"

[ "${NO_WRITE:-0}" = 1 ] && exit 0
gnuplot -e "texts='$out/chart_texts.dat'; tokens='$out/chart_tokens.dat'; outfile='$bench_dir/throughput.png'; subtitle='$rows rows, commit $commit, $(date -u +%Y-%m-%d)'" "$bench_dir/throughput.gp"
echo "==> wrote bench/throughput.png"
# Replace the section between the markers in bench/RESULTS.md.
results=$bench_dir/RESULTS.md
begin='<!-- sql_benchmark:begin (written by bench/sql_benchmark.sh) -->'
end='<!-- sql_benchmark:end -->'
if ! grep -qF "$begin" "$results"; then printf '\n%s\n%s\n' "$begin" "$end" >> "$results"; fi
awk -v begin="$begin" -v end="$end" -v section="$out/section.md" '
  $0 == begin { print; while ((getline l < section) > 0) print l; print ""; print "![Throughput per system](throughput.png)"; skip = 1; next }
  $0 == end { skip = 0 }
  !skip' "$results" > "$results.new" && mv "$results.new" "$results"
echo "==> updated bench/RESULTS.md"
