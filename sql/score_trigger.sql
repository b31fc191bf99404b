-- textsense_score_trigger(source_column, target_column [, lang]): what it
-- writes into each kind of column, UPDATE and NULL handling, errors,
-- partitioned and TOASTed tables. Quietly, so that the output is the same
-- whether earlier tests created the extension or not.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET client_min_messages;

CREATE DOMAIN mild_score AS numeric(4, 3) CHECK (VALUE > -0.9);
CREATE TABLE scored (
    id int PRIMARY KEY,
    body text,
    note text,
    score double precision,
    score_real real,
    score_numeric numeric(4, 2),
    score_domain mild_score,
    label text,
    label_varchar varchar(8),
    detail jsonb);
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TRIGGER score_real BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score_real');
CREATE TRIGGER score_numeric BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score_numeric');
CREATE TRIGGER score_domain BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score_domain', 'en');
CREATE TRIGGER label BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label');
CREATE TRIGGER label_varchar BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label_varchar');
CREATE TRIGGER detail BEFORE INSERT OR UPDATE ON scored
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'detail');

-- Every kind of target, a NULL text and an empty one.
INSERT INTO scored (id, body) VALUES
    (1, 'I love this phone, the camera is superb!'),
    (2, 'The battery is awful. I want a refund.'),
    (3, 'The best hotel ever. The worst breakfast ever.'),
    (4, NULL),
    (5, '');
SELECT id, score, score_real, score_numeric, score_domain, label, label_varchar
FROM scored ORDER BY id;
-- Each value is what the SQL functions return for the same text.
SELECT id,
       score IS NOT DISTINCT FROM sentiment(body) AS score,
       score_real IS NOT DISTINCT FROM sentiment(body)::real AS score_real,
       score_numeric IS NOT DISTINCT FROM sentiment(body)::numeric(4, 2) AS score_numeric,
       label IS NOT DISTINCT FROM (sentiment_detail(body)).label AS label,
       detail IS NOT DISTINCT FROM to_jsonb(sentiment_detail(body)) AS detail
FROM scored ORDER BY id;
SELECT jsonb_pretty(detail) FROM scored WHERE id = 2;
-- Values given for the target on INSERT are replaced (NULL text: NULL).
INSERT INTO scored (id, body, score, label) VALUES (6, 'Great!', -1, 'negative'), (7, NULL, 0.5, 'x');
SELECT id, score, label FROM scored WHERE id IN (6, 7) ORDER BY id;

-- UPDATE: a changed text is rescored; an unrelated change leaves the
-- scores as they were (the trigger does no work: a target set by hand
-- alongside stays as set); a text set to NULL clears them.
UPDATE scored SET body = 'Terrible, just terrible.' WHERE id = 1;
SELECT id, score = sentiment(body) AS rescored, label FROM scored WHERE id = 1;
UPDATE scored SET note = 'checked', score = 0.25 WHERE id = 2;
SELECT id, note, score, label FROM scored WHERE id = 2;
UPDATE scored SET body = body WHERE id = 2;
SELECT id, score FROM scored WHERE id = 2;
UPDATE scored SET body = body || '' WHERE id = 2;
SELECT id, score FROM scored WHERE id = 2;
UPDATE scored SET body = NULL WHERE id = 3;
SELECT id, score, label, detail FROM scored WHERE id = 3;
UPDATE scored SET body = 'Back, and happy about it.' WHERE id = 3;
SELECT id, score > 0 AS positive, label FROM scored WHERE id = 3;
-- A row written before the trigger existed (NULL score) is scored by any
-- UPDATE, so that touching old rows fills them in.
ALTER TABLE scored DISABLE TRIGGER score;
INSERT INTO scored (id, body) VALUES (8, 'Old row, written without its score. Nice.');
ALTER TABLE scored ENABLE TRIGGER score;
SELECT id, score FROM scored WHERE id = 8;
UPDATE scored SET note = 'touched' WHERE id = 8;
SELECT id, score = sentiment(body) AS scored_now FROM scored WHERE id = 8;

-- An error while scoring any row aborts the whole statement: the domain
-- rejects a score of -0.9 or below, and nothing of the three rows is kept.
INSERT INTO scored (id, body) VALUES
    (10, 'Fine.'), (11, 'I hate hate hate this awful terrible horrible disgusting thing!!!'), (12, 'Fine.');
SELECT count(*) FROM scored WHERE id >= 10;
-- COPY goes through the trigger too.
COPY scored (id, body) FROM stdin;
20	Good value for money.
21	\N
\.
SELECT id, score = sentiment(body) AS scored, label FROM scored WHERE id >= 20 ORDER BY id;

-- A label longer than a varchar(n) target is an error, as an assignment is.
CREATE TABLE short_label (body text, label varchar(3));
CREATE TRIGGER label BEFORE INSERT ON short_label
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label');
INSERT INTO short_label VALUES ('Wonderful!');
DROP TABLE short_label;

-- Bad arguments and bad trigger kinds: a clear error at the first row.
-- try_trigger() creates the trigger, writes a row (INSERT, then DELETE)
-- and returns the error with its hint; the failed write is rolled back.
CREATE TABLE bad (id int, body text, n int, score float8, other text,
                  g float8 GENERATED ALWAYS AS (length(body)) STORED);
CREATE FUNCTION try_trigger(kind text, level text, args text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  message text;
  hint text;
BEGIN
  EXECUTE format('CREATE TRIGGER t %s ON bad FOR EACH %s EXECUTE FUNCTION textsense_score_trigger(%s)',
                 kind, level, args);
  INSERT INTO bad (id, body) VALUES (1, 'x');
  DELETE FROM bad;
  RAISE EXCEPTION 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
  RETURN message || coalesce(E'\nHINT: ' || nullif(hint, ''), '');
END $$;
SELECT kind, level, args, try_trigger(kind, level, args) AS error
FROM (VALUES
  ('BEFORE INSERT', 'ROW', ''),
  ('BEFORE INSERT', 'ROW', $$'body', 'score', 'en', 'cars', 'extra'$$),
  ('BEFORE INSERT', 'ROW', $$'missing', 'score'$$),
  ('BEFORE INSERT', 'ROW', $$'body', 'missing'$$),
  ('BEFORE INSERT', 'ROW', $$'id', 'score'$$),
  ('BEFORE INSERT', 'ROW', $$'body', 'n'$$),
  ('BEFORE INSERT', 'ROW', $$'body', 'body'$$),
  ('BEFORE INSERT', 'ROW', $$'body', 'g'$$),
  ('BEFORE INSERT', 'ROW', $$'body', 'ctid'$$),
  ('BEFORE INSERT', 'ROW', $$'body', 'score', 'xx'$$),
  ('AFTER INSERT', 'ROW', $$'body', 'score'$$),
  ('BEFORE INSERT', 'STATEMENT', $$'body', 'score'$$),
  ('BEFORE DELETE', 'ROW', $$'body', 'score'$$)) t(kind, level, args);
SELECT textsense_score_trigger();
SELECT count(*) AS rows_kept FROM bad;
DROP TABLE bad;
DROP FUNCTION try_trigger(text, text, text);

-- textsense_score_target(): the same checks without a trigger.
SELECT textsense_score_target('scored', 'body', c)
FROM unnest(ARRAY['score', 'score_real', 'score_numeric', 'score_domain', 'label',
                  'label_varchar', 'detail']) c;
SELECT textsense_score_target('scored', 'body', 'id');
SELECT textsense_score_target('pg_class_oid_index', 'body', 'score');

-- A partitioned table: the trigger on the parent fires for every partition
-- (and a row moving between partitions is scored as it lands).
CREATE TABLE posts (region text, body text, score float8) PARTITION BY LIST (region);
CREATE TABLE posts_eu PARTITION OF posts FOR VALUES IN ('eu');
CREATE TABLE posts_us PARTITION OF posts FOR VALUES IN ('us');
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
INSERT INTO posts VALUES ('eu', 'Lovely staff.', NULL), ('us', 'Rude staff.', NULL);
SELECT tableoid::regclass AS part, body, score = sentiment(body) AS scored FROM posts ORDER BY 1;
UPDATE posts SET region = 'us', body = 'Lovely staff, awful food.' WHERE region = 'eu';
SELECT tableoid::regclass AS part, body, score = sentiment(body) AS scored FROM posts ORDER BY 2;
DROP TABLE posts;

-- A TOASTed text (stored out of line, uncompressed) is read in full, and
-- an UPDATE of another column does not rescore it.
CREATE TABLE long_docs (id int, note text, body text, score float8, detail jsonb);
ALTER TABLE long_docs ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON long_docs
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TRIGGER detail BEFORE INSERT OR UPDATE ON long_docs
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'detail');
INSERT INTO long_docs (id, body)
SELECT 1, string_agg('Sentence ' || i || ' is ' || (ARRAY['great', 'awful', 'fine'])[1 + i % 3] || '.', ' ')
FROM generate_series(1, 3000) i;
SELECT (SELECT pg_relation_size(reltoastrelid) > 50000 FROM pg_class WHERE relname = 'long_docs')
           AS stored_in_toast,
       score = sentiment(body) AS scored, (detail ->> 'sentences')::int AS sentences
FROM long_docs;
UPDATE long_docs SET note = 'seen', score = 42;
SELECT note, score FROM long_docs;
DROP TABLE long_docs;

DROP TABLE scored;
DROP DOMAIN mild_score;
