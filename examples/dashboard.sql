-- Dashboard queries for BI tools (Metabase, Superset, Grafana, ...) on the
-- scored reviews table of examples/sample_reviews.sql and
-- examples/score_reviews.sql (columns score and label kept by textsense's
-- triggers). Each query feeds one panel. They return only plain types that
-- every driver maps to a native value (double precision, bigint, integer,
-- text, date): no numeric (Decimal in Python and JDBC), no composite
-- sentiment_detail. Days are UTC days, so the panels are the same whatever
-- the session's TimeZone. Every ORDER BY is total, so each query returns
-- the same rows in the same order every time. The fixed week and products
-- stand for the parameters a dashboard would fill in (a date range, a
-- product filter). Checked by sql/bi_examples.sql (pg_regress) and
-- test/bi_client_check.py (types as a Python client sees them).

-- Label distribution (pie chart): reviews per label and their share in %.
-- A review in a language without a sentiment lexicon has no label (NULL):
-- its slice says so.
SELECT coalesce(label, 'not scored (language)') AS label,
       count(*) AS reviews,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1)::float8 AS percent
FROM reviews
GROUP BY 1
ORDER BY reviews DESC, label;

-- Daily average sentiment per product (line chart, one line per product):
-- the last week of March 2026 for two products.
SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
       product,
       count(*) AS reviews,
       round(avg(score)::numeric, 3)::float8 AS avg_score
FROM reviews
WHERE created_at >= timestamptz '2026-03-25 00:00:00+00'
  AND created_at < timestamptz '2026-04-01 00:00:00+00'
  AND product IN ('laptop', 'phone')
GROUP BY day, product
ORDER BY day, product;

-- Share of negative reviews per product (bar chart): the fraction of a
-- product's reviews labelled negative (mixed ones are not counted), worst
-- product first.
SELECT product,
       count(*) AS reviews,
       count(*) FILTER (WHERE label = 'negative') AS negative_reviews,
       round(avg((label = 'negative')::int), 3)::float8 AS negative_share
FROM reviews
GROUP BY product
ORDER BY negative_share DESC, product;

-- Most frequent adjectives in negative sentences (bar chart or word cloud):
-- what customers complain about, from the sentences sentence_sentiment()
-- labels negative, tagged by pos_tag().
SELECT lower(t.token) AS adjective,
       count(*) AS mentions
FROM reviews r
CROSS JOIN LATERAL sentence_sentiment(r.body) s
CROSS JOIN LATERAL pos_tag(s.sentence) t
WHERE s.label = 'negative'
  AND t.upos = 'ADJ'
GROUP BY adjective
ORDER BY mentions DESC, adjective
LIMIT 10;

-- The five most negative of the longer reviews (100 characters or more)
-- with their worst sentence (table panel): what went wrong, in the
-- customer's words. Served by the index on score.
SELECT r.id,
       r.product,
       (r.created_at AT TIME ZONE 'UTC')::date AS day,
       round(r.score::numeric, 3)::float8 AS score,
       w.sentence AS worst_sentence,
       round(w.score::numeric, 3)::float8 AS sentence_score
FROM reviews r
CROSS JOIN LATERAL (
  SELECT s.sentence, s.score
  FROM sentence_sentiment(r.body) s
  ORDER BY s.score, s.ordinal
  LIMIT 1) w
WHERE length(r.body) >= 100
ORDER BY r.score, r.id
LIMIT 5;
