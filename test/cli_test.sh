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
check "version" "textsense 0.2.0" "$("$bin" version)"
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

[ "$failures" -eq 0 ] || { echo "$failures CLI check(s) failed"; exit 1; }
