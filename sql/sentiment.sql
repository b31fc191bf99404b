-- sentiment(), sentiment_detail(), sentence_sentiment(), sentiment_explain():
-- the rule-based engine over the shipped English lexicon. The engine's
-- constants are still being tuned, so scores are printed rounded and only a
-- few times; most checks are signs, labels and agreement between functions.
CREATE EXTENSION IF NOT EXISTS textsense;

-- Labels. A document is positive when score >= 0.05, negative when
-- score <= -0.05, neutral in between, and mixed when one sentence scores
-- >= 0.5 and another <= -0.5 (whatever the document score). A sentence is
-- positive, negative or neutral by the same +-0.05 thresholds.
CREATE TEMP TABLE label_docs (n int, doc text);
INSERT INTO label_docs VALUES
  (1, 'I love this phone!'),
  (2, 'This is the worst phone I have ever owned.'),
  (3, 'The package arrived on Tuesday.'),
  (4, 'I love this phone. The battery is terrible and awful.');
SELECT t.n, d.label, sign(d.score) AS sign, d.sentences, d.tokens,
       d.label = CASE
         WHEN (SELECT max(score) >= 0.5 AND min(score) <= -0.5 FROM sentence_sentiment(t.doc))
           THEN 'mixed'
         WHEN d.score >= 0.05 THEN 'positive'
         WHEN d.score <= -0.05 THEN 'negative'
         ELSE 'neutral' END AS follows_thresholds,
       d.score BETWEEN -1 AND 1 AS in_range
FROM label_docs t, sentiment_detail(t.doc) d ORDER BY t.n;
-- The mixed document sentence by sentence.
SELECT ordinal, sentence, start, length, round(score::numeric, 3) AS score, label
FROM sentence_sentiment('I love this phone. The battery is terrible and awful.');
-- Sentence labels follow the same thresholds (never mixed).
SELECT bool_and(label = CASE WHEN score >= 0.05 THEN 'positive'
                             WHEN score <= -0.05 THEN 'negative' ELSE 'neutral' END) AS ok
FROM label_docs t, sentence_sentiment(t.doc);

-- The four functions agree: one score, one segmentation (the sentences and
-- tokens of sentences() and tokens()).
SELECT t.n,
       sentiment(t.doc) = (SELECT score FROM sentiment_detail(t.doc)) AS same_score,
       sentiment(t.doc, 'en') = sentiment(t.doc) AS same_with_lang,
       (SELECT array_agg(sentence ORDER BY ordinal) FROM sentence_sentiment(t.doc))
         = (SELECT array_agg(sentence ORDER BY ordinal) FROM sentences(t.doc)) AS same_sentences,
       (SELECT array_agg(token ORDER BY ordinal) FROM sentiment_explain(t.doc))
         = (SELECT array_agg(token ORDER BY ordinal) FROM tokens(t.doc)) AS same_tokens
FROM label_docs t ORDER BY t.n;

-- A negated negative is mildly positive, and after "but" counts more.
SELECT round(sentiment('The food was not bad at all, but the service was painfully slow.')::numeric, 3);
SELECT ordinal, token, round(valence::numeric, 3) AS valence,
       round(contribution::numeric, 3) AS contribution, rules
FROM sentiment_explain('The food was not bad at all, but the service was painfully slow.');
-- More rules, names only.
SELECT ordinal, token, rules
FROM sentiment_explain('Although the room was small, the view was sooo GOOD!!! 😍 It looks like rain, but I like it. Not very nice :(')
WHERE cardinality(rules) > 0;
SELECT token, contribution, rules FROM sentiment_explain('The table is made of wood.');

-- Emoji only.
SELECT d.doc, sentiment(d.doc) > 0 AS positive, sentiment(d.doc) < 0 AS negative, s.label
FROM (VALUES ('😍😍'), ('😡')) d(doc), sentiment_detail(d.doc) s;

-- Empty and blank documents: score 0, neutral, nothing to list.
SELECT sentiment(''), sentiment('  ', 'en');
SELECT * FROM sentiment_detail('');
SELECT * FROM sentiment_detail(E' \n\t ', 'en');
SELECT count(*) FROM sentence_sentiment('');
SELECT count(*) FROM sentiment_explain(' ');

-- NULL in, NULL or no rows out (STRICT), with either argument NULL.
SELECT sentiment(NULL) IS NULL AS a, sentiment(NULL, 'en') IS NULL AS b,
       sentiment('good', NULL) IS NULL AS c, sentiment_detail(NULL) IS NULL AS d,
       sentiment_detail(NULL, 'en') IS NULL AS e;
SELECT count(*) FROM sentence_sentiment(NULL);
SELECT count(*) FROM sentence_sentiment('good', NULL);
SELECT count(*) FROM sentiment_explain(NULL);
SELECT count(*) FROM sentiment_explain(NULL, 'en');

-- Offsets: substr(doc, start, length) is the sentence, past multi-byte text.
SELECT s.ordinal, s.start, s.length, s.label,
       substr(d.doc, s.start, s.length) = s.sentence AS substr_ok
FROM (SELECT 'Das Café 👍🏽 was great!  Zürich was awful… The end.'::text AS doc) d,
     sentence_sentiment(d.doc) s;

-- Explicit language; an unknown one names the available ones.
SELECT sentiment('Great.', 'en') > 0 AS positive;
SELECT sentiment('Toll.', 'de');
SELECT * FROM sentiment_detail('Toll.', 'de');
SELECT * FROM sentence_sentiment('Toll.', 'de');
SELECT * FROM sentiment_explain('Toll.', 'de');

-- A 10 MB document: every sentence scored, the score stays in [-1, 1].
-- (sentiment_detail() goes in FROM: (f(x)).* would call it once per column.)
CREATE TEMP TABLE big AS
SELECT repeat('The room was lovely but the staff were rude. ', 230000) AS doc;
SELECT octet_length(doc) > 10000000 AS over_10mb, s BETWEEN -1 AND 1 AS in_range, s < 0 AS negative
FROM big, sentiment(doc) s;
SELECT d.sentences, d.tokens, d.score BETWEEN -1 AND 1 AS in_range,
       d.positive + d.negative + d.neutral BETWEEN 0.999 AND 1.001 AS shares_sum_to_1
FROM big, sentiment_detail(doc) d;

-- statement_timeout stops a long call (building and scoring 90 MB take
-- most of a second even on two threads), and the session goes on.
SET statement_timeout = '300ms';
SELECT sentiment(repeat('The room was lovely but the staff were rude. ', 2000000));
RESET statement_timeout;
SELECT count(*) FROM sentence_sentiment('Still working. Really.');

-- Over a table, and declared properties.
CREATE TABLE sentiment_reviews (id int, body text);
INSERT INTO sentiment_reviews VALUES
  (1, 'Great phone, I love it :)'), (2, 'The screen cracked. Awful support.'), (3, NULL), (4, '');
SELECT id, sign(sentiment(body)) AS sign, (sentiment_detail(body)).label
FROM sentiment_reviews ORDER BY id;
SELECT r.id, s.ordinal, s.label FROM sentiment_reviews r, sentence_sentiment(r.body) s
ORDER BY r.id, s.ordinal;
-- In a parallel plan: each worker loads the lexicon on its first call.
INSERT INTO sentiment_reviews
SELECT i, CASE i % 3 WHEN 0 THEN 'Great phone, I love it :)'
                     WHEN 1 THEN 'Awful phone. I hate it :('
                     ELSE NULL END
FROM generate_series(5, 3004) i;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(*) FILTER (WHERE sentiment(body) > 0) FROM sentiment_reviews;
SELECT count(*) FILTER (WHERE sentiment(body) > 0) AS positive,
       count(*) FILTER (WHERE sentiment(body) < 0) AS negative,
       count(*) FILTER (WHERE sentiment(body) = 0) AS neutral,
       count(*) FILTER (WHERE sentiment(body) IS NULL) AS null
FROM sentiment_reviews;
RESET ALL;
SELECT p.oid::regprocedure, p.provolatile, p.proparallel, p.proisstrict, p.procost, p.prorows,
       p.prorettype::regtype, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.proname IN ('sentiment', 'sentiment_detail', 'sentence_sentiment', 'sentiment_explain')
ORDER BY p.oid::regprocedure::text;
DROP TABLE sentiment_reviews;
