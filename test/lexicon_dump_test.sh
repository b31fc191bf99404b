#!/usr/bin/env bash
# Custom lexicons survive pg_dump and restore: the extension's lexicon
# tables are configuration tables (pg_extension_config_dump), so their rows
# are dumped with the user's data, and a restored database scores with them
# exactly as the original did.
# Needs a running server with textsense installed and the PG* variables
# pointing at it (scripts/test.sh runs it under pg_virtualenv).
set -euo pipefail

SOURCE=textsense_dump_source
TARGET=textsense_dump_target
work=$(mktemp -d)
cleanup() {
  psql -X -q -d postgres -c "SET client_min_messages = warning" \
    -c "DROP DATABASE IF EXISTS $SOURCE" -c "DROP DATABASE IF EXISTS $TARGET" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

psql -X -q -d postgres -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $SOURCE" -c "DROP DATABASE IF EXISTS $TARGET" -c "CREATE DATABASE $SOURCE"
psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE" <<'SQL'
CREATE EXTENSION textsense;
INSERT INTO textsense_lexicon (name, description) VALUES ('skate', 'Skateboard shop'), ('cars', NULL);
INSERT INTO textsense_lexicon_term VALUES
  ('skate', 'sick', 2.5), ('skate', 'rock solid', 3), ('cars', 'unpredictable', -2.2);
CREATE TABLE reviews (id int PRIMARY KEY, shop text, body text);
INSERT INTO reviews VALUES (1, 'skate', 'This board is sick, rock solid!'),
                           (2, 'cars', 'The steering is unpredictable.');
SQL
scores="SELECT string_agg(id || ':' || sentiment(body, 'en', shop), ' ' ORDER BY id) FROM reviews"
lexicons="SELECT string_agg(lexicon || '/' || term || '/' || valence, ' ' ORDER BY lexicon, term) FROM textsense_lexicon_term"
before=$(psql -X -At -d "$SOURCE" -c "$scores")
terms_before=$(psql -X -At -d "$SOURCE" -c "$lexicons")

pg_dump -d "$SOURCE" -f "$work/dump.sql"
grep -q "textsense_lexicon_term" "$work/dump.sql" || fail "the dump holds no lexicon terms"
psql -X -q -d postgres -c "CREATE DATABASE $TARGET"
psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET" -f "$work/dump.sql" >/dev/null

after=$(psql -X -At -d "$TARGET" -c "$scores")
terms_after=$(psql -X -At -d "$TARGET" -c "$lexicons")
echo "terms before: $terms_before"
echo "terms after:  $terms_after"
echo "scores before: $before"
echo "scores after:  $after"
[ "$terms_before" = "$terms_after" ] || fail "the restored lexicon terms differ"
[ "$before" = "$after" ] || fail "the restored database scores differently"
# The restored lexicon is live: a change after the restore applies.
psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET" -c "UPDATE textsense_lexicon_term SET valence = -3 WHERE term = 'sick'"
changed=$(psql -X -At -d "$TARGET" -c "SELECT sentiment('This board is sick.', 'en', 'skate') < 0")
[ "$changed" = t ] || fail "a change to a restored lexicon did not apply"
echo "ok   custom lexicons survive pg_dump and restore, and stay editable"
