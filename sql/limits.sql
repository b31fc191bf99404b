-- textsense.max_document_bytes: every function that analyses a document
-- refuses one longer than the limit with a clean ERROR (SQLSTATE 54000,
-- program_limit_exceeded), the trigger too, in parallel workers too; only
-- superusers change the limit; NULL and empty documents are not affected;
-- with the default, a document of more than 1 MB is analysed.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
DROP ROLE IF EXISTS regress_textsense_limits;
RESET client_min_messages;
LOAD 'textsense';

-- The default refuses nothing PostgreSQL can store (a text value is at
-- most 1 GB minus its header); the unit is bytes.
SHOW textsense.max_document_bytes;
SET textsense.max_document_bytes = '1kB';
SHOW textsense.max_document_bytes;
SET textsense.max_document_bytes = -1;

-- At the limit a document is analysed; one byte more is an error. The
-- limit counts bytes (octet_length), not characters: 26 emoji are 104 bytes.
SET textsense.max_document_bytes = 100;
SHOW textsense.max_document_bytes;
SELECT octet_length(repeat('a', 100)) AS bytes, sentiment(repeat('a', 100)) AS score;
SELECT sentiment(repeat('a', 101));
SELECT length(repeat('😀', 26)) AS chars, octet_length(repeat('😀', 26)) AS bytes;
SELECT sentiment(repeat('😀', 26));

-- Every function, with and without a language, and a custom lexicon.
\set long '''The food was great, but the service was painfully slow. The room was lovely, though, and the breakfast was excellent!'''
SELECT octet_length(:long) AS long_bytes;
\set VERBOSITY terse
SELECT sentiment(:long);
SELECT sentiment(:long, 'en');
SELECT * FROM sentiment_detail(:long);
SELECT * FROM sentiment_detail(:long, 'en');
SELECT * FROM sentence_sentiment(:long);
SELECT * FROM sentence_sentiment(:long, 'en');
SELECT * FROM sentiment_explain(:long);
SELECT * FROM sentiment_explain(:long, 'en');
SELECT * FROM pos_tag(:long);
SELECT * FROM pos_tag(:long, 'en');
SELECT * FROM tokens(:long);
SELECT * FROM sentences(:long);
-- pos_tag(text[]): the tokens together are the document (20 tokens of
-- 100 bytes in all, then 22 of 110).
SELECT count(*) AS tagged FROM pos_tag(string_to_array(rtrim(repeat('Great food. ', 10)), ' '));
SELECT count(*) AS tagged FROM pos_tag(string_to_array(rtrim(repeat('Great food. ', 11)), ' '));
INSERT INTO textsense_lexicon (name) VALUES ('regress_limits');
INSERT INTO textsense_lexicon_term VALUES ('regress_limits', 'slow', 1);
SELECT sentiment(:long, 'en', 'regress_limits');
SELECT * FROM sentiment_detail(:long, 'en', 'regress_limits');
SELECT * FROM sentence_sentiment(:long, 'en', 'regress_limits');
SELECT * FROM sentiment_explain(:long, 'en', 'regress_limits');
SELECT sentiment('Slow.', 'en', 'regress_limits') > 0 AS custom_short_ok;
\set VERBOSITY default

-- The SQLSTATE of each, caught in PL/pgSQL.
DO $$
DECLARE
  doc text := repeat('Great food. ', 20);
  call text;
  ok int := 0;
BEGIN
  FOREACH call IN ARRAY ARRAY[
      'SELECT sentiment($1)', 'SELECT sentiment($1, ''en'')',
      'SELECT sentiment($1, ''en'', ''regress_limits'')',
      'SELECT * FROM sentiment_detail($1)', 'SELECT count(*) FROM sentence_sentiment($1)',
      'SELECT count(*) FROM sentiment_explain($1)', 'SELECT count(*) FROM pos_tag($1)',
      'SELECT count(*) FROM pos_tag($1, ''en'')',
      'SELECT count(*) FROM pos_tag(string_to_array($1, '' ''))',
      'SELECT count(*) FROM tokens($1)', 'SELECT count(*) FROM sentences($1)'] LOOP
    BEGIN
      EXECUTE call USING doc;
      RAISE NOTICE '% did not fail', call;
    EXCEPTION WHEN program_limit_exceeded THEN
      ok := ok + 1;
    END;
  END LOOP;
  RAISE NOTICE '% of 11 calls raised program_limit_exceeded', ok;
END $$;

-- The scoring trigger: a too long text aborts the statement, nothing is written.
CREATE TABLE limits_scored (id int PRIMARY KEY, body text, score double precision);
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON limits_scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
INSERT INTO limits_scored VALUES (1, 'The food was great.'), (2, NULL), (3, '');
INSERT INTO limits_scored VALUES (4, 'Fine.'), (5, :long);
UPDATE limits_scored SET body = :long WHERE id = 1;
SELECT id, body, round(score::numeric, 4) AS score FROM limits_scored ORDER BY id;

-- A generated column computes through sentiment(): the same check.
CREATE TABLE limits_generated (body text,
    score double precision GENERATED ALWAYS AS (sentiment(body)) STORED);
INSERT INTO limits_generated (body) VALUES ('Lovely.');
INSERT INTO limits_generated (body) VALUES (:long);
SELECT count(*) FROM limits_generated;

-- Parallel workers get the leader's limit.
CREATE TABLE limits_docs (id int, doc text);
INSERT INTO limits_docs SELECT i, CASE WHEN i = 7 THEN :long ELSE 'Nice.' END
FROM generate_series(1, 10) i;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET force_parallel_mode = on;
SET parallel_leader_participation = off;  -- the workers alone scan
EXPLAIN (COSTS OFF) SELECT sum(sentiment(doc)) FROM limits_docs;
\set VERBOSITY terse
SELECT sum(sentiment(doc)) FROM limits_docs;
\set VERBOSITY default
SELECT count(*) AS short_docs FROM limits_docs WHERE id <> 7 AND sentiment(doc) > 0;
RESET parallel_leader_participation;
RESET force_parallel_mode;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
RESET max_parallel_workers_per_gather;

-- NULL and empty documents: STRICT functions return NULL or no rows, an
-- empty document is 0 bytes, within any limit, even 0.
SET textsense.max_document_bytes = 0;
SELECT sentiment(NULL) IS NULL AS null_score, sentiment('') AS empty_score;
SELECT (sentiment_detail('')).tokens AS empty_tokens;
SELECT (SELECT count(*) FROM tokens(NULL)) AS null_tokens,
       (SELECT count(*) FROM tokens('')) AS empty_tokens,
       (SELECT count(*) FROM sentences('')) AS empty_sentences,
       (SELECT count(*) FROM pos_tag('')) AS empty_tags,
       (SELECT count(*) FROM pos_tag(ARRAY[]::text[])) AS empty_array_tags,
       (SELECT count(*) FROM sentence_sentiment('')) AS empty_sentence_rows,
       (SELECT count(*) FROM sentiment_explain('')) AS empty_explain_rows;
SELECT sentiment('a');

-- Only superusers change the limit: a user cannot raise (or reset) what a
-- superuser set for them.
SET textsense.max_document_bytes = 100;
CREATE ROLE regress_textsense_limits;
GRANT SELECT ON limits_docs TO regress_textsense_limits;
SET ROLE regress_textsense_limits;
SHOW textsense.max_document_bytes;
SET textsense.max_document_bytes = '1GB';
RESET textsense.max_document_bytes;
SELECT count(*) FROM limits_docs WHERE id <> 7 AND sentiment(doc) > 0;
SELECT count(*) FROM limits_docs WHERE sentiment(doc) > 0;
RESET ROLE;
ALTER ROLE regress_textsense_limits SET textsense.max_document_bytes = '64kB';
SELECT unnest(setconfig) FROM pg_db_role_setting
WHERE setrole = 'regress_textsense_limits'::regrole;

-- Back to the default: a document of more than 1 MB is analysed.
RESET textsense.max_document_bytes;
SHOW textsense.max_document_bytes;
CREATE TEMP TABLE big AS
SELECT repeat('The food was great, but the service was painfully slow 😞. Ça va? 世界は広い。 ', 16000) AS doc;
SELECT octet_length(doc) > 1024 * 1024 AS over_1mb FROM big;
SELECT round(sentiment(doc)::numeric, 4) AS score FROM big;
SELECT (d).sentences, (d).tokens FROM (SELECT sentiment_detail(doc) AS d FROM big) s;
SELECT count(*) AS tokens FROM big, tokens(big.doc);
SELECT count(*) AS tags FROM big, pos_tag(big.doc);
SELECT count(*) AS sentences FROM big, sentences(big.doc);

DROP TABLE limits_scored, limits_generated, limits_docs;
DROP ROLE regress_textsense_limits;
DELETE FROM textsense_lexicon WHERE name = 'regress_limits';
