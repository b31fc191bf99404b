-- textsense_backfill(tbl, source_column, target_column, batch_size, lang):
-- fills existing rows in committed batches, resumes after an interruption,
-- handles partitioned tables and gives clear errors. VERBOSITY terse keeps
-- the progress NOTICEs (rows done of total) and drops their DETAIL (rows/s
-- and elapsed time, which vary from run to run).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET client_min_messages;
\set VERBOSITY terse

CREATE TABLE old_reviews (id int PRIMARY KEY, body text, score float8, label text, detail jsonb);
INSERT INTO old_reviews (id, body)
SELECT i, CASE WHEN i % 100 = 0 THEN NULL
               ELSE 'Review ' || i || ': ' || (ARRAY['Great phone!', 'Awful battery.',
                    'It is fine, I guess.', 'Love the screen, hate the price.'])[1 + i % 4] END
FROM generate_series(1, 5000) i;
CALL textsense_backfill('old_reviews', 'body', 'score', 1000);
-- Every row with text has its score; rows without keep NULL.
SELECT count(*) AS rows, count(score) AS scored,
       count(*) FILTER (WHERE score IS DISTINCT FROM sentiment(body)) AS mismatched
FROM old_reviews;
-- Nothing left to do: a second call writes nothing.
CALL textsense_backfill('old_reviews', 'body', 'score');
-- The label and the whole detail, as the trigger would write them.
CALL textsense_backfill('old_reviews', 'body', 'label', batch_size => 2500);
CALL textsense_backfill('old_reviews', 'body', 'detail', 5000, 'en');
SELECT count(*) FILTER (WHERE label IS DISTINCT FROM (sentiment_detail(body)).label) AS label_mismatched,
       count(*) FILTER (WHERE detail IS DISTINCT FROM to_jsonb(sentiment_detail(body))) AS detail_mismatched
FROM old_reviews;

-- Interrupted and resumed: a trigger that fails on row 3501 stops the run
-- in the batch that holds it; the batches committed before stay, and the
-- next call scores only what is left.
UPDATE old_reviews SET score = NULL;
CREATE FUNCTION fail_on_3501() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id = 3501 AND current_setting('test.fail', true) = 'on' THEN
    RAISE EXCEPTION 'simulated failure on row %', NEW.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER fail_on_3501 BEFORE UPDATE ON old_reviews FOR EACH ROW EXECUTE FUNCTION fail_on_3501();
SET test.fail = 'on';
CALL textsense_backfill('old_reviews', 'body', 'score', 1000);
SELECT count(score) > 0 AND count(score) < 3501 AS partly_done, count(score) = count(body) AS all_done
FROM old_reviews;
RESET test.fail;
CALL textsense_backfill('old_reviews', 'body', 'score', 1000);
SELECT count(score) = count(body) AS all_done,
       count(*) FILTER (WHERE score IS DISTINCT FROM sentiment(body)) AS mismatched
FROM old_reviews;
DROP TRIGGER fail_on_3501 ON old_reviews;
DROP FUNCTION fail_on_3501();

-- With the scoring trigger on the table too, the backfill's own UPDATE is
-- not scored twice (the trigger sees an unchanged text) and new rows are
-- scored by the trigger.
-- (With the trigger on, an UPDATE that sets the score to NULL is scored
-- again at once, so the trigger is off while the scores are cleared.)
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON old_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
ALTER TABLE old_reviews DISABLE TRIGGER score;
UPDATE old_reviews SET score = NULL WHERE id <= 10;
ALTER TABLE old_reviews ENABLE TRIGGER score;
CALL textsense_backfill('old_reviews', 'body', 'score');
INSERT INTO old_reviews (id, body) VALUES (5001, 'Brand new and brilliant.');
SELECT count(*) FILTER (WHERE score IS DISTINCT FROM sentiment(body)) AS mismatched FROM old_reviews;
DROP TRIGGER score ON old_reviews;

-- A partitioned table, one partition at a time.
CREATE TABLE posts (region text, body text, score float8) PARTITION BY LIST (region);
CREATE TABLE posts_eu PARTITION OF posts FOR VALUES IN ('eu');
CREATE TABLE posts_us PARTITION OF posts FOR VALUES IN ('us');
INSERT INTO posts SELECT CASE WHEN i % 3 = 0 THEN 'eu' ELSE 'us' END, 'Post ' || i || ': so good!', NULL
FROM generate_series(1, 3000) i;
CALL textsense_backfill('posts', 'body', 'score', 1500);
SELECT tableoid::regclass AS part, count(*), count(score) AS scored FROM posts GROUP BY 1 ORDER BY 1;

-- Bad arguments.
CALL textsense_backfill('old_reviews', 'body', 'score', 0);
CALL textsense_backfill('old_reviews', 'body', NULL);
CALL textsense_backfill('old_reviews', 'missing', 'score');
CALL textsense_backfill('old_reviews', 'body', 'id');
CALL textsense_backfill('old_reviews', 'body', 'score', 100, 'xx');
CALL textsense_backfill('no_such_table', 'body', 'score');
CREATE VIEW old_reviews_view AS SELECT * FROM old_reviews;
CALL textsense_backfill('old_reviews_view', 'body', 'score');
DROP VIEW old_reviews_view;
-- It commits, so it cannot run inside a transaction block; it fails before
-- writing anything.
UPDATE old_reviews SET score = NULL WHERE id <= 10;
BEGIN;
CALL textsense_backfill('old_reviews', 'body', 'score');
ROLLBACK;
SELECT count(score) FROM old_reviews WHERE id <= 10;

DROP TABLE posts;
DROP TABLE old_reviews;
