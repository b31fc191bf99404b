#!/usr/bin/env bash
# What lang => 'auto' costs next to lang => 'en', in instructions (valgrind
# callgrind: repeatable whatever else the machine runs), on the VADER tweets
# dev set: `textsense sentiment` over the 1,209 tweets with each, minus the
# one-time cost of building segmenters. Prints instructions a tweet and the
# ratio. Needs ../shared/data and a build (cmake --build build).
#   bash bench/auto_language_cost.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/textsense"
tweets="$root/../shared/data/sentiment_dev/vader_groundtruth_dev/tweets_dev.tsv"
[ -x "$bin" ] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 1; }
[ -f "$tweets" ] || { echo "skipped: $tweets not found (../shared/data)" >&2; exit 0; }
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cut -f3 "$tweets" >"$work/tweets.txt"
n=$(wc -l <"$work/tweets.txt")
declare -A per
for lang in en auto; do
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$lang" \
    "$bin" sentiment --lang "$lang" <"$work/tweets.txt" >/dev/null 2>"$work/log.$lang"
  run=$(callgrind_annotate --inclusive=yes "$work/cg.$lang" 2>/dev/null |
        awk '/cli::run_sentiment/ && !done { gsub(",", "", $1); print $1; done = 1 }')
  ctor=$(callgrind_annotate --inclusive=yes "$work/cg.$lang" 2>/dev/null |
         awk '/segment::Segmenter::Segmenter\(/ && !done { gsub(",", "", $1); print $1; done = 1 }')
  per[$lang]=$(( (run - ${ctor:-0}) / n ))
  echo "$lang: ${per[$lang]} instructions a tweet ($n tweets)"
done
awk -v a="${per[auto]}" -v e="${per[en]}" 'BEGIN { printf "auto / en: %.2f\n", a / e }'
