-- Upgrade paths: 0.1.0 -> 0.2.0 adds pos_tag(), 0.2.0 -> 0.3.0 adds the
-- sentiment functions and their result type, 0.3.0 -> 0.4.0 the scoring
-- trigger and the backfill procedure, 0.4.0 -> 0.5.0 the custom lexicon
-- tables and the sentiment functions that use them, 0.5.0 -> 0.6.0
-- languages (detection, lang => 'auto', lang columns), 0.6.0 -> 0.7.0 the
-- contraction column of pos_tag(doc), 0.7.0 -> 0.8.0 search_path hardening;
-- each keeps what was there. A fresh
-- install runs 0.3.0's script and then the upgrade scripts.
CREATE DATABASE textsense_upgrade TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c textsense_upgrade
CREATE EXTENSION textsense VERSION '0.1.0';
SELECT count(*) FROM pg_proc WHERE proname = 'pos_tag';
ALTER EXTENSION textsense UPDATE TO '0.2.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT token, upos FROM pos_tag('It works.');
SELECT count(*) FROM tokens('Still here.');
SELECT count(*) FROM pg_proc WHERE proname LIKE '%sentiment%';
ALTER EXTENSION textsense UPDATE TO '0.3.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT sentiment('It works, and I love it.') > 0 AS positive;
SELECT label, sentences, tokens FROM sentiment_detail('It works. I love it.');
SELECT count(*) FROM pos_tag('Still here.');
ALTER EXTENSION textsense UPDATE TO '0.4.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
CREATE TABLE upgraded_reviews (body text, score float8);
CREATE TRIGGER score BEFORE INSERT ON upgraded_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
INSERT INTO upgraded_reviews (body) VALUES ('Scored on insert. Great!');
SELECT score > 0 AS positive FROM upgraded_reviews;
DROP TABLE upgraded_reviews;
ALTER EXTENSION textsense UPDATE TO '0.5.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
INSERT INTO textsense_lexicon (name) VALUES ('upgraded');
INSERT INTO textsense_lexicon_term VALUES ('upgraded', 'meh', 2);
SELECT sentiment('Meh.', 'en', 'upgraded') > 0 AS custom_lexicon_works;
-- What 0.5.0 users have when they upgrade to 0.6.0: a trigger without a
-- lang argument (English then, 'auto' now), a stored generated column, a
-- custom lexicon.
CREATE TABLE upgraded_reviews (body text, score float8,
    generated float8 GENERATED ALWAYS AS (sentiment(body)) STORED);
CREATE TRIGGER score BEFORE INSERT ON upgraded_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
INSERT INTO upgraded_reviews (body) VALUES ('Scored in 0.5.0. Great!');
ALTER EXTENSION textsense UPDATE TO '0.6.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
INSERT INTO upgraded_reviews (body) VALUES ('Das Essen war ausgezeichnet, aber der Service war schrecklich.');
SELECT body, score > 0 AS positive, generated > 0 AS generated_positive FROM upgraded_reviews ORDER BY body;
SELECT lang, label FROM sentiment_detail('It works. I love it.');
SELECT ordinal, score > 0 AS positive, lang FROM sentence_sentiment('It works. I love it.');
SELECT sentiment('Meh.', 'en', 'upgraded') > 0 AS custom_lexicon_still_works;
SELECT * FROM detect_language('Das Essen war ausgezeichnet.');
DROP TABLE upgraded_reviews;
DELETE FROM textsense_lexicon;
-- 0.6.0 -> 0.7.0: pos_tag(doc) gains the contraction column.
ALTER EXTENSION textsense UPDATE TO '0.7.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT token, upos, contraction FROM pos_tag('Le prix du pain.', 'fr');
-- 0.7.0 -> 0.8.0: the PL/pgSQL routines run with search_path pg_catalog.
ALTER EXTENSION textsense UPDATE TO '0.8.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT p.proname, p.proconfig FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE l.lanname = 'plpgsql' AND p.proname LIKE 'textsense%' ORDER BY p.proname;
-- The upgraded extension has the same members as a fresh install, with the
-- same definitions (function properties, signatures, type attributes,
-- comments).
\set members 'SELECT pg_describe_object(d.classid, d.objid, 0) AS member, concat_ws(\' \', p.provolatile, p.proparallel, p.proisstrict, p.procost, p.prorows, p.prosrc, p.proconfig, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), (SELECT string_agg(a.attname || \' \' || format_type(a.atttypid, a.atttypmod), \', \' ORDER BY a.attnum) FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid WHERE d.classid = \'pg_type\'::regclass AND t.oid = d.objid), md5(obj_description(d.objid, c.relname))) AS definition FROM pg_depend d JOIN pg_class c ON c.oid = d.classid LEFT JOIN pg_proc p ON d.classid = \'pg_proc\'::regclass AND p.oid = d.objid WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = \'textsense\') AND d.deptype = \'e\''
CREATE TEMP TABLE upgraded AS :members;
DROP EXTENSION textsense;
CREATE EXTENSION textsense;
CREATE TEMP TABLE fresh AS :members;
SELECT member FROM fresh ORDER BY member;
(SELECT * FROM fresh EXCEPT SELECT * FROM upgraded)
UNION ALL
(SELECT * FROM upgraded EXCEPT SELECT * FROM fresh);
-- 0.1.0 -> 0.8.0 in one step (through 0.2.0, 0.3.0, 0.4.0, 0.5.0, 0.6.0 and 0.7.0).
DROP EXTENSION textsense;
CREATE EXTENSION textsense VERSION '0.1.0';
ALTER EXTENSION textsense UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT sentiment('Terrible.') < 0 AS negative;
SELECT lang, sentiment FROM textsense_languages() WHERE lang = 'en';
\c contrib_regression
DROP DATABASE textsense_upgrade;
