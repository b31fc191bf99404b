-- Upgrade paths: 0.1.0 -> 0.2.0 adds pos_tag(), 0.2.0 -> 0.3.0 adds the
-- sentiment functions and their result type, 0.3.0 -> 0.4.0 the scoring
-- trigger and the backfill procedure, 0.4.0 -> 0.5.0 the custom lexicon
-- tables and the sentiment functions that use them, 0.5.0 -> 0.6.0
-- languages (detection, lang => 'auto', lang columns), 0.6.0 -> 0.7.0 the
-- contraction column of pos_tag(doc), 0.7.0 -> 0.8.0 search_path hardening,
-- 0.8.0 -> 0.9.0 textsense_models(); each keeps what was there. A fresh
-- install of 0.9.0 runs one script (textsense--0.9.0.sql, generated from
-- extension/textsense.sql), compared below with the upgrade chain.
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
-- 0.8.0 -> 0.9.0: textsense_models(); from 0.9.0 on a fresh install runs
-- one script, generated from extension/textsense.sql.
ALTER EXTENSION textsense UPDATE TO '0.9.0';
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT kind, lang, problem FROM textsense_models() WHERE lang = 'en' ORDER BY kind;
-- The upgraded extension has the same members as a fresh install of the
-- current version (textsense--0.9.0.sql), with the same definitions:
-- functions' kind, signature, result, volatility, parallel safety,
-- strictness, cost, rows, language, body, settings and privileges; types'
-- attributes; tables' columns, defaults, constraints, indexes, triggers and
-- privileges; sequences' parameters; comments; and the extension's
-- configuration tables (what pg_dump dumps).
CREATE FUNCTION pg_temp.extension_members()
RETURNS TABLE (member text, definition text)
LANGUAGE sql STABLE
AS $members$
SELECT pg_describe_object(d.classid, d.objid, 0),
  concat_ws(' | ',
    (SELECT concat_ws(' ', p.prokind, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
                      p.proleakproof, p.procost, p.prorows, l.lanname, p.prosrc, p.probin,
                      p.proconfig, p.proacl, pg_get_function_arguments(p.oid),
                      pg_get_function_result(p.oid))
     FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
     WHERE d.classid = 'pg_proc'::regclass AND p.oid = d.objid),
    (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
     FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid
     WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid AND t.typtype = 'c'
       AND a.attnum > 0 AND NOT a.attisdropped),
    (SELECT concat_ws(' ', c.relkind, c.relacl,
       (SELECT string_agg(concat_ws(' ', a.attname, format_type(a.atttypid, a.atttypmod),
                                    CASE WHEN a.attnotnull THEN 'NOT NULL' END,
                                    pg_get_expr(ad.adbin, ad.adrelid)), ', ' ORDER BY a.attnum)
        FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
       (SELECT string_agg(co.conname || ' ' || pg_get_constraintdef(co.oid), ', ' ORDER BY co.conname)
        FROM pg_constraint co WHERE co.conrelid = c.oid),
       (SELECT string_agg(pg_get_indexdef(i.indexrelid), ', ' ORDER BY pg_get_indexdef(i.indexrelid))
        FROM pg_index i WHERE i.indrelid = c.oid),
       (SELECT string_agg(pg_get_triggerdef(tg.oid), ', ' ORDER BY tg.tgname)
        FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND NOT tg.tgisinternal),
       (SELECT concat_ws(' ', s.seqtypid::regtype, s.seqstart, s.seqincrement, s.seqmax, s.seqmin,
                         s.seqcache, s.seqcycle)
        FROM pg_sequence s WHERE s.seqrelid = c.oid))
     FROM pg_class c WHERE d.classid = 'pg_class'::regclass AND c.oid = d.objid),
    md5(obj_description(d.objid, cl.relname)))
FROM pg_depend d JOIN pg_class cl ON cl.oid = d.classid
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'textsense') AND d.deptype = 'e'
UNION ALL
SELECT 'configuration tables',
       (SELECT string_agg(c.relname || ' ' || coalesce(e.extcondition[i], ''), ', ' ORDER BY c.relname)
        FROM pg_extension e, generate_subscripts(e.extconfig, 1) i
        JOIN pg_class c ON true
        WHERE e.extname = 'textsense' AND c.oid = e.extconfig[i])
$members$;
CREATE TEMP TABLE upgraded AS SELECT * FROM pg_temp.extension_members();
DROP EXTENSION textsense;
CREATE EXTENSION textsense;
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.extension_members();
SELECT member FROM fresh ORDER BY member;
-- No difference (an empty result), and the comparison is not vacuous:
-- every kind of member has a definition.
(SELECT * FROM fresh EXCEPT SELECT * FROM upgraded)
UNION ALL
(SELECT * FROM upgraded EXCEPT SELECT * FROM fresh);
SELECT count(*) AS members, count(*) FILTER (WHERE definition = '') AS without_definition FROM fresh;
-- 0.1.0 -> 0.9.0 in one step (through every version between).
DROP EXTENSION textsense;
CREATE EXTENSION textsense VERSION '0.1.0';
ALTER EXTENSION textsense UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'textsense';
SELECT sentiment('Terrible.') < 0 AS negative;
SELECT lang, sentiment FROM textsense_languages() WHERE lang = 'en';
\c contrib_regression
DROP DATABASE textsense_upgrade;
