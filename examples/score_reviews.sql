-- Scoring the rows of a table (docs/scoring-tables.md, "Score rows on
-- insert" and "Backfill"): on examples/sample_reviews.sql's reviews table.

-- Columns for the score and the label, filled for existing rows by the
-- backfill procedure in committed batches (CALL outside a transaction
-- block), and kept current by triggers on every INSERT and on every UPDATE
-- that changes the text.
ALTER TABLE reviews ADD COLUMN score double precision, ADD COLUMN label text;
CALL textsense_backfill('reviews', 'body', 'score', batch_size => 1000);
CALL textsense_backfill('reviews', 'body', 'label', batch_size => 1000);

CREATE TRIGGER reviews_score BEFORE INSERT OR UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TRIGGER reviews_label BEFORE INSERT OR UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label');

-- New rows arrive scored.
INSERT INTO reviews (id, product, created_at, body)
VALUES (1000001, 'phone', '2026-03-31 12:00:00+00',
        'The camera is superb, but the battery dies by noon.');
SELECT id, score, label FROM reviews WHERE id = 1000001;

-- An index on the stored score serves "the most negative reviews" queries.
CREATE INDEX reviews_score_idx ON reviews (score);
ANALYZE reviews;
