#!/usr/bin/env bash
# What lang => 'auto' costs next to lang => 'en', in instructions (valgrind
# callgrind: repeatable whatever else the machine runs), on the VADER tweets
# dev set: `textsense sentiment` over the 1,209 tweets with each. Each
# language runs twice, over the tweets once and three times over; the
# difference divided by twice the tweet count is the cost of one more
# tweet, with everything paid once (process start, loading models,
# building segmenters) cancelled out. Prints instructions a tweet and the
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
cut -f3 "$tweets" >"$work/once.txt"
cat "$work/once.txt" "$work/once.txt" "$work/once.txt" >"$work/thrice.txt"
n=$(wc -l <"$work/once.txt")
instructions() {  # language, input file
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" \
    "$bin" sentiment --lang "$1" <"$2" >/dev/null 2>"$work/log"
  callgrind_annotate "$work/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}
declare -A per
for lang in en auto; do
  once=$(instructions "$lang" "$work/once.txt")
  thrice=$(instructions "$lang" "$work/thrice.txt")
  per[$lang]=$(( (thrice - once) / (2 * n) ))
  echo "$lang: ${per[$lang]} instructions a tweet ($n tweets)"
done
awk -v a="${per[auto]}" -v e="${per[en]}" 'BEGIN { printf "auto / en: %.3f\n", a / e }'
