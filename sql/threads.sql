-- The thread pool's settings and its one promise: a document split across
-- threads gives exactly what one thread gives. Documents of about 1 MB
-- (above textsense.parallel_min_bytes, so they are split when the pool is
-- on), compared with textsense.max_threads = 1 (no pool at all).
-- The settings exist once the library is loaded in the session (by the
-- first textsense call, LOAD, or session_preload_libraries); a SET before
-- that is kept as a placeholder and applies when it loads. The cap
-- (textsense.max_threads_limit, superuser only) defaults to the number of
-- cores: raised here so that the test runs the same on any machine.
SET textsense.max_threads_limit = 4;
SET textsense.max_threads = 3;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET client_min_messages;
LOAD 'textsense';
SHOW textsense.max_threads;
RESET textsense.max_threads;

-- The settings: defaults, units, limits.
SELECT current_setting('textsense.max_threads')::int BETWEEN 1 AND 8 AS max_threads_default_ok;
SHOW textsense.parallel_min_bytes;
SHOW textsense.max_threads_in_parallel_query;
SET textsense.parallel_min_bytes = '1MB';
SHOW textsense.parallel_min_bytes;
SET textsense.max_threads = 0;
SET textsense.max_threads = 65;
SET textsense.parallel_min_bytes = 100;
SET textsense.no_such_setting = 1;
RESET textsense.parallel_min_bytes;

-- The cap. A SET above it is refused; a value that a lower cap overtakes
-- is clamped, and SHOW says what is in effect.
SET textsense.max_threads = 4;
SET textsense.max_threads_limit = 2;
SHOW textsense.max_threads;
SET textsense.max_threads = 3;
SET textsense.max_threads_limit = 65;
-- A role that is not a superuser can neither raise the cap nor go past it.
CREATE ROLE textsense_threads_user;
SET ROLE textsense_threads_user;
SET textsense.max_threads_limit = 64;
SET textsense.max_threads = 64;
SET textsense.max_threads = 2;
SHOW textsense.max_threads;
SHOW textsense.max_threads_limit;
RESET ROLE;
DROP ROLE textsense_threads_user;
SET textsense.max_threads_limit = 4;
RESET textsense.max_threads;

CREATE TEMP TABLE docs (id int, doc text);
INSERT INTO docs
SELECT i, string_agg(format('%s Review %s: %s', CASE WHEN j % 7 = 0 THEN E'\n' ELSE '' END, j,
                            (ARRAY['The room was lovely, but the staff were rude and slow.',
                                   'Dr. Smith said it was NOT bad at all!!! 👍🏽 Visit https://x.org/a.b. Then leave.',
                                   'Ça coûte 3.14 €. 世界は広い。 Не плохо. e.g. this, i.e. that.',
                                   '@bob #fail :( I don''t like it... but the view was goooood.'])[1 + (i + j) % 4]),
                     ' ')
FROM generate_series(1, 3) i, generate_series(1, 12000) j
GROUP BY i;
SELECT id, octet_length(doc) > 1000000 AS over_1mb FROM docs ORDER BY id;

-- One thread ...
SET textsense.max_threads = 1;
CREATE TEMP TABLE serial AS
SELECT id,
       sentiment(doc) AS score,
       sentiment_detail(doc) AS detail,
       (SELECT md5(string_agg(concat_ws('|', ordinal, sentence, start, length, score, label), ',' ORDER BY ordinal))
          FROM sentence_sentiment(doc)) AS sentences,
       (SELECT md5(string_agg(concat_ws('|', ordinal, token, valence, contribution, rules), ',' ORDER BY ordinal))
          FROM sentiment_explain(doc)) AS explain,
       (SELECT md5(string_agg(concat_ws('|', ordinal, sentence, token, upos, xpos, start, length), ',' ORDER BY ordinal))
          FROM pos_tag(doc)) AS tags,
       (SELECT md5(string_agg(concat_ws('|', ordinal, sentence, token, kind, start, length), ',' ORDER BY ordinal))
          FROM tokens(doc)) AS tokens
FROM docs;

-- ... against two, with the threshold at its lowest.
SET textsense.max_threads = 2;
SET textsense.parallel_min_bytes = '1kB';
SELECT s.id,
       sentiment(d.doc) = s.score AS same_score,
       sentiment_detail(d.doc) = s.detail AS same_detail,
       (SELECT md5(string_agg(concat_ws('|', ordinal, sentence, start, length, score, label), ',' ORDER BY ordinal))
          FROM sentence_sentiment(d.doc)) = s.sentences AS same_sentences,
       (SELECT md5(string_agg(concat_ws('|', ordinal, token, valence, contribution, rules), ',' ORDER BY ordinal))
          FROM sentiment_explain(d.doc)) = s.explain AS same_explain,
       (SELECT md5(string_agg(concat_ws('|', ordinal, sentence, token, upos, xpos, start, length), ',' ORDER BY ordinal))
          FROM pos_tag(d.doc)) = s.tags AS same_tags,
       (SELECT md5(string_agg(concat_ws('|', ordinal, sentence, token, kind, start, length), ',' ORDER BY ordinal))
          FROM tokens(d.doc)) = s.tokens AS same_tokens
FROM serial s JOIN docs d USING (id) ORDER BY s.id;

-- The backend's threads: its own and the pool's workers, never more than
-- textsense.max_threads. Changing the setting resizes the pool; 1 removes it.
CREATE FUNCTION pg_temp.backend_threads() RETURNS bigint LANGUAGE sql
AS $$ SELECT count(*) FROM pg_ls_dir('/proc/' || pg_backend_pid() || '/task') $$;
SELECT pg_temp.backend_threads() AS threads_with_2;
SET textsense.max_threads = 3;
SELECT s.id, sentiment(d.doc) = s.score AS same_score_3_threads
FROM serial s JOIN docs d USING (id) ORDER BY s.id;
SELECT pg_temp.backend_threads() AS threads_with_3;
SET textsense.max_threads = 1;
SELECT s.id, sentiment(d.doc) = s.score AS same_score_pool_off
FROM serial s JOIN docs d USING (id) ORDER BY s.id;
SELECT pg_temp.backend_threads() AS threads_with_1;
-- Small documents never start the pool.
SET textsense.max_threads = 2;
SELECT sentiment('Short and sweet.') > 0 AS positive;
SELECT pg_temp.backend_threads() AS threads_after_a_short_text;

RESET textsense.max_threads;
RESET textsense.parallel_min_bytes;
DROP TABLE serial, docs;
