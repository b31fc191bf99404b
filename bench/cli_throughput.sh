#!/usr/bin/env bash
# The CLI against the npm sentiment peers on the same texts, in one run:
# the four VADER dev sets of ../shared/data (tweets, movie and product
# review snippets, editorial snippets: about 100 bytes a text) repeated to
# about MB megabytes (default 20), one text a line.
#   textsense sentiment              automatic language (the default), on
#                                    every CPU (the CLI's default --threads),
#   textsense sentiment --threads 1  the same on one thread, and
#   textsense sentiment --lang en    the explicit language, every CPU,
# timed from process start to exit (reading the file, loading the models,
# writing a score a line to /dev/null); and bench/peers.mjs in one node
# process, timed inside it around the scoring loop alone (file reading and
# JSON parsing not counted): vader-sentiment (on the first 20,000 texts),
# sentiment (AFINN word sums), wink-nlp, each on one thread (none of them
# has a multi-threaded mode). ROUNDS rounds (default 3), interleaved;
# medians. Prints texts/s and textsense's ratios to each peer, on every CPU
# and on one thread.
# Needs a build (cmake --build build), node and npm (installs the pinned
# peers into bench/node_modules, ignored by git, as bench/sql_benchmark.sh
# does).
# Usage: bash bench/cli_throughput.sh [MB]
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
megabytes=${1:-20}
rounds=${ROUNDS:-3}
[[ $megabytes =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [MB]" >&2; exit 2; }
data="$TEXTSENSE_ROOT/../shared/data/sentiment_dev/vader_groundtruth_dev"
[ -d "$data" ] || { echo "skipped: $data not found (../shared/data)" >&2; exit 0; }
cli="$TEXTSENSE_ROOT/build/textsense"
[ -x "$cli" ] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 1; }
bench_dir="$TEXTSENSE_ROOT/bench"
command -v node >/dev/null || install_debian_packages nodejs npm
install_npm_peers

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in tweets_dev movieReviewSnippets_dev amazonReviewSnippets_dev nytEditorialSnippets_dev; do
  cut -f3 "$data/$f.tsv"
done | grep -v '^$' >"$work/once.txt"
: >"$work/texts.txt"
while [ "$(stat -c %s "$work/texts.txt")" -lt $((megabytes * 1000000)) ]; do
  cat "$work/once.txt" >>"$work/texts.txt"
done
texts=$(wc -l <"$work/texts.txt")
bytes=$(stat -c %s "$work/texts.txt")
# The same lines as JSON strings for bench/peers.mjs.
python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    print(json.dumps(line.rstrip("\n")))' "$work/texts.txt" >"$work/texts.jsonl"
echo "CLI throughput: $texts texts, $bytes bytes ($(awk -v b="$bytes" -v n="$texts" 'BEGIN { printf "%.0f", b / n }') a text), $rounds rounds"
echo "date $(date -u '+%Y-%m-%d %H:%M:%S UTC'); git $(git -C "$TEXTSENSE_ROOT" rev-parse --short HEAD); $(nproc) CPUs; node $(node --version)"

ms_of() {  # command...: wall-clock milliseconds
  local start end
  start=$(date +%s%N)
  "$@" <"$work/texts.txt" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
declare -A runs
for ((r = 1; r <= rounds; ++r)); do
  runs[auto]+=" $(ms_of "$cli" sentiment --no-header)"
  runs[auto1]+=" $(ms_of "$cli" sentiment --no-header --threads 1)"
  runs[en]+=" $(ms_of "$cli" sentiment --no-header --lang en)"
  node "$bench_dir/peers.mjs" "$work/texts.jsonl" 1 20000 >"$work/peers.$r"
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
auto_ms=$(median "${runs[auto]}")
auto1_ms=$(median "${runs[auto1]}")
en_ms=$(median "${runs[en]}")
cpus=$(nproc)
printf '%-36s %8s %10s %12s\n' system texts "median ms" "texts/s"
printf '%-36s %8d %10d %12.0f\n' "textsense CLI (auto, $cpus threads)" "$texts" "$auto_ms" "$(awk -v n="$texts" -v m="$auto_ms" 'BEGIN { print n / m * 1000 }')"
printf '%-36s %8d %10d %12.0f\n' "textsense CLI (auto, 1 thread)" "$texts" "$auto1_ms" "$(awk -v n="$texts" -v m="$auto1_ms" 'BEGIN { print n / m * 1000 }')"
printf '%-36s %8d %10d %12.0f\n' "textsense CLI (--lang en, $cpus threads)" "$texts" "$en_ms" "$(awk -v n="$texts" -v m="$en_ms" 'BEGIN { print n / m * 1000 }')"
cat "$work"/peers.* | awk -F'\t' '$2 == "sentiment" { n[$1] = $3; ms[$1] = ms[$1] " " $5 } END { for (k in n) print k "\t" n[k] "\t" ms[k] }' |
  while IFS=$'\t' read -r name n list; do
    m=$(median "$list")
    rate=$(awk -v n="$n" -v m="$m" 'BEGIN { print n / m * 1000 }')
    printf '%-36s %8d %10.0f %12.0f   textsense auto / this: %.2fx (1 thread: %.2fx)\n' "$name" "$n" "$m" "$rate" \
      "$(awk -v r="$rate" -v n="$texts" -v m="$auto_ms" 'BEGIN { print (n / m * 1000) / r }')" \
      "$(awk -v r="$rate" -v n="$texts" -v m="$auto1_ms" 'BEGIN { print (n / m * 1000) / r }')"
  done
echo "rounds ms: auto${runs[auto]}; auto 1 thread${runs[auto1]}; en${runs[en]}"
