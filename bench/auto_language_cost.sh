#!/usr/bin/env bash
# What lang => 'auto' costs next to lang => 'en', in instructions (valgrind
# callgrind: repeatable whatever else the machine runs), on the VADER tweets
# dev set: `textsense sentiment --threads 1` over the 1,209 tweets with each. Each
# language runs twice, over the tweets once and three times over; the
# difference divided by twice the tweet count is the cost of one more
# tweet, with everything paid once (process start, loading models,
# building segmenters) cancelled out. Prints instructions a tweet, the
# ratio, and the instructions of auto's detection and its parts. Needs ../shared/data and a build (cmake --build build).
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
# Runs the CLI under callgrind; keeps the profile as $work/cg.<name>.
instructions() {  # language, input file, name
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$3" \
    "$bin" sentiment --threads 1 --lang "$1" <"$2" >/dev/null 2>"$work/log"
  callgrind_annotate "$work/cg.$3" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}
# Inclusive instructions of the function whose name holds $2, in profile $1.
inclusive() {
  callgrind_annotate --inclusive=yes "$work/cg.$1" 2>/dev/null |
    awk -v f="$2" 'index($0, f) && !done { gsub(",", "", $1); print $1; done = 1 }'
}
declare -A per
for lang in en auto; do
  once=$(instructions "$lang" "$work/once.txt" "$lang.once")
  thrice=$(instructions "$lang" "$work/thrice.txt" "$lang.thrice")
  per[$lang]=$(( (thrice - once) / (2 * n) ))
  echo "$lang: ${per[$lang]} instructions a tweet ($n tweets)"
done
awk -v a="${per[auto]}" -v e="${per[en]}" 'BEGIN { printf "auto / en: %.3f\n", a / e }'
# Where 'auto' spends its extra instructions, a tweet (the same difference).
echo "of auto's instructions a tweet:"
for f in 'choose_language(' 'scan_function_words(' 'count_words(' 'run_cld2(' \
         'gather_latin_evidence('; do
  a=$(inclusive auto.once "$f"); b=$(inclusive auto.thrice "$f")
  cost=$(( (${b:-0} - ${a:-0}) / (2 * n) ))
  [ "$f" = 'choose_language(' ] && chosen=$cost
  label=${f%(}
  [ "$f" = 'count_words(' ] && label="  of which $label (words looked up)"
  printf '  %-42s %6d\n' "$label" "$cost"
done
# The rest: the sentence-by-sentence look at documents that may mix
# languages (inlined into score_document, so not a function of its own).
printf '  %-42s %6d\n' "the rest (sentences, ...)" $(( per[auto] - per[en] - chosen ))
