#!/usr/bin/env bash
# Sentiment quality on the human-rated VADER dev sets (../shared/data):
# textsense (the CLI, which returns what SQL sentiment() returns) against the
# npm package vader-sentiment, measured in the same run. Installs node/npm
# (Debian) and vader-sentiment (npm, into bench/node_modules) if missing.
# Usage: bench/sentiment_dev.sh [--params k=v,...]   (extra args go to the CLI)
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
dev_dir=${TEXTSENSE_SHARED_DATA:-$TEXTSENSE_ROOT/../shared/data}/sentiment_dev/vader_groundtruth_dev
[ -d "$dev_dir" ] || { echo "no dev sets at $dev_dir (set TEXTSENSE_SHARED_DATA)" >&2; exit 2; }

command -v npm >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
bench_dir=$TEXTSENSE_ROOT/bench
if [ ! -d "$bench_dir/node_modules/vader-sentiment" ]; then
  (cd "$bench_dir" && npm install --silent --no-save --no-audit --no-fund vader-sentiment@1.1.3 >/dev/null)
fi
cli=${TEXTSENSE_CLI:-$TEXTSENSE_ROOT/build/textsense}
[ -x "$cli" ] || { cmake -S "$TEXTSENSE_ROOT" -B "$TEXTSENSE_ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
                   cmake --build "$TEXTSENSE_ROOT/build" -j2 --target textsense >/dev/null; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in tweets movieReviewSnippets amazonReviewSnippets nytEditorialSnippets; do
  cut -f3- "$dev_dir/${set}_dev.tsv" | "$cli" sentiment --lang en "$@" > "$out/$set.scores"
done
node "$bench_dir/sentiment_dev.mjs" "$dev_dir" "$out"
