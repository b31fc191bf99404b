#!/usr/bin/env bash
# The CLI's contract: TSV output, offsets, escaping, exit codes. Run by
# ctest with TEXTSENSE pointing at the built binary.
set -u
bin=${TEXTSENSE:?set TEXTSENSE to the textsense binary}
failures=0

check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    printf 'FAIL %s\n  expected: %q\n  actual:   %q\n' "$1" "$2" "$3"
    failures=$((failures + 1))
  else
    printf 'ok   %s\n' "$1"
  fi
}

status_of() { "$@" >/dev/null 2>&1; echo $?; }

check "tokens from arguments" \
  "$(printf 'ordinal\tsentence\tkind\tstart\tlength\ttoken\n1\t1\tword\t1\t5\tHello\n2\t1\tword\t7\t2\t世界\n3\t1\tpunct\t9\t1\t!')" \
  "$("$bin" tokens 'Hello 世界!')"
check "tokens from stdin, byte offsets, no header" \
  "$(printf '1\t1\tword\t0\t2\tdo\n2\t1\tword\t2\t3\tn'"'"'t\n3\t1\tpunct\t5\t1\t.')" \
  "$(printf "don't." | "$bin" tokens --bytes --no-header)"
check "sentences escape backslashes, tabs and newlines" \
  $'1\t1\t13\tOne\\\\tab\\tcell.\n2\t15\t4\tTwo!' \
  "$(printf 'One\\tab\tcell.\nTwo!' | "$bin" sentences --no-header)"
check "empty input prints only the header" "ordinal	start	length	sentence" "$(printf '' | "$bin" sentences)"
# The version is the control file's default_version, the one place it lives.
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$(dirname "$0")/../extension/textsense.control")
check "version from the control file" "textsense $version" "$("$bin" version)"
check "help exits 0" 0 "$(status_of "$bin" --help)"
check "no command is a usage error" 2 "$(status_of "$bin")"
check "unknown command is a usage error" 2 "$(status_of "$bin" frobnicate)"
check "unknown option is a usage error" 2 "$(status_of "$bin" tokens --frobnicate)"
check "invalid UTF-8 is rejected with exit 1" 1 "$(printf 'caf\xe9' | status_of "$bin" tokens)"
check "invalid UTF-8 message names the offset" \
  "textsense tokens: invalid UTF-8 byte sequence at byte offset 3" \
  "$(printf 'caf\xe9' | "$bin" tokens 2>&1 >/dev/null)"

# tag: the evaluation interface.
check "tag raw text: token, UPOS, XPOS, a blank line after each sentence" \
  "$(printf 'Time\tNOUN\tNN\nflies\tVERB\tVBZ\nlike\tADP\tIN\nan\tDET\tDT\narrow\tNOUN\tNN\n.\tPUNCT\t.\n\nGood\tADJ\tJJ\n!\tPUNCT\t.\n\nx')" \
  "$(printf 'Time flies like an arrow. Good!' | "$bin" tag; echo x)"
check "tag --pretokenized keeps the input's line structure" \
  "$(printf 'DET\tDT\nNOUN\tNN\nPUNCT\t.\n\nPRON\tPRP\n\n\nINTJ\tUH\n\nx')" \
  "$(printf 'The\ncat\n.\n\nI\n\n\nHello\n' | "$bin" tag --pretokenized; echo x)"
check "tag --pretokenized: as many lines out as in" "10" \
  "$(printf 'a\nb\n\nc\n\n\nd\ne\nf\n\n' | "$bin" tag --pretokenized | wc -l | tr -d ' ')"
check "tag: empty input, empty output" "" "$(printf '' | "$bin" tag)"
check "tag: a missing model is exit 3" 3 "$(echo hi | status_of "$bin" tag --model /nonexistent.model)"
damaged=$(mktemp)
head -c 5000 "$(dirname "$0")/../models/pos_en.model" >"$damaged"
check "tag: a truncated model is exit 3 with a clear message" \
  "3:damaged" \
  "$(echo hi | "$bin" tag --model "$damaged" 2>&1 >/dev/null | grep -o damaged | head -1 | sed 's/^/3:/')"
rm -f "$damaged"
check "--model needs a value" 2 "$(status_of "$bin" tag --model)"

# sentiment: one score per input line; explain: a row per token.
signs() { awk '{ printf "%s%s", (NR > 1 ? " " : ""), ($1 + 0 > 0 ? "+" : ($1 + 0 < 0 ? "-" : "0")) }'; }
scores=$(printf 'good\n\nnot good\r\nThe food was great, but the service was awful.\n' | "$bin" sentiment)
check "sentiment: one line out per line in (empty and CRLF lines too)" 4 \
  "$(printf '%s\n' "$scores" | wc -l | tr -d ' ')"
check "sentiment: every line is a number" "" \
  "$(printf '%s\n' "$scores" | grep -Ev '^-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?$')"
check "sentiment: signs of good, empty, not good, great-but-awful" "+ 0 - -" \
  "$(printf '%s\n' "$scores" | signs)"
check "sentiment: no final newline, same lines" "+ -" "$(printf 'good\nbad' | "$bin" sentiment | signs)"
check "sentiment: arguments are one text" "+" "$("$bin" sentiment very good food | signs)"
check "sentiment: scores lie in [-1, 1]" "ok" \
  "$(printf 'GREAT!!!! :) :D <3 best ever\nTERRIBLE!!!! awful worst :( hate\n' | "$bin" sentiment |
     awk '$1 + 0 < -1 || $1 + 0 > 1 { bad = 1 } END { print bad ? "out of range" : "ok" }')"
check "sentiment: empty input, empty output" "" "$(printf '' | "$bin" sentiment)"
check "sentiment --detail: header" \
  "$(printf 'score\tlabel\tpositive\tnegative\tneutral\tsentences\ttokens\tlang')" \
  "$(echo good | "$bin" sentiment --detail | head -1)"
check "sentiment --detail: eight columns a line" "8 8 8" \
  "$(printf 'good\nThe table is brown. It was awful!\n' | "$bin" sentiment --detail |
     awk -F'\t' '{ printf "%s%d", (NR > 1 ? " " : ""), NF }')"
check "sentiment --detail: label, sentences, tokens" \
  "$(printf 'positive\t1\t2\nnegative\t2\t9\nneutral\t0\t0')" \
  "$(printf 'good food\nThe table is brown. It was awful!\n\n' | "$bin" sentiment --detail --no-header | cut -f2,6,7)"
check "sentiment --detail: mixed" "mixed" \
  "$("$bin" sentiment --detail --no-header 'The food was absolutely amazing! The service was absolutely horrible!' | cut -f2)"
check "explain: header" "$(printf 'ordinal\tsentence\ttoken\tvalence\tcontribution\trules')" \
  "$("$bin" explain 'not good' | head -1)"
check "explain: a row per token, then the score" \
  "$(printf '1\t1\tnot\n2\t1\tgood\n3\t1\t!\n4\t2\tGreat\n# score')" \
  "$("$bin" explain --no-header 'not good! Great' | cut -f1-3 | sed 's/^\(# score\).*/\1/')"
check "explain: negation and contrast rules" "negator negated after_contrast" \
  "$("$bin" explain --no-header 'The food was not bad, but the service was slow.' |
     awk -F'\t' '$3 == "not" || $3 == "bad" || $3 == "slow" { print $6 }' |
     grep -o 'negator\|negated\|after_contrast' | tr '\n' ' ' | sed 's/ $//')"
check "explain: the score line is the sentiment score" \
  "$("$bin" sentiment 'The food was not bad at all, but the service was painfully slow.')" \
  "$("$bin" explain 'The food was not bad at all, but the service was painfully slow.' |
     tail -1 | cut -d' ' -f3)"
check "sentiment: invalid UTF-8 is exit 1" 1 "$(printf 'caf\xe9' | status_of "$bin" sentiment)"
check "sentiment: a missing lexicon is exit 3" 3 \
  "$(echo hi | status_of "$bin" sentiment --model /nonexistent/sentiment_en.model)"
damaged=$(mktemp)
head -c 5000 "$(dirname "$0")/../models/sentiment_en.model" >"$damaged"
check "sentiment: a truncated lexicon is exit 3 with a clear message" "3:damaged" \
  "$(echo hi | { "$bin" sentiment --model "$damaged" 2>&1 >/dev/null; echo ":$?"; } |
     tr -d '\n' | sed -n 's/.*\(damaged\).*:\([0-9]*\)$/\2:\1/p')"
rm -f "$damaged"
check "sentiment: an unknown --params item is a usage error" 2 \
  "$(status_of "$bin" sentiment --params frobnicate=1 good)"
check "build-lexicon without options is a usage error" 2 "$(status_of "$bin" build-lexicon)"
check "build-lexicon without --out is a usage error" 2 \
  "$(status_of "$bin" build-lexicon --data /nonexistent --rules /nonexistent)"

# --threads: blocks of lines on several threads, written in input order.
many=$(mktemp)
for i in $(seq 1 3000); do
  printf 'Review %d was great!\nDas Essen war schrecklich.\n\nnot good at all, line %d\r\n' "$i" "$i"
done >"$many"  # about 300 KB: several blocks
one=$("$bin" sentiment --detail --threads 1 <"$many" | md5sum)
check "sentiment --threads 4: the same output as one thread" "$one" \
  "$("$bin" sentiment --detail --threads 4 <"$many" | md5sum)"
check "sentiment: the default threads give the same output" "$one" \
  "$("$bin" sentiment --detail <"$many" | md5sum)"
check "sentiment --threads 3: a line out per line in" 12000 "$("$bin" sentiment --threads 3 <"$many" | wc -l | tr -d ' ')"
check "detect --threads 3: the same output as one thread" \
  "$("$bin" detect --threads 1 <"$many" | md5sum)" "$("$bin" detect --threads 3 <"$many" | md5sum)"
# A file on standard input is mapped, a pipe is read (input_text.h): the
# same output; so is a file read from an offset past its start.
check "sentiment: a file and a pipe give the same output" "$one" \
  "$(cat "$many" | "$bin" sentiment --detail --threads 1 | md5sum)"
check "sentiment: a file from an offset is read from there" \
  "$(tail -c +2 "$many" | "$bin" sentiment | md5sum)" \
  "$({ head -c 1 >/dev/null; "$bin" sentiment; } <"$many" | md5sum)"
# A mapped input file that becomes shorter mid-run: a message and exit 1,
# not a crash. The output goes to a FIFO nobody reads yet, so the CLI
# stops on a full pipe long before the end of its input; the file is cut
# once it is mapped, and reading the pipe lets the CLI go on into the
# lost pages.
shrinking=$(mktemp)
for i in $(seq 1 100000); do echo "line $i was great"; done >"$shrinking"
fifo=$(mktemp -u)
mkfifo "$fifo"
"$bin" sentiment --threads 1 <"$shrinking" >"$fifo" 2>"$shrinking.err" &
cli=$!
exec 3<"$fifo"
# Cut only once the CLI has mapped the file (at most 10 s).
for _ in $(seq 1 200); do
  grep -qF "$shrinking" "/proc/$cli/maps" 2>/dev/null && break
  sleep 0.05
done
truncate -s 100 "$shrinking"
cat <&3 >/dev/null
exec 3<&-
wait "$cli"
check "sentiment: an input file cut while it is read is exit 1" 1 "$?"
check "sentiment: ... with a message saying so" \
  "textsense: standard input (a file) became shorter while it was read" "$(cat "$shrinking.err")"
rm -f "$shrinking" "$shrinking.err" "$fifo"
# The whole-input subcommands cut a document of 64 KB or more into chunks
# for the threads: the same output as one thread.
for cmd in tokens sentences tag explain; do
  check "$cmd --threads 2: the same output as one thread on a 300 KB document" \
    "$("$bin" $cmd --threads 1 <"$many" | md5sum)" "$("$bin" $cmd --threads 2 <"$many" | md5sum)"
done
# Invalid UTF-8 in a late line: the lines before it are written, then exit 1.
{ cat "$many"; printf 'caf\xe9\n'; cat "$many"; } >"$many.bad"
check "sentiment --threads 2: invalid UTF-8 mid-input is exit 1" 1 \
  "$(status_of "$bin" sentiment --threads 2 <"$many.bad")"
check "sentiment --threads 2: every line before the invalid one is written" 12000 \
  "$("$bin" sentiment --threads 2 <"$many.bad" 2>/dev/null | wc -l | tr -d ' ')"
rm -f "$many" "$many.bad"
check "--threads 0 is a usage error" 2 "$(status_of "$bin" sentiment --threads 0 good)"
check "--threads x is a usage error" 2 "$(status_of "$bin" detect --threads x good)"
check "--threads 257 is a usage error" 2 "$(status_of "$bin" tokens --threads 257 good)"

# Languages: detection, automatic choice, explicit --lang.
check "detect: lang, confidence, reliable a line" "$(printf 'de\ttrue\nen\ttrue\nzh\ttrue\n\tfalse')" \
  "$(printf 'Das Essen war ausgezeichnet, aber der Service war schrecklich.\nThe food was great and the staff were friendly.\n房间很干净，服务也很好。\n12345\n' |
     "$bin" detect --no-header | cut -f1,3)"
check "sentiment: German text is scored by the German pack" "$(printf 'negative\tde')" \
  "$("$bin" sentiment --detail --no-header 'Das Essen war ausgezeichnet, aber der Service war schrecklich.' | cut -f2,8)"
check "sentiment: Greek text (no pack) has no English score (\\N), lang el" "$(printf '\\N\tel')" \
  "$("$bin" sentiment --detail --no-header 'Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.' | cut -f1,8)"
check "sentiment --lang en scores it with English rules anyway" "ok" \
  "$("$bin" sentiment --lang en 'Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.' | grep -q '^-\?[0-9]' && echo ok)"
check "sentiment --lang ja: negation after the word" "ok" \
  "$("$bin" sentiment --lang ja 'この料理は美味しくない。' | grep -q '^-0\.' && echo ok)"
check "build-lexicon --lang with no profile is an error" 3 \
  "$(status_of "$bin" build-lexicon --lang xx --data /nonexistent --rules /nonexistent --out /tmp/x.model)"
check "sentiment --lang with no lexicon is a usage error" 2 "$(status_of "$bin" sentiment --lang xx hi)"
check "tokens --lang fr splits elision" "L' homme qu' il" \
  "$("$bin" tokens --lang fr --no-header "L'homme qu'il" | cut -f6 | tr '\n' ' ' | sed 's/ $//')"
check "tokens --lang de keeps hyphenated compounds" "E-Mail-Adresse" \
  "$("$bin" tokens --lang de --no-header 'E-Mail-Adresse' | cut -f6)"
check "tag: a German sentence is tagged in German (STTS)" "$(printf 'Das\tDET\tART')" \
  "$("$bin" tag 'Das Essen war ausgezeichnet, aber der Service war schrecklich.' | head -1)"
check "tag: a Greek sentence has no tagging model" "$(printf 'Το\t\\N\t\\N')" \
  "$("$bin" tag 'Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν απαίσια.' | head -1)"
check "tag: a French contraction is a line per word with the contraction" \
  "$(printf 'de\tADP\t_\tdu\nle\tDET\t_\tdu')" \
  "$("$bin" tag --lang fr 'Le prix du pain.' | grep -P '\tdu$')"
check "tag --lang pt --pretokenized takes the words as given" "$(printf 'ADP\t_\nDET\t_\nNOUN\t_')" \
  "$(printf 'em\no\ncentro\n' | "$bin" tag --lang pt --pretokenized)"

[ "$failures" -eq 0 ] || { echo "$failures CLI check(s) failed"; exit 1; }
