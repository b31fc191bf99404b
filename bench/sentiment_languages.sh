#!/usr/bin/env bash
# Multilingual sentiment quality on the development sets in ../shared/data
# (XLM-T tweets: ar de es fr it pt; XED subtitles: ar de es fr it nl pt ru zh
# ja; OpenSentimentCorpus: ru; the project's Japanese set in bench/data):
# textsense (the CLI, which returns what SQL
# sentiment() returns) against the npm packages multilang-sentiment and
# nlp.js (@nlpjs/sentiment), measured in the same run, to see per language
# whether textsense's language pack beats what a Node user would otherwise
# use. Metrics (bench/sentiment_languages.mjs says more): macro-F1 over
# negative/neutral/positive with each system's best neutral band (the
# systems' scores are on different scales) for the tweets and the Russian
# corpus, sign accuracy on the polar items (XED's emotion labels give only
# negative or positive), and the share of tweets scored exactly 0. Prints
# Markdown tables and writes the same as TSV to
# bench/out/sentiment_languages.tsv, so runs can be diffed.
# A language without its model (models/sentiment_<code>.model) is scored with
# --lang en and marked "(en rules)", so the script runs before every pack
# exists. Installs node/npm (Debian) and the peers (npm, pinned, into
# bench/node_modules) if missing.
# Usage: [LANGS="es de"] [MLS_LIMIT=N] bench/sentiment_languages.sh [--params k=v,...]
#   extra args go to the CLI; LANGS restricts the languages (ISO codes);
#   multilang-sentiment (about 40 texts/s) scores a fixed subset of at most
#   MLS_LIMIT texts per (set, language), default 800 (the output says so);
#   MLS_LIMIT=0 scores all texts (about 5 min instead of 2 on 2 cores).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
data_dir=${TEXTSENSE_SHARED_DATA:-$TEXTSENSE_ROOT/../shared/data}
for d in tweets_multilingual xed_dev ru_opensentimentcorpus; do
  [ -d "$data_dir/sentiment_dev/$d" ] ||
    { echo "no dev set at $data_dir/sentiment_dev/$d (set TEXTSENSE_SHARED_DATA)" >&2; exit 2; }
done
start=$SECONDS

command -v node >/dev/null && command -v npm >/dev/null || install_debian_packages nodejs npm
bench_dir=$TEXTSENSE_ROOT/bench
nlpjs=4.26.1
peers=(multilang-sentiment@2.0.0 "@nlpjs/core@$nlpjs" "@nlpjs/sentiment@$nlpjs")
for code in ar de es fr it pt nl ru zh ja; do peers+=("@nlpjs/lang-$code@$nlpjs"); done
if ! (cd "$bench_dir" && node -e '
  const fs = require("fs");
  for (const spec of process.argv.slice(1)) {
    const at = spec.lastIndexOf("@"), file = `node_modules/${spec.slice(0, at)}/package.json`;
    if (!fs.existsSync(file) || JSON.parse(fs.readFileSync(file)).version !== spec.slice(at + 1)) process.exit(1);
  }' "${peers[@]}"); then
  # npm install --no-save removes the packages that other benchmarks installed
  # the same way (nothing lists them): name the top-level ones again.
  mapfile -t keep < <(cd "$bench_dir" && node -e '
    const fs = require("fs"), path = require("path"), pkgs = {};
    if (fs.existsSync("node_modules"))
      for (const e of fs.readdirSync("node_modules"))
        for (const n of e.startsWith("@") ? fs.readdirSync(path.join("node_modules", e)).map((x) => `${e}/${x}`) : [e])
          try { pkgs[n] = JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`)); } catch {}
    const used = new Set(Object.values(pkgs).flatMap((p) => Object.keys({ ...p.dependencies, ...p.optionalDependencies, ...p.peerDependencies })));
    const mine = new Set(process.argv.slice(1).map((s) => s.slice(0, s.lastIndexOf("@"))));
    for (const [n, p] of Object.entries(pkgs)) if (!used.has(n) && !mine.has(n)) console.log(`${n}@${p.version}`);
  ' "${peers[@]}")
  echo "==> installing the npm peers: ${peers[*]}" >&2
  mkdir -p "$bench_dir/node_modules"
  (cd "$bench_dir" && npm install --silent --no-save --no-audit --no-fund "${peers[@]}" "${keep[@]}" >/dev/null)
fi
cli=${TEXTSENSE_CLI:-$TEXTSENSE_ROOT/build/textsense}
[ -x "$cli" ] || { cmake -S "$TEXTSENSE_ROOT" -B "$TEXTSENSE_ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
                   cmake --build "$TEXTSENSE_ROOT/build" -j2 --target textsense >/dev/null; }
out=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"' EXIT
mjs=$bench_dir/sentiment_languages.mjs
node "$mjs" prepare "$data_dir" "$out" "${LANGS:-}"

# The peers, one node process per set, run while the CLI scores the texts.
for set in tweets xed osc jadev; do
  if ls "$out/$set".*.txt >/dev/null 2>&1; then
    node "$mjs" peers "$out" "$set" "${MLS_LIMIT:-800}" 2> "$out/$set.peers.err" &
    pids+=($!)
  fi
done

for txt in "$out"/*.txt; do
  base=${txt%.txt} code=${base##*.}
  if ! "$cli" sentiment --lang "$code" --no-header "$@" < "$txt" > "$base.textsense" 2> "$base.err"; then
    if grep -q "no sentiment lexicon for language" "$base.err"; then
      touch "$base.enrules"
      "$cli" sentiment --lang en --no-header "$@" < "$txt" > "$base.textsense" 2> "$base.err" ||
        { cat "$base.err" >&2; echo "textsense failed on $txt (--lang en)" >&2; exit 1; }
    else
      cat "$base.err" >&2; echo "textsense failed on $txt (--lang $code)" >&2; exit 1
    fi
  fi
  want=$(wc -l < "$txt") got=$(wc -l < "$base.textsense")
  [ "$want" -eq "$got" ] || { echo "textsense wrote $got scores for the $want lines of ${base##*/} (--lang $code)" >&2; exit 1; }
done

status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
pids=()
[ "$status" -eq 0 ] || { cat "$out"/*.peers.err >&2; echo "a peer run failed" >&2; exit 1; }
mkdir -p "$bench_dir/out"
node "$mjs" report "$out" "$bench_dir/out/sentiment_languages.tsv"
echo "(textsense $("$cli" version); $((SECONDS - start)) s; TSV: bench/out/sentiment_languages.tsv)"
