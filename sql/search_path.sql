-- A hostile schema first on the search_path, with pg_catalog named after
-- it: its operators and functions, which raise an error when they run,
-- match the types the extension's PL/pgSQL uses (some exactly, where
-- pg_catalog has only a near match: numeric * bigint). No textsense
-- routine may run any of them (SECURITY.md, "search_path").
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET client_min_messages;
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.trap() RETURNS void LANGUAGE plpgsql
AS $$ BEGIN RAISE EXCEPTION 'a hostile object ran'; END $$;
DO $$
DECLARE
  t text;
  op text;
  pair text[];
BEGIN
  FOREACH t IN ARRAY ARRAY['integer', 'bigint', 'text', 'tid', '"char"', 'numeric', 'double precision', 'oid', 'name']
  LOOP
    EXECUTE format('CREATE FUNCTION hostile.cmp(%1$s, %1$s) RETURNS boolean LANGUAGE sql AS %2$L', t,
                   'SELECT hostile.trap() IS NULL');
    FOREACH op IN ARRAY ARRAY['=', '<>', '<', '>', '<=', '>=']
    LOOP
      EXECUTE format('CREATE OPERATOR hostile.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = hostile.cmp)', op, t, t);
    END LOOP;
  END LOOP;
  FOREACH pair SLICE 1 IN ARRAY ARRAY[['bigint', 'bigint'], ['integer', 'integer'], ['numeric', 'bigint'],
                                      ['bigint', 'double precision'], ['numeric', 'numeric'],
                                      ['double precision', 'double precision'], ['integer', 'bigint']]
  LOOP
    EXECUTE format('CREATE FUNCTION hostile.arith(%s, %s) RETURNS %1$s LANGUAGE sql AS %3$L', pair[1], pair[2],
                   'SELECT hostile.trap() IS NULL; SELECT NULL::' || pair[1]);
    FOREACH op IN ARRAY ARRAY['+', '-', '*', '/']
    LOOP
      EXECUTE format('CREATE OPERATOR hostile.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = hostile.arith)', op, pair[1], pair[2]);
    END LOOP;
  END LOOP;
END
$$;
CREATE FUNCTION hostile.ceil(numeric) RETURNS numeric LANGUAGE sql AS 'SELECT hostile.trap() IS NULL; SELECT 1::numeric';
CREATE FUNCTION hostile.round(numeric, integer) RETURNS numeric LANGUAGE sql AS 'SELECT hostile.trap() IS NULL; SELECT 1::numeric';
CREATE FUNCTION hostile.cardinality(anyarray) RETURNS integer LANGUAGE sql AS 'SELECT hostile.trap() IS NULL; SELECT 1';
SELECT count(*) > 80 AS hostile_operators FROM pg_operator WHERE oprnamespace = 'hostile'::regnamespace;

CREATE TABLE reviews (id int, body text, score double precision, label text);
INSERT INTO reviews (id, body) SELECT i, CASE WHEN i % 2 = 0 THEN 'Great, I love it!' ELSE 'Awful.' END
FROM generate_series(1, 50) i;
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label');

SET search_path = hostile, pg_catalog, public;
-- The operators are in force here: a plain comparison runs one.
SELECT 1::bigint < 2::bigint;
-- The backfill, its batches, the trigger it fires and the custom lexicon
-- triggers run none of them.
\set VERBOSITY terse
CALL textsense_backfill('reviews', 'body', 'score', 7);
\set VERBOSITY default
INSERT INTO textsense_lexicon (name, lang) VALUES ('guarded', 'en');
INSERT INTO textsense_lexicon_term (lexicon, term, valence) VALUES ('guarded', 'meh', -1.5);
UPDATE textsense_lexicon_term SET valence = -2 WHERE lexicon OPERATOR(pg_catalog.=) 'guarded';
DELETE FROM textsense_lexicon_term WHERE lexicon OPERATOR(pg_catalog.=) 'guarded';
DELETE FROM textsense_lexicon WHERE name OPERATOR(pg_catalog.=) 'guarded';
INSERT INTO reviews (id, body) VALUES (51, 'Not bad at all.');
SHOW search_path;
RESET search_path;

SELECT count(*) AS rows, count(score) AS scored, count(label) AS labelled,
       count(*) FILTER (WHERE score > 0) AS positive
FROM reviews;
DROP TABLE reviews;
SET client_min_messages = warning;
DROP SCHEMA hostile CASCADE;
RESET client_min_messages;
