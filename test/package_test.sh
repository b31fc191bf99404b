#!/usr/bin/env bash
# The Debian package, end to end: copies the source tree (the files git
# knows of, tracked or new and not ignored: no build artefacts) to a
# temporary directory, builds it there with `dpkg-buildpackage -us -uc -b`
# (debian/: postgresql-common's pgxs_loop sequence, the core's unit tests
# run during the build unless DEB_BUILD_OPTIONS has nocheck), checks the
# .deb's control fields and contents (textsense.so, the control file, the
# install script of the current version, every older install script and
# upgrade script, the models), installs it with apt-get, runs a smoke test
# of every function family on a throwaway cluster, runs the autopkgtest
# (debian/tests/installcheck: the regression suite against the installed
# package), purges the package and restores the tree's own install
# (`make install`), which a trap does on every exit path once the package
# has been installed.
#
# Needs root (or sudo) and the packages of scripts/common.sh's
# install_packages (debhelper, dpkg-dev, fakeroot,
# postgresql-server-dev-all, ...). Installing the package replaces the
# files `make install` put in the same places for about a minute: do not
# run it next to other tests that use the installed extension.
# Prints an ok or FAIL line per check; exits non-zero on the first failing
# step (the smoke test reports all its checks first). The temporary
# directory is removed on success and kept (path printed) on failure.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
# Every step checks its own status (and `cmd | grep -q` must not fail
# because grep stopped reading early).
set +e +o pipefail

PG_CONFIG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
PACKAGE="postgresql-$PG_MAJOR-textsense"
PG_LIBDIR="/usr/lib/postgresql/$PG_MAJOR/lib"
PG_SHAREDIR="/usr/share/postgresql/$PG_MAJOR"
VERSION=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$TEXTSENSE_ROOT/extension/textsense.control")

ok() { echo "ok   $*"; }
fail() {
  echo "FAIL $*" >&2
  exit 1
}
minutes() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# --- The smoke test, run by this script under pg_virtualenv ----------------
# Each check is a query returning (passed boolean, shown value), run in a
# session of its own after PRE_SQL (output discarded), if given.
smoke_failures=0
check() {  # check DESCRIPTION SQL [PRE_SQL]
  local out status value pre=()
  [ -n "${3:-}" ] && pre=(-c '\o /dev/null' -c "$3" -c '\o')
  out=$(psql -X -At -F '|' -v ON_ERROR_STOP=1 -d textsense_smoke "${pre[@]}" -c "$2" 2>&1)
  status=${out%%|*} value=${out#*|}
  if [ "$status" = t ]; then
    echo "ok   $1 ($value)"
  else
    echo "FAIL $1"
    echo "     query: $2"
    echo "     got:   $out"
    smoke_failures=$((smoke_failures + 1))
  fi
}
run_sql() {  # run_sql DESCRIPTION SQL...: setup that must succeed, one session, one -c each
  local out description=$1 args=() statement
  shift
  for statement in "$@"; do args+=(-c "$statement"); done
  if out=$(psql -X -q -v ON_ERROR_STOP=1 -d textsense_smoke "${args[@]}" 2>&1); then
    echo "ok   $description"
  else
    echo "FAIL $description"
    echo "$out" | sed 's/^/     /'
    smoke_failures=$((smoke_failures + 1))
  fi
}

smoke_test() {
  local version=$1
  psql -X -q -d postgres -c "CREATE DATABASE textsense_smoke ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" ||
    return 1
  run_sql "CREATE EXTENSION textsense" "CREATE EXTENSION textsense"
  check "extension version is the control file's" \
    "SELECT extversion = '$version', extversion FROM pg_extension WHERE extname = 'textsense'"
  check "textsense_version() is the control file's" \
    "SELECT textsense_version() = '$version', textsense_version()"
  check "sentences(): abbreviations kept, three sentences" \
    "SELECT count(*) = 3 AND string_agg(sentence, '|' ORDER BY ordinal) = 'Dr. Smith arrived at 5 p.m.|He was late!|Was he?',
            string_agg(sentence, ' | ' ORDER BY ordinal)
     FROM sentences('Dr. Smith arrived at 5 p.m. He was late! Was he?')"
  check "tokens(): clitics, url, emoticon, hashtag" \
    "SELECT string_agg(token || ':' || kind, ' ' ORDER BY ordinal)
              = 'I:word ca:word n''t:word wait:word to:word see:word http://example.com:url :):emoticon #fun:hashtag',
            string_agg(token || ':' || kind, ' ' ORDER BY ordinal)
     FROM tokens('I can''t wait to see http://example.com :) #fun')"
  check "detect_language(): German, reliable" \
    "SELECT lang = 'de' AND reliable AND confidence > 0.9, lang || ' ' || confidence
     FROM detect_language('Der schnelle braune Fuchs springt über den faulen Hund und läuft weiter in den Wald.')"
  check "detect_language(): French" \
    "SELECT lang = 'fr' AND reliable, lang || ' ' || confidence
     FROM detect_language('Le chat est assis sur le tapis et regarde les oiseaux dans le jardin.')"
  check "pos_tag() in English: UPOS and Penn tags" \
    "SELECT string_agg(upos, ' ' ORDER BY ordinal) = 'DET ADJ ADJ NOUN VERB ADP DET ADJ NOUN PUNCT'
            AND bool_or(token = 'fox' AND xpos = 'NN') AND bool_or(token = 'jumps' AND xpos = 'VBZ'),
            string_agg(token || '/' || upos || '/' || xpos, ' ' ORDER BY ordinal)
     FROM pos_tag('The quick brown fox jumps over the lazy dog.', 'en')"
  check "pos_tag() in German: STTS tags, 'im' split into in + dem" \
    "SELECT string_agg(token || '/' || upos, ' ' ORDER BY ordinal) = 'Der/DET Hund/NOUN schläft/VERB in/ADP dem/DET Garten/NOUN ./PUNCT'
            AND bool_or(token = 'schläft' AND xpos = 'VVFIN') AND count(*) FILTER (WHERE contraction = 'im') = 2,
            string_agg(token || '/' || upos || '/' || xpos, ' ' ORDER BY ordinal)
     FROM pos_tag('Der Hund schläft im Garten.', 'de')"
  check "pos_tag() in French: 'au' and 'du' split, no XPOS" \
    "SELECT count(*) FILTER (WHERE contraction IN ('au', 'du')) = 4 AND bool_and(xpos IS NULL)
            AND bool_or(token = 'marché' AND upos = 'NOUN'),
            string_agg(token || '/' || upos, ' ' ORDER BY ordinal)
     FROM pos_tag('Je vais au marché du village.', 'fr')"
  check "sentiment(): positive and negative reviews" \
    "SELECT a > 0.5 AND b < -0.5, round(a::numeric, 3) || ' / ' || round(b::numeric, 3)
     FROM (SELECT sentiment('The hotel was wonderful and the staff were very friendly.') AS a,
                  sentiment('The food was not good and the service was terrible.') AS b) s"
  check "sentiment() in es, de, ja" \
    "SELECT es > 0.3 AND de < -0.3 AND ja > 0.3,
            round(es::numeric, 3) || ' / ' || round(de::numeric, 3) || ' / ' || round(ja::numeric, 3)
     FROM (SELECT sentiment('El servicio fue excelente', 'es') AS es,
                  sentiment('Das Essen war schrecklich', 'de') AS de,
                  sentiment('この映画は素晴らしい', 'ja') AS ja) s"
  check "sentiment_detail(): label, shares, counts, language" \
    "SELECT label = 'positive' AND sentences = 2 AND tokens = 10 AND lang = 'en'
            AND positive > 0 AND negative > 0 AND abs(positive + negative + neutral - 1) < 1e-6,
            label || ' ' || round(score::numeric, 3) || ', ' || sentences || ' sentences, ' || tokens || ' tokens'
     FROM sentiment_detail('I love this phone. The battery is awful.')"
  check "sentence_sentiment(): one positive, one negative sentence" \
    "SELECT string_agg(label, ' ' ORDER BY ordinal) = 'positive negative' AND bool_and(lang = 'en'),
            string_agg(sentence || ' ' || label, ' | ' ORDER BY ordinal)
     FROM sentence_sentiment('Great product! Terrible support.')"
  check "sentiment_explain(): 'not bad' negated" \
    "SELECT valence < 0 AND contribution > 0 AND 'negated' = ANY (rules), token || ' ' || rules::text
     FROM sentiment_explain('The movie was not bad at all') WHERE token = 'bad'"
  run_sql "custom lexicon created" \
    "INSERT INTO textsense_lexicon (name, lang, description) VALUES ('games', 'en', 'smoke test');
     INSERT INTO textsense_lexicon_term VALUES ('games', 'op', 3.0), ('games', 'nerfed', -2.5)"
  check "custom lexicon: scores words the built-in lexicon does not know" \
    "SELECT base = 0 AND custom > 0.5 AND nerfed < -0.5,
            base || ' / ' || round(custom::numeric, 3) || ' / ' || round(nerfed::numeric, 3)
     FROM (SELECT sentiment('This character is op', 'en') AS base,
                  sentiment('This character is op', 'en', 'games') AS custom,
                  sentiment('They nerfed my class', 'en', 'games') AS nerfed) s"
  check "custom lexicon: sentiment_explain() names it" \
    "SELECT rules = '{lexicon:games}', token || ' ' || rules::text
     FROM sentiment_explain('This character is op', 'en', 'games') WHERE token = 'op'"
  run_sql "scoring trigger created" \
    "CREATE TABLE reviews (id int PRIMARY KEY, body text, score double precision, label text, detail jsonb);
     CREATE TRIGGER score BEFORE INSERT OR UPDATE ON reviews
       FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
     CREATE TRIGGER label BEFORE INSERT OR UPDATE ON reviews
       FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label');
     CREATE TRIGGER detail BEFORE INSERT OR UPDATE ON reviews
       FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'detail', 'en');
     INSERT INTO reviews (id, body) VALUES (1, 'Absolutely wonderful stay.'), (2, 'Worst experience ever.');
     UPDATE reviews SET body = 'A lovely, quiet room.' WHERE id = 2"
  check "scoring trigger: score, label and detail on insert and update" \
    "SELECT count(*) = 2 AND bool_and(score > 0.3 AND label = 'positive' AND detail->>'label' = 'positive'
                                      AND detail->>'lang' = 'en'),
            string_agg(id || ': ' || round(score::numeric, 3) || ' ' || label, ', ' ORDER BY id)
     FROM reviews"
  run_sql "textsense_backfill() over 250 rows in batches of 100" \
    "CREATE TABLE old_reviews (id int PRIMARY KEY, body text, label text);
     INSERT INTO old_reviews SELECT g, CASE WHEN g % 2 = 0 THEN 'I love it' ELSE 'I hate it' END
     FROM generate_series(1, 250) g" \
    "SET client_min_messages = warning" \
    "CALL textsense_backfill('old_reviews', 'body', 'label', 100)"
  check "textsense_backfill(): every row labelled" \
    "SELECT count(*) FILTER (WHERE label = 'positive') = 125 AND count(*) FILTER (WHERE label = 'negative') = 125,
            count(label) || ' of ' || count(*) || ' rows labelled'
     FROM old_reviews"
  check "textsense_languages(): 11 sentiment and 9 tagging languages" \
    "SELECT count(*) FILTER (WHERE sentiment) = 11 AND count(*) FILTER (WHERE pos) = 9
            AND bool_and(sentiment_checksum IS NOT NULL) FILTER (WHERE sentiment),
            string_agg(lang, ' ' ORDER BY lang) FILTER (WHERE sentiment OR pos)
     FROM textsense_languages()"
  check "textsense_models(): 20 models under $PG_SHAREDIR/textsense/, none damaged" \
    "SELECT count(*) = 20 AND bool_and(path = '$PG_SHAREDIR/textsense/' || kind || '_' || lang || '.model')
            AND bool_and(problem IS NULL AND format_version > 0)
            AND bool_and(loaded_checksum IS NULL OR loaded_checksum = checksum)
            AND count(loaded_checksum) = 2,
            count(*) || ' files, ' || sum(bytes) || ' bytes, e.g. ' || min(path)
     FROM textsense_models()" \
    "SELECT sentiment('Great!', 'en'), (SELECT count(*) FROM pos_tag('Der Hund schläft.', 'de'))"
  psql -X -q -d postgres -c "CREATE DATABASE textsense_upgrade TEMPLATE template0" || return 1
  local out
  out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d textsense_upgrade \
    -c "CREATE EXTENSION textsense VERSION '0.1.0'" -c "ALTER EXTENSION textsense UPDATE" \
    -c "SELECT extversion FROM pg_extension WHERE extname = 'textsense'" 2>&1)
  if [ "$out" = "$version" ]; then
    echo "ok   upgrade scripts: 0.1.0 updated to $version"
  else
    echo "FAIL upgrade scripts: CREATE EXTENSION textsense VERSION '0.1.0'; ALTER EXTENSION textsense UPDATE gave: $out"
    smoke_failures=$((smoke_failures + 1))
  fi
  [ "$smoke_failures" -eq 0 ]
}

if [ "${1:-}" = --smoke ]; then
  smoke_test "$2"
  exit $?
fi

# --- The package test ------------------------------------------------------
started=$SECONDS
work=$(mktemp -d /tmp/textsense-package.XXXXXX)
src="$work/textsense-$VERSION"
package_touched=0   # set once apt-get is about to install the package
before="$work/installed-before.md5"
restored_status=0

# Files of the tree's own install (make install) that the package replaces.
install_files() {
  local f
  for f in "$PG_LIBDIR/textsense.so" "$PG_SHAREDIR"/extension/textsense* "$PG_SHAREDIR"/textsense/*.model; do
    [ -e "$f" ] && echo "$f"
  done
}

restore_tree_install() {
  local state
  state=$(dpkg-query -W -f='${db:Status-Status}' "$PACKAGE" 2>/dev/null)
  if [ -n "$state" ] && [ "$state" != not-installed ]; then
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 \
         "$PACKAGE" >"$work/purge.log" 2>&1; then
      ok "apt-get purge $PACKAGE"
    else
      echo "FAIL apt-get purge $PACKAGE (log: $work/purge.log)" >&2
      restored_status=1
    fi
  fi
  if as_root make -C "$TEXTSENSE_ROOT" -s install PG_CONFIG="$PG_CONFIG_BIN" >"$work/restore.log" 2>&1 &&
     [ -f "$PG_LIBDIR/textsense.so" ] && [ -f "$PG_SHAREDIR/extension/textsense.control" ]; then
    ok "tree's own install restored (make -C $TEXTSENSE_ROOT install)"
    if [ -s "$before" ]; then
      if md5sum --quiet -c "$before" >/dev/null 2>&1; then
        ok "the restored files are the ones installed before the test"
      else
        echo "note: some restored files differ from those installed before the test (the tree changed meanwhile?):"
        md5sum --quiet -c "$before" 2>/dev/null | sed 's/^/      /'
      fi
    fi
  else
    echo "FAIL make -C $TEXTSENSE_ROOT install did not restore the tree's install (log: $work/restore.log)" >&2
    restored_status=1
  fi
}

cleanup() {
  local status=$?
  trap - EXIT
  if [ "$package_touched" = 1 ]; then
    restore_tree_install
  fi
  [ "$restored_status" -eq 0 ] || status=1
  if [ "$status" -eq 0 ]; then
    rm -rf "$work"
    echo "ok   Debian package test passed in $(minutes $((SECONDS - started)))"
  else
    echo "FAIL Debian package test (after $(minutes $((SECONDS - started)))); logs and build in $work" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

[ -n "$VERSION" ] || fail "no default_version in extension/textsense.control"

# The changelog's upstream version (without epoch and Debian revision) must
# be the control file's.
deb_version=$(dpkg-parsechangelog -l "$TEXTSENSE_ROOT/debian/changelog" -S Version) ||
  fail "dpkg-parsechangelog could not read debian/changelog"
upstream=${deb_version#*:}
[[ $upstream == *-* ]] && upstream=${upstream%-*}
[ "$upstream" = "$VERSION" ] ||
  fail "debian/changelog's version $deb_version is not default_version $VERSION of extension/textsense.control"
ok "debian/changelog's version $deb_version matches default_version $VERSION"

# The source: what git knows of (tracked files, and new files that are not
# ignored), as the working tree has them.
mkdir -p "$src"
(cd "$TEXTSENSE_ROOT" && git ls-files -z --cached --others --exclude-standard |
   while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
   tar --null -T - -cf "$work/source.tar") || fail "could not list and archive the source tree"
tar -xf "$work/source.tar" -C "$src" || fail "could not unpack the source tree"
[ -f "$src/debian/rules" ] && [ -f "$src/models/pos_en.model" ] || fail "the copy lacks debian/rules or the models"
ok "source copied to $src ($(tar -tf "$work/source.tar" | wc -l) files, no build artefacts)"

(cd "$src" && pg_buildext checkcontrol >"$work/checkcontrol.log" 2>&1) ||
  fail "debian/control is not what debian/control.in gives: run 'pg_buildext updatecontrol' ($(tail -n 3 "$work/checkcontrol.log" | tr '\n' ' '))"
ok "debian/control is up to date with debian/control.in and debian/pgversions"

# --- Build -----------------------------------------------------------------
t0=$SECONDS
if ! (cd "$src" && dpkg-buildpackage -us -uc -b -J"$(nproc)" >"$work/build.log" 2>&1); then
  tail -n 60 "$work/build.log" >&2
  fail "dpkg-buildpackage -us -uc -b (full log: $work/build.log)"
fi
tests_line=$(grep -E 'tests passed, [0-9]+ tests failed' "$work/build.log" | tail -n 1)
skipped=$(grep -c '\*\*\*Skipped' "$work/build.log")
ok "dpkg-buildpackage -us -uc -b in $(minutes $((SECONDS - t0)))${tests_line:+ (unit tests: $tests_line, $skipped skipped)}"

deb=$(ls "$work/${PACKAGE}_${deb_version#*:}_"*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no ${PACKAGE}_${deb_version#*:}_*.deb in $work: $(ls "$work" | tr '\n' ' ')"
ok "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# --- The .deb --------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "$PACKAGE" ] || fail "control: Package is $(field Package), not $PACKAGE"
[ "$(field Version)" = "$deb_version" ] || fail "control: Version is $(field Version), not $deb_version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "control: Architecture is $(field Architecture)"
depends=$(field Depends)
for dep in "postgresql-$PG_MAJOR" libicu libcld2 libstemmer libstdc++6; do
  [[ $depends == *"$dep"* ]] || fail "control: Depends lacks $dep: $depends"
done
ok "control: $PACKAGE $deb_version $(field Architecture), Depends: $depends"

dpkg-deb -c "$deb" | awk '{ print $3, $6 }' | sed 's# \./# /#' >"$work/contents"
size_in_deb() { awk -v p="$1" '$2 == p { print $1 }' "$work/contents"; }
expect_file() {  # expect_file PATH [SOURCE_FILE_OF_THE_SAME_SIZE]
  local size
  size=$(size_in_deb "$1")
  [ -n "$size" ] || fail ".deb lacks $1"
  if [ -n "${2:-}" ] && [ "$size" != "$(stat -c %s "$2")" ]; then
    fail ".deb: $1 has $size bytes, $2 has $(stat -c %s "$2")"
  fi
}
expect_file "$PG_LIBDIR/textsense.so"
expect_file "$PG_SHAREDIR/extension/textsense.control" "$src/extension/textsense.control"
expect_file "$PG_SHAREDIR/extension/textsense--$VERSION.sql" "$src/extension/textsense.sql"
scripts=0
for f in "$src"/extension/textsense--*.sql; do
  expect_file "$PG_SHAREDIR/extension/$(basename "$f")" "$f"
  scripts=$((scripts + 1))
done
models=0
for f in "$src"/models/*.model; do
  expect_file "$PG_SHAREDIR/textsense/$(basename "$f")" "$f"
  models=$((models + 1))
done
[ "$models" -ge 20 ] || fail "only $models model files in models/"
expect_file "/usr/share/doc/$PACKAGE/copyright"
stray=$(awk '$2 !~ /\/$/ { print $2 }' "$work/contents" |
  grep -v -e "^$PG_LIBDIR/textsense\.so\$" -e "^$PG_SHAREDIR/extension/textsense" \
          -e "^$PG_SHAREDIR/textsense/[a-z]*_[a-z]*\.model\$" -e "^/usr/share/doc/$PACKAGE/")
[ -z "$stray" ] || fail ".deb holds unexpected files: $stray"
ok ".deb contents: textsense.so, textsense.control, textsense--$VERSION.sql and the $scripts other install and upgrade scripts, $models models in $PG_SHAREDIR/textsense/ (sizes as in the source), copyright, nothing else"

mkdir -p "$work/deb-root" && dpkg-deb -x "$deb" "$work/deb-root" || fail "dpkg-deb -x $deb"
cmp -s "$work/deb-root$PG_SHAREDIR/extension/textsense--$VERSION.sql" "$src/extension/textsense.sql" ||
  fail ".deb: textsense--$VERSION.sql is not extension/textsense.sql"
so="$work/deb-root$PG_LIBDIR/textsense.so"
readelf -d "$so" | grep -q 'BIND_NOW' && readelf -lW "$so" | grep -q 'GNU_RELRO' ||
  fail ".deb: textsense.so is not linked with -z relro -z now"
readelf --dyn-syms -W "$so" | grep -q ' __stack_chk_fail' ||
  fail ".deb: textsense.so has no stack protector"
readelf -S -W "$so" | grep -q '\.debug_info' && fail ".deb: textsense.so is not stripped"
ok ".deb: textsense--$VERSION.sql is extension/textsense.sql; textsense.so stripped, relro, now, stack protector"

# --- Install ---------------------------------------------------------------
install_files | xargs -r md5sum >"$before" 2>/dev/null
package_touched=1
# --reinstall: a package of the same version left installed is replaced.
if ! (cd "$work" && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall \
        -o DPkg::Lock::Timeout=300 "./$(basename "$deb")" >"$work/install.log" 2>&1); then
  tail -n 20 "$work/install.log" >&2
  fail "apt-get install ./$(basename "$deb")"
fi
dpkg-query -W -f='${Status} ${Version}' "$PACKAGE" | grep -q "install ok installed $deb_version" ||
  fail "$PACKAGE $deb_version is not installed after apt-get install"
verify=$(dpkg --verify "$PACKAGE" 2>&1)
[ -z "$verify" ] || fail "dpkg --verify $PACKAGE: $verify"
owner=$(dpkg -S "$PG_SHAREDIR/textsense/pos_en.model" 2>/dev/null | cut -d: -f1)
[ "$owner" = "$PACKAGE" ] || fail "$PG_SHAREDIR/textsense/pos_en.model belongs to '$owner', not $PACKAGE"
ok "apt-get install ./$(basename "$deb"): installed, dpkg --verify clean, the models belong to the package"

# --- Smoke test on a throwaway cluster ------------------------------------
unset PGPORT
use_free_port
echo "-- smoke test (pg_virtualenv -t -v $PG_MAJOR, port $PGPORT)"
with_throwaway_cluster bash "$TEXTSENSE_ROOT/test/package_test.sh" --smoke "$VERSION" 2>&1 |
  grep -v -e '^Creating new PostgreSQL cluster' -e '^Dropping cluster'
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "smoke test of the installed package"

# --- autopkgtest: the regression suite against the installed package -------
# In a fresh copy of the source, as autopkgtest runs it.
mkdir -p "$work/autopkgtest/src" && tar -xf "$work/source.tar" -C "$work/autopkgtest/src" ||
  fail "could not unpack the source for the autopkgtest"
unset PGPORT
use_free_port
t0=$SECONDS
if ! (cd "$work/autopkgtest/src" && debian/tests/installcheck >"$work/installcheck.log" 2>&1); then
  tail -n 80 "$work/installcheck.log" >&2
  fail "debian/tests/installcheck (pg_buildext installcheck; log: $work/installcheck.log)"
fi
summary=$(grep -Eo 'All [0-9]+ tests passed' "$work/installcheck.log" | tail -n 1)
[ -n "$summary" ] || fail "debian/tests/installcheck: no 'All N tests passed' in $work/installcheck.log"
ok "debian/tests/installcheck (pg_buildext installcheck) against the installed package: $summary in $(minutes $((SECONDS - t0)))"

# The EXIT trap purges the package and restores the tree's install.
