#!/usr/bin/env bash
# Damaged model files at the SQL level: a missing, truncated or corrupted
# pos_en.model or sentiment_en.model must give a clear ERROR (naming the
# file, saying missing or damaged, with a hint), and the backend must keep
# serving everything else: the other model's functions, tokens() and
# sentences(), and the same function once the file is back. The server
# must not crash or restart. A session that loaded a good model before the
# file was replaced keeps working on the copy it has mapped.
#
# Needs a running server with textsense installed and the PG* variables
# pointing at it (scripts/test.sh runs it under pg_virtualenv), on the
# server's host, and write access to the installed models in
# $(pg_config --sharedir)/textsense/ (root, else sudo -n). It replaces the
# installed files, so other sessions of any cluster of this installation
# see the damaged files for a moment (about a second per case): do not run
# it next to other tests that use the models.
#
# The files are never written in place (backends map them, and a mapped
# file truncated in place raises SIGBUS in every backend that reads it): a
# damaged copy is written next to the file and renamed over it, and the
# original is put back the same way, by a trap on every exit path. The
# originals are copied aside first (the path is printed) and compared with
# the restored files at the end.
set -uo pipefail

DB=textsense_model_fault_test
MODELS=(pos_en.model sentiment_en.model)
KINDS=(missing half empty flipped badmagic)

work=$(mktemp -d)
share=""       # the installed models' directory
saved="$work/originals"

# Runs a file operation on the installed models (sudo -n when the
# directory is not writable).
fs() { if [ -w "$share" ]; then "$@"; else sudo -n "$@"; fi; }

# Puts every original back by an atomic rename and checks it.
restore_all() {
  local m status=0
  [ -n "$share" ] && [ -d "$saved" ] || return 0
  for m in "${MODELS[@]}"; do
    [ -f "$saved/$m" ] || continue
    if ! cmp -s "$saved/$m" "$share/$m"; then
      fs cp -p "$saved/$m" "$share/.$m.restore.$$" && fs mv -f "$share/.$m.restore.$$" "$share/$m" ||
        status=1
    fi
    if ! cmp -s "$saved/$m" "$share/$m"; then
      echo "FAIL: could not restore $share/$m; the original is in $saved/$m" >&2
      status=1
    fi
  done
  return $status
}

cleanup() {
  local status=$?
  if ! restore_all; then
    echo "     leaving $work in place: it holds the original models" >&2
    exit 1
  fi
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
ok() { echo "ok   $*"; }

sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

# The helper scripts that sessions run through psql's \! (so that a file
# changes in the middle of a session): damage MODEL KIND, restore MODEL.
write_helpers() {
  cat >"$work/damage" <<EOF
#!/usr/bin/env bash
# damage MODEL KIND: replaces the installed MODEL by a damaged copy of the
# original (never written in place: a new file renamed over it).
set -euo pipefail
m=\$1 kind=\$2 share='$share' saved='$saved'
fs() { if [ -w "\$share" ]; then "\$@"; else sudo -n "\$@"; fi; }
size=\$(stat -c %s "\$saved/\$m")
tmp="$work/\$m.\$kind"
case \$kind in
  missing) fs rm -f "\$share/\$m"; exit 0 ;;
  half) head -c \$((size / 2)) "\$saved/\$m" >"\$tmp" ;;
  empty) : >"\$tmp" ;;
  flipped)  # 16 bytes in the middle, each inverted
    cp "\$saved/\$m" "\$tmp"
    python3 -c 'import sys
p, at = sys.argv[1], int(sys.argv[2])
with open(p, "r+b") as f:
    f.seek(at); b = f.read(16); f.seek(at); f.write(bytes(x ^ 0xFF for x in b))' "\$tmp" \$((size / 2)) ;;
  badmagic)
    cp "\$saved/\$m" "\$tmp"
    printf 'NOTMODEL' | dd of="\$tmp" bs=1 seek=0 conv=notrunc status=none ;;
  *) echo "damage: unknown kind \$kind" >&2; exit 2 ;;
esac
chmod 644 "\$tmp"
fs cp -p "\$tmp" "\$share/.\$m.damaged.\$\$"
fs mv -f "\$share/.\$m.damaged.\$\$" "\$share/\$m"
rm -f "\$tmp"
EOF
  cat >"$work/restore" <<EOF
#!/usr/bin/env bash
# restore MODEL: puts the original back (a copy renamed over the file).
set -euo pipefail
m=\$1 share='$share' saved='$saved'
fs() { if [ -w "\$share" ]; then "\$@"; else sudo -n "\$@"; fi; }
fs cp -p "\$saved/\$m" "\$share/.\$m.restore.\$\$"
fs mv -f "\$share/.\$m.restore.\$\$" "\$share/\$m"
cmp -s "\$saved/\$m" "\$share/\$m"
EOF
  chmod +x "$work/damage" "$work/restore"
}

# What each model serves, as SQL expressions yielding one value.
need_sql() {
  case $1 in
    pos_en.model) echo "(SELECT string_agg(upos, ' ' ORDER BY ordinal) FROM pos_tag('Time flies like an arrow.'))" ;;
    sentiment_en.model) echo "sentiment('The room was lovely.')::text" ;;
  esac
}
other_of() { [ "$1" = pos_en.model ] && echo sentiment_en.model || echo pos_en.model; }
function_of() { [ "$1" = pos_en.model ] && echo "pos_tag()" || echo "sentiment()"; }

# The server's identity: a crash of any backend makes the postmaster
# restart the checkpointer (and reinitialise shared memory).
server_identity() {
  sql "SELECT pg_postmaster_start_time() || ' checkpointer ' ||
              (SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer')"
}

# ---------------------------------------------------------------------------
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null ||
  fail "cannot create database $DB"
sql "CREATE EXTENSION textsense" >/dev/null || fail "cannot create the extension"
share="$(sql "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")/textsense"
[ -d "$share" ] || fail "no model directory $share"
if [ ! -w "$share" ] && ! sudo -n true 2>/dev/null; then
  fail "needs write access to $share (run as root, or with password-less sudo)"
fi

# The installed models must be good before we start: they are what the
# trap puts back.
expected_pos=$(sql "SELECT $(need_sql pos_en.model)") ||
  fail "the installed pos_en.model does not load: reinstall textsense (make install) first"
expected_sentiment=$(sql "SELECT $(need_sql sentiment_en.model)") ||
  fail "the installed sentiment_en.model does not load: reinstall textsense (make install) first"
mkdir -p "$saved"
for m in "${MODELS[@]}"; do cp -p "$share/$m" "$saved/$m" || fail "cannot copy $share/$m aside"; done
echo "     models in $share; originals copied to $saved"
write_helpers
identity=$(server_identity)
echo "     server: started $identity"

expected_of() { [ "$1" = pos_en.model ] && echo "$expected_pos" || echo "$expected_sentiment"; }

# One case: MODEL damaged as KIND, then a fresh session.
run_case() {
  local m=$1 kind=$2 other out err_lines state pid_first pid_last want_state want_word
  local label="$m $kind"
  other=$(other_of "$m")
  "$work/damage" "$m" "$kind" || fail "$label: cannot damage the file"
  out=$(psql -X -At -v ON_ERROR_STOP=0 -d "$DB" 2>&1 <<EOF
\\set SHOW_CONTEXT never
SELECT 'pid=' || pg_backend_pid();
SELECT 'need=' || $(need_sql "$m");
\\echo sqlstate=:LAST_ERROR_SQLSTATE
SELECT 'other=' || $(need_sql "$other");
SELECT 'tokens=' || count(*) FROM tokens('Hello world. Bye now!');
SELECT 'sentences=' || count(*) FROM sentences('Hello world. Bye now!');
\\! '$work/restore' '$m'
SELECT 'again=' || $(need_sql "$m");
SELECT 'pid=' || pg_backend_pid();
EOF
  )
  "$work/restore" "$m" || fail "$label: cannot restore the file"
  err_lines=$(grep -E 'ERROR:|HINT:|DETAIL:' <<<"$out" | sed -E 's/^psql:[^ ]* //')
  echo "     $label: $(function_of "$m") says:"
  sed 's/^/         /' <<<"$err_lines"
  [ "$(grep -c 'ERROR:' <<<"$out")" = 1 ] || fail "$label: expected exactly one ERROR; session output: $out"
  grep -qF "\"$share/$m\"" <<<"$err_lines" || fail "$label: the ERROR does not name $share/$m"
  if [ "$kind" = missing ]; then
    want_state=58P01 want_word='missing'
  else
    want_state=XX001 want_word='damaged'
  fi
  grep 'ERROR:' <<<"$err_lines" | grep -qi "$want_word" || fail "$label: the ERROR does not say '$want_word'"
  grep -q 'HINT:.*reinstall' <<<"$err_lines" || fail "$label: no HINT about reinstalling"
  state=$(sed -n 's/^sqlstate=//p' <<<"$out")
  [ "$state" = "$want_state" ] || fail "$label: SQLSTATE $state, expected $want_state"
  grep -q '^need=' <<<"$out" && fail "$label: $(function_of "$m") returned a result from a damaged file"
  [ "$(sed -n 's/^other=//p' <<<"$out")" = "$(expected_of "$other")" ] ||
    fail "$label: the same session could not use $other afterwards: $out"
  [ "$(sed -n 's/^tokens=//p' <<<"$out")" = 6 ] || fail "$label: tokens() failed afterwards: $out"
  [ "$(sed -n 's/^sentences=//p' <<<"$out")" = 2 ] || fail "$label: sentences() failed afterwards: $out"
  [ "$(sed -n 's/^again=//p' <<<"$out")" = "$(expected_of "$m")" ] ||
    fail "$label: the same session did not recover once the file was restored: $out"
  pid_first=$(sed -n 's/^pid=//p' <<<"$out" | head -n 1)
  pid_last=$(sed -n 's/^pid=//p' <<<"$out" | tail -n 1)
  [ -n "$pid_first" ] && [ "$pid_first" = "$pid_last" ] || fail "$label: the session did not survive: $out"
  [ "$(server_identity)" = "$identity" ] || fail "$label: the server restarted (crash?)"
  [ "$(sql "SELECT $(need_sql "$m")")" = "$(expected_of "$m")" ] ||
    fail "$label: a new session fails after the file was restored"
  ok "$label: ERROR $state naming the file, same session served $other, tokens(), sentences() and, once restored, $(function_of "$m"); new session ok; no restart"
}

for m in "${MODELS[@]}"; do
  for kind in "${KINDS[@]}"; do run_case "$m" "$kind"; done
done

# A session that already mapped good models keeps them when the files are
# replaced (renamed over) by damaged ones, while a new session sees the
# damage.
out=$(psql -X -At -v ON_ERROR_STOP=0 -d "$DB" 2>&1 <<EOF
\\set SHOW_CONTEXT never
SELECT 'pid=' || pg_backend_pid();
SELECT 'pos1=' || $(need_sql pos_en.model);
SELECT 'sent1=' || $(need_sql sentiment_en.model);
\\! '$work/damage' pos_en.model half && '$work/damage' sentiment_en.model flipped
\\! psql -X -At -d '$DB' -c "SELECT 'fresh=' || $(need_sql sentiment_en.model)" 2>&1 | sed -E 's/^psql:[^ ]* //'
SELECT 'pos2=' || $(need_sql pos_en.model);
SELECT 'sent2=' || $(need_sql sentiment_en.model);
SELECT 'detail=' || label FROM sentiment_detail('I do not love it.');
SELECT 'pos3=' || count(*) FROM pos_tag(repeat('The food was great. ', 2000));
SELECT 'listed=' || kind || ':' || (loaded_checksum IS NOT NULL) || ':' || coalesce(problem, 'none')
FROM textsense_models() WHERE lang = 'en' ORDER BY kind;
\\! '$work/restore' pos_en.model && '$work/restore' sentiment_en.model
SELECT 'pid=' || pg_backend_pid();
EOF
)
restore_all || fail "cannot restore the models"
[ "$(sed -n 's/^pos1=//p' <<<"$out")" = "$expected_pos" ] &&
  [ "$(sed -n 's/^sent1=//p' <<<"$out")" = "$expected_sentiment" ] ||
  fail "loaded session: warm-up failed: $out"
grep -q 'ERROR:.*damaged' <<<"$out" || fail "loaded session: a new session did not see the damaged file: $out"
grep -q '^fresh=' <<<"$out" && fail "loaded session: a new session scored with a damaged file: $out"
[ "$(sed -n 's/^pos2=//p' <<<"$out")" = "$expected_pos" ] ||
  fail "loaded session: pos_tag() changed or failed after the file was replaced: $out"
[ "$(sed -n 's/^sent2=//p' <<<"$out")" = "$expected_sentiment" ] ||
  fail "loaded session: sentiment() changed or failed after the file was replaced: $out"
[ -n "$(sed -n 's/^detail=//p' <<<"$out")" ] && [ "$(sed -n 's/^pos3=//p' <<<"$out")" = 10000 ] ||
  fail "loaded session: sentiment_detail() or a 40 KB pos_tag() failed: $out"
# textsense_models() lists the damaged files without failing: the
# truncated one with its problem, both with the checksum of the copy this
# session still uses.
sed -n 's/^listed=//p' <<<"$out" | head -n 1 | grep -q '^pos:true:size is .*truncated' &&
  sed -n 's/^listed=//p' <<<"$out" | tail -n 1 | grep -q '^sentiment:true:' ||
  fail "loaded session: textsense_models() did not list the damaged files as expected: $out"
[ "$(sed -n 's/^pid=//p' <<<"$out" | sort -u | wc -l)" = 1 ] || fail "loaded session: the session did not survive: $out"
[ "$(server_identity)" = "$identity" ] || fail "loaded session: the server restarted (crash?)"
echo "     new session meanwhile: $(grep 'ERROR:' <<<"$out" | sed -E 's/^.*ERROR: +//')"
ok "a session that had loaded both models kept using them after damaged files were renamed over them (same results, a 40 KB document too); new sessions got the ERROR"

restore_all || fail "cannot restore the models"
for m in "${MODELS[@]}"; do cmp -s "$saved/$m" "$share/$m" || fail "$share/$m differs from the original"; done
[ "$(sql "SELECT $(need_sql pos_en.model)")" = "$expected_pos" ] &&
  [ "$(sql "SELECT $(need_sql sentiment_en.model)")" = "$expected_sentiment" ] ||
  fail "a new session fails with the restored models"
ok "models restored byte for byte; server up since $identity"
echo "ok   all model fault checks passed"
