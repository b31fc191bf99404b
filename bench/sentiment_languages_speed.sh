#!/usr/bin/env bash
# Texts/s of sentiment per language (build/bench_sentiment_languages: the
# same tweet and paragraph translated into each language, segmented and
# scored as sentiment(doc, lang) does) as a Markdown table, with each
# language's ratio to English measured in the same run (medians of
# REPETITIONS, default 3).
# Usage: bench/sentiment_languages_speed.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
bench=$TEXTSENSE_ROOT/build/bench_sentiment_languages
[ -x "$bench" ] || { cmake -S "$TEXTSENSE_ROOT" -B "$TEXTSENSE_ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
                     cmake --build "$TEXTSENSE_ROOT/build" -j2 --target bench_sentiment_languages >/dev/null; }
"$bench" --benchmark_filter='^sentiment/' --benchmark_repetitions="${REPETITIONS:-3}" \
  --benchmark_format=csv 2>/dev/null |
awk -F, '
  # The median row of each benchmark when there are repetitions, else its row.
  $1 ~ /^"?sentiment\// && $1 !~ /_(mean|stddev|cv)"?$/ {
    name = $1; gsub(/"/, "", name)
    if (name ~ /_median$/) { sub(/_median$/, "", name); median[name] = 1 }
    else if (name in median) next
    split(name, part, "/")            # sentiment/<lang>/<text>
    for (i = 1; i <= NF; ++i) if (header[i] == "texts/s") rate[part[2] "/" part[3]] = $i
    if (!(part[2] in seen)) { seen[part[2]] = 1; order[++n] = part[2] }
    next
  }
  $1 == "name" { for (i = 1; i <= NF; ++i) { h = $i; gsub(/"/, "", h); header[i] = h } }
  END {
    print "| language | tweet texts/s | x English | paragraph texts/s | x English |"
    print "|---|---:|---:|---:|---:|"
    for (k = 1; k <= n; ++k) {
      l = order[k]
      printf "| %s | %.0f | %.2f | %.0f | %.2f |\n", l, rate[l "/tweet"], rate[l "/tweet"] / rate["en/tweet"],
             rate[l "/paragraph"], rate[l "/paragraph"] / rate["en/paragraph"]
    }
  }'
