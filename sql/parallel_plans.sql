-- Parallel plans with the declared COST and the DEFAULT planner settings:
-- over a table of 200,000 reviews (about 65 MB), sentiment() and pos_tag()
-- run as a parallel aggregate without lowering parallel_setup_cost or
-- parallel_tuple_cost (segmentation.sql lowers them for a small table).
-- Quietly, so that the output is the same whether earlier tests created the
-- extension or not.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET ALL;
SET max_parallel_workers_per_gather = 2;  -- the default, explicitly
-- JIT comes after planning and does not change the plans; off, its details
-- stay out of the output.
SET jit = off;

-- Deterministic review-like text: "Review <id>: " and then a run of 1 to 11
-- sentences (every 50th review 25) from a fixed set, a few with emoji and
-- non-ASCII; about 300 bytes on average. The id makes every review distinct
-- as real ones are (with many repeated documents the planner would put a
-- Memoize node over pos_tag()).
CREATE TABLE parallel_reviews (id int, body text);
INSERT INTO parallel_reviews
SELECT i, 'Review ' || i || ': '
          || array_to_string(s[1 + i * 7 % 30 : i * 7 % 30 + CASE WHEN i % 50 = 0 THEN 25 ELSE 1 + i * 37 % 11 END], ' ')
FROM generate_series(1, 200000) i,
     (SELECT a || a AS s FROM (SELECT ARRAY[
       'The room was lovely and the bed was really comfortable.',
       'Staff at the front desk were rude and slow.',
       'Breakfast was great though!',
       'Would I stay again?',
       'Maybe, if the price is right.',
       'The battery lasts for days 🔋 and charging is quick.',
       'Screen cracked after a week and support didn''t reply.',
       'Honestly the worst purchase I have made this year.',
       'Not bad at all for the money.',
       'Delivery took three weeks, which is far too long.',
       'I love the colour, it looks even better than in the photos 😍',
       'The café downstairs serves an excellent crème brûlée.',
       'It works as described, nothing more, nothing less.',
       'Terrible customer service; nobody answered the phone.',
       'Five stars ⭐⭐⭐⭐⭐ would buy again!',
       'The sound is a bit tinny at high volume.',
       'Setup was easy and took less than ten minutes.',
       'My kids use it every day and it still looks new.',
       'The instructions were confusing and partly missing.',
       'Great value, although the strap feels cheap.',
       'We stayed in Zürich for two nights; the view was stunning.',
       'The noise from the street kept us awake all night 😡',
       'Smells a little odd out of the box, but that faded.',
       'Returned it the next day.',
       'Exactly what I needed for the trip.',
       'The app keeps crashing on my phone, which is very annoying.',
       'Absolutely fantastic, highly recommended 👍🏽',
       'The price went up twice since last year.',
       'It is okay, I guess.',
       'The manager apologised and gave us a refund, which was kind.'
     ] AS a) sentences) doubled;
VACUUM ANALYZE parallel_reviews;
SELECT count(*) AS reviews,
       round(avg(octet_length(body)), -1) AS avg_bytes,
       min(octet_length(body)) AS min_bytes,
       max(octet_length(body)) AS max_bytes,
       count(*) FILTER (WHERE octet_length(body) <> length(body)) AS non_ascii
FROM parallel_reviews;

-- The average sentiment of a table: a parallel aggregate.
EXPLAIN (COSTS OFF) SELECT avg(sentiment(body)) FROM parallel_reviews;
-- Counting part-of-speech tags: a parallel scan feeding pos_tag().
EXPLAIN (COSTS OFF) SELECT count(*) FROM parallel_reviews, pos_tag(body);
EXPLAIN (COSTS OFF) SELECT count(*) FROM parallel_reviews, pos_tag(body) WHERE upos = 'ADJ';

-- The parallel plan runs, in workers, and gives the serial result; on a
-- slice of the table to keep the test fast.
EXPLAIN (COSTS OFF) SELECT avg(sentiment(body)) FROM parallel_reviews WHERE id <= 1000;
CREATE FUNCTION pg_temp.workers_launched(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || query INTO plan;
  RETURN plan->0->'Plan'->'Plans'->0->>'Workers Launched';
END $$;
SELECT pg_temp.workers_launched('SELECT avg(sentiment(body)) FROM parallel_reviews WHERE id <= 1000');
SELECT round(avg(sentiment(body))::numeric, 9) AS parallel_avg
FROM parallel_reviews WHERE id <= 1000 \gset
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT avg(sentiment(body)) FROM parallel_reviews WHERE id <= 1000;
SELECT round(avg(sentiment(body))::numeric, 9) = :parallel_avg AS same_as_parallel,
       avg(sentiment(body)) BETWEEN -1 AND 1 AS in_range
FROM parallel_reviews WHERE id <= 1000;
RESET max_parallel_workers_per_gather;

DROP TABLE parallel_reviews;
