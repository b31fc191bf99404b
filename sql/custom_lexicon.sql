-- Custom sentiment lexicons in SQL tables: overrides, new words and
-- phrases, neutralised words, explain, invalidation across sessions,
-- privileges and row-level security, errors.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
CREATE EXTENSION IF NOT EXISTS dblink;
RESET client_min_messages;

-- "sick" is good news at a skate shop; "unpredictable" is good in a
-- thriller and bad in a car.
INSERT INTO textsense_lexicon (name, description) VALUES
    ('skate', 'Skateboard shop reviews'),
    ('thriller', 'Book reviews'),
    ('cars', 'Car reviews');
INSERT INTO textsense_lexicon_term (lexicon, term, valence) VALUES
    ('skate', 'sick', 2.5),
    ('skate', 'rock solid', 3),
    ('skate', 'Gnarly', 2),
    ('thriller', 'unpredictable', 2.2),
    ('cars', 'unpredictable', -2.2),
    ('cars', 'pulls to the left', -2);

SELECT round(sentiment('This board is sick!')::numeric, 3) AS built_in,
       round(sentiment('This board is sick!', 'en', 'skate')::numeric, 3) AS skate;
SELECT doc, round(sentiment(doc)::numeric, 3) AS built_in,
       round(sentiment(doc, 'en', 'thriller')::numeric, 3) AS thriller,
       round(sentiment(doc, 'en', 'cars')::numeric, 3) AS cars
FROM (VALUES ('The ending was unpredictable.'),
             ('The steering is unpredictable and it pulls to the left.'),
             ('Not unpredictable at all.')) d(doc);
-- Phrases and case: matched over tokens, whatever the case.
SELECT round(sentiment('ROCK SOLID deck, gnarly graphics.', 'en', 'skate')::numeric, 3) AS skate,
       round(sentiment('ROCK SOLID deck, gnarly graphics.')::numeric, 3) AS built_in;
-- explain names the custom lexicon as the source of a custom term.
SELECT ordinal, token, valence, rules
FROM sentiment_explain('This board is sick, not bad at all.', 'en', 'skate')
WHERE valence <> 0 OR cardinality(rules) > 0;
SELECT (sentiment_detail('This board is sick!', 'en', 'skate')).*;
SELECT ordinal, sentence, round(score::numeric, 3) AS score, label
FROM sentence_sentiment('Sick board. Sick staff, though.', 'en', 'skate');

-- A valence of 0 neutralises a built-in word.
INSERT INTO textsense_lexicon (name) VALUES ('neutral_sick');
INSERT INTO textsense_lexicon_term VALUES ('neutral_sick', 'sick', 0);
SELECT round(sentiment('I feel sick.', 'en', 'neutral_sick')::numeric, 3) AS neutralised,
       round(sentiment('I feel sick.')::numeric, 3) AS built_in;

-- A change is visible to the next statement, in this session and in
-- another one (a second connection through dblink), which had the old
-- version compiled.
-- To this server, whatever its port and socket directory (another cluster
-- may hold the default port on the same machine).
SELECT dblink_connect('other', pg_catalog.format('dbname=%s port=%s host=%s',
  current_database(), current_setting('port'),
  coalesce(nullif(btrim(split_part(current_setting('unix_socket_directories'), ',', 1)), ''),
           'localhost')));
SELECT round(score::numeric, 3) AS other_before
FROM dblink('other', $$SELECT sentiment('This board is sick!', 'en', 'skate')$$) AS t(score float8);
UPDATE textsense_lexicon_term SET valence = -3 WHERE lexicon = 'skate' AND term = 'sick';
SELECT round(sentiment('This board is sick!', 'en', 'skate')::numeric, 3) AS here_after;
SELECT round(score::numeric, 3) AS other_after
FROM dblink('other', $$SELECT sentiment('This board is sick!', 'en', 'skate')$$) AS t(score float8);
-- The other way round: the other session changes, this one sees it.
SELECT dblink_exec('other', $$DELETE FROM textsense_lexicon_term WHERE lexicon = 'skate' AND term = 'sick'$$);
SELECT round(sentiment('This board is sick!', 'en', 'skate')::numeric, 3)
       = round(sentiment('This board is sick!')::numeric, 3) AS back_to_built_in;
-- Renaming a lexicon is a change too.
UPDATE textsense_lexicon SET name = 'skateboards' WHERE name = 'skate';
SELECT round(sentiment('rock solid', 'en', 'skateboards')::numeric, 3) AS renamed;
SELECT dblink_disconnect('other');

-- Scoring a table, in a parallel plan too: the workers read the lexicon.
CREATE TABLE car_reviews (id int, body text);
INSERT INTO car_reviews SELECT i, CASE WHEN i % 2 = 0 THEN 'Handling is unpredictable.'
                                       ELSE 'Comfortable seats, and it pulls to the left.' END
FROM generate_series(1, 2000) i;
ANALYZE car_reviews;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF) SELECT avg(sentiment(body, 'en', 'cars')) FROM car_reviews;
SELECT round(avg(sentiment(body, 'en', 'cars'))::numeric, 6) AS parallel_avg FROM car_reviews \gset
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SET max_parallel_workers_per_gather = 0;
SELECT round(avg(sentiment(body, 'en', 'cars'))::numeric, 6) = :parallel_avg AS same_serial,
       avg(sentiment(body, 'en', 'cars')) < avg(sentiment(body)) AS more_negative
FROM car_reviews;
RESET max_parallel_workers_per_gather;
-- The trigger takes the lexicon as a fourth argument.
ALTER TABLE car_reviews ADD COLUMN score float8;
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON car_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score', 'en', 'cars');
INSERT INTO car_reviews (id, body) VALUES (0, 'Unpredictable brakes.');
SELECT score = sentiment(body, 'en', 'cars') AS custom_score, score < sentiment(body) AS lower
FROM car_reviews WHERE id = 0;
-- Being STABLE, the custom forms cannot define an index or a generated column.
CREATE INDEX ON car_reviews (sentiment(body, 'en', 'cars'));
DROP TABLE car_reviews;

-- Bad input.
INSERT INTO textsense_lexicon_term VALUES ('cars', NULL, 1);
INSERT INTO textsense_lexicon_term VALUES ('cars', '  ', 1);
INSERT INTO textsense_lexicon_term VALUES ('cars', 'zoomy', 4.5);
INSERT INTO textsense_lexicon_term VALUES ('cars', 'zoomy', 'NaN');
INSERT INTO textsense_lexicon_term VALUES ('cars', 'zoomy', NULL);
INSERT INTO textsense_lexicon_term VALUES ('no_such_lexicon', 'zoomy', 1);
\set VERBOSITY terse
INSERT INTO textsense_lexicon (name, lang) VALUES ('greek', 'el');
\set VERBOSITY default
SELECT sentiment('Fine.', 'en', 'no_such_lexicon');
SELECT sentiment('Fine.', 'xx', 'cars');
SELECT sentiment('Fine.', 'en', NULL) IS NULL AS null_lexicon_gives_null;
-- Terms the compiler rejects are reported when the lexicon is used.
INSERT INTO textsense_lexicon (name) VALUES ('broken');
INSERT INTO textsense_lexicon_term VALUES ('broken', 'Great', 1), ('broken', 'GREAT', 2);
SELECT sentiment('Fine.', 'en', 'broken');
DELETE FROM textsense_lexicon_term WHERE lexicon = 'broken';
INSERT INTO textsense_lexicon_term VALUES ('broken', 'one two three four five six seven', 1);
SELECT sentiment('Fine.', 'en', 'broken');
DELETE FROM textsense_lexicon_term WHERE lexicon = 'broken';
INSERT INTO textsense_lexicon_term VALUES ('broken', '...', 1);
SELECT sentiment('Fine.', 'en', 'broken');
DELETE FROM textsense_lexicon WHERE name = 'broken';

-- Privileges and tenants: a role reads lexicons as itself. One lexicon per
-- tenant, row-level security on both tables by the lexicon's name.
CREATE ROLE regress_tenant_a;
CREATE ROLE regress_tenant_b;
CREATE ROLE regress_outsider;
GRANT SELECT ON textsense_lexicon, textsense_lexicon_term TO regress_tenant_a, regress_tenant_b;
ALTER TABLE textsense_lexicon ENABLE ROW LEVEL SECURITY;
ALTER TABLE textsense_lexicon_term ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_lexicons ON textsense_lexicon USING (name = current_user);
CREATE POLICY tenant_terms ON textsense_lexicon_term USING (lexicon = current_user);
INSERT INTO textsense_lexicon (name) VALUES ('regress_tenant_a'), ('regress_tenant_b');
INSERT INTO textsense_lexicon_term VALUES ('regress_tenant_a', 'meh', 3), ('regress_tenant_b', 'meh', -3);
SET ROLE regress_tenant_a;
SELECT sentiment('Meh.', 'en', 'regress_tenant_a') > 0 AS own_lexicon_applies;
SELECT sentiment('Meh.', 'en', 'regress_tenant_b');
SELECT count(*) AS visible_terms FROM textsense_lexicon_term;
RESET ROLE;
SET ROLE regress_tenant_b;
SELECT sentiment('Meh.', 'en', 'regress_tenant_b') < 0 AS own_lexicon_applies;
RESET ROLE;
-- A tenant may edit its own terms (with the grants docs/custom-lexicons.md
-- lists), not
-- another tenant's.
GRANT INSERT, UPDATE, DELETE ON textsense_lexicon_term TO regress_tenant_a;
GRANT UPDATE (revision) ON textsense_lexicon TO regress_tenant_a;
GRANT USAGE ON SEQUENCE textsense_lexicon_revision TO regress_tenant_a;
SET ROLE regress_tenant_a;
INSERT INTO textsense_lexicon_term VALUES ('regress_tenant_a', 'so-so', 2.5);
SELECT sentiment('So-so.', 'en', 'regress_tenant_a') > 0 AS own_term_applies;
INSERT INTO textsense_lexicon_term VALUES ('regress_tenant_b', 'so-so', -4);
UPDATE textsense_lexicon_term SET valence = -4 WHERE lexicon = 'regress_tenant_b';
RESET ROLE;
SELECT lexicon, term, valence FROM textsense_lexicon_term WHERE lexicon LIKE 'regress_%' ORDER BY 1, 2;
REVOKE ALL ON SEQUENCE textsense_lexicon_revision FROM regress_tenant_a;
SET ROLE regress_outsider;
SELECT sentiment('Meh.', 'en', 'regress_tenant_a');
SELECT sentiment('Meh.') IS NOT NULL AS built_in_still_works;
RESET ROLE;
DROP POLICY tenant_lexicons ON textsense_lexicon;
DROP POLICY tenant_terms ON textsense_lexicon_term;
ALTER TABLE textsense_lexicon DISABLE ROW LEVEL SECURITY;
ALTER TABLE textsense_lexicon_term DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON textsense_lexicon, textsense_lexicon_term FROM regress_tenant_a, regress_tenant_b;
DROP ROLE regress_tenant_a, regress_tenant_b, regress_outsider;

-- TRUNCATE of the terms is a change; dropping a lexicon drops its terms.
SELECT sentiment('Unpredictable.', 'en', 'cars') < sentiment('Unpredictable.') AS cars_applies;
TRUNCATE textsense_lexicon_term;
SELECT sentiment('Unpredictable.', 'en', 'cars') = sentiment('Unpredictable.') AS cars_empty;
INSERT INTO textsense_lexicon_term VALUES ('cars', 'unpredictable', -2.2);
DELETE FROM textsense_lexicon;
SELECT count(*) AS terms_left FROM textsense_lexicon_term;
