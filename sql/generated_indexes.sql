-- Scores kept by the table itself: a generated column, and expression
-- indexes that queries on sentiment(body) use. Both need the IMMUTABLE
-- built-in forms, sentiment(doc) and sentiment(doc, lang).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET client_min_messages;
SET jit = off;
SET max_parallel_workers_per_gather = 0;

-- A generated column is computed on INSERT and recomputed on UPDATE of
-- the text, and cannot be written directly.
CREATE TABLE notes (
    id int PRIMARY KEY,
    body text,
    score double precision GENERATED ALWAYS AS (sentiment(body)) STORED,
    label text GENERATED ALWAYS AS ((sentiment_detail(body, 'en')).label) STORED);
INSERT INTO notes (id, body) VALUES (1, 'What a great day!'), (2, 'Awful service.'), (3, NULL);
SELECT id, score = sentiment(body) AS stored, label FROM notes ORDER BY id;
UPDATE notes SET body = 'Awful day.' WHERE id = 1;
SELECT id, score < 0 AS negative, label FROM notes WHERE id = 1;
UPDATE notes SET score = 1 WHERE id = 1;
-- Columns added to a filled table are computed for the existing rows.
ALTER TABLE notes ADD COLUMN detail_tokens int
    GENERATED ALWAYS AS ((sentiment_detail(body)).tokens) STORED;
SELECT id, detail_tokens FROM notes ORDER BY id;
DROP TABLE notes;

-- 20,000 short reviews, one in 50 clearly negative.
CREATE TABLE indexed_reviews (id int PRIMARY KEY, body text);
INSERT INTO indexed_reviews
SELECT i, 'Review ' || i || ': ' || CASE
    WHEN i % 50 = 0 THEN 'Terrible, broken and useless. I hate it!'
    WHEN i % 3 = 0 THEN 'Works as described.'
    WHEN i % 3 = 1 THEN 'Good value, quick delivery.'
    ELSE 'Nice colour, but the strap is a bit short.' END
FROM generate_series(1, 20000) i;
CREATE INDEX indexed_reviews_sentiment ON indexed_reviews (sentiment(body));
ANALYZE indexed_reviews;
-- ANALYZE keeps statistics on the indexed expression, so the planner knows
-- how few rows are below -0.5 and reads them through the index.
EXPLAIN (COSTS OFF) SELECT id FROM indexed_reviews WHERE sentiment(body) < -0.5;
SELECT count(*), min(id), max(id) FROM indexed_reviews WHERE sentiment(body) < -0.5;
-- The most negative reviews in index order: no sort, no scoring of the
-- other 19,990 rows.
EXPLAIN (COSTS OFF) SELECT id FROM indexed_reviews ORDER BY sentiment(body) LIMIT 10;
-- The index is kept current by writes.
UPDATE indexed_reviews SET body = 'Review 1: Broken on arrival, useless. I hate it!' WHERE id = 1;
SELECT count(*) FROM indexed_reviews WHERE sentiment(body) < -0.5;
-- The index answers as a scan of the table would.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM indexed_reviews WHERE sentiment(body) < -0.5;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- The label of the form with a lang argument, as an index.
CREATE INDEX indexed_reviews_label ON indexed_reviews (((sentiment_detail(body, 'en')).label));
ANALYZE indexed_reviews;
EXPLAIN (COSTS OFF) SELECT count(*) FROM indexed_reviews WHERE (sentiment_detail(body, 'en')).label = 'negative';
SELECT count(*) FROM indexed_reviews WHERE (sentiment_detail(body, 'en')).label = 'negative';
DROP TABLE indexed_reviews;
