-- Segmentation from SQL: sentences(), tokens(), textsense_version().
CREATE EXTENSION textsense;

SELECT textsense_version() ~ '^\d+\.\d+\.\d+$' AS version_ok;

-- Every token's offsets select it with substr().
SELECT t.*, substr(d.doc, t.start, t.length) = t.token AS substr_ok
FROM (SELECT 'Hello 世界! 👍🏽 https://x.org #tag'::text AS doc) d, tokens(d.doc) t;

SELECT * FROM sentences(E'  Dr. Smith arrived at 5 p.m. today. "Was it late?" she asked!\nYes...  ');

-- English follows UD conventions; URLs, e-mail, mentions, hashtags, emoticons stay whole.
SELECT string_agg(token || '/' || kind, ' ' ORDER BY ordinal)
FROM tokens('I don''t think Mr. O''Neil''s in the U.S. now, e.g. e-mail bob@example.com or @bob_1 #fun :) !!!');

-- Dictionary scripts, right-to-left text, combining marks.
SELECT sentence, string_agg(token, ' | ' ORDER BY ordinal)
FROM tokens(E'我爱北京天安门。東京都に住んでいます。ฉันรักภาษาไทยมาก أحب القراءة. Zoë é\u0301\u0308')
GROUP BY sentence ORDER BY sentence;

-- NULL in, no rows out (STRICT); empty and blank documents give no rows.
SELECT count(*) FROM tokens(NULL);
SELECT count(*) FROM sentences(NULL);
SELECT count(*) FROM tokens('');
SELECT count(*) FROM sentences(E' \n\t  ');

-- Emoji only: skin tones, ZWJ families, flags, keycaps are one token each.
SELECT token, kind, start, length FROM tokens('👍🏽👨‍👩‍👧🇫🇷1️⃣😂😂');

-- A multi-megabyte document: counts, and substr() agreement on a sample of
-- rows (substr() on multibyte text scans from the start: all rows would be
-- quadratic).
CREATE TEMP TABLE big AS
SELECT repeat('The room was lovely, but the staff were rude. 世界 👍🏽 Visit https://x.org! ', 70000) AS doc;
SELECT octet_length(doc) > 5000000 AS over_5mb,
       (SELECT count(*) FROM tokens(doc)) AS tokens,
       (SELECT count(*) FROM sentences(doc)) AS sentences,
       (SELECT bool_and(substr(doc, start, length) = token) FROM tokens(doc)
        WHERE ordinal % 10007 = 1) AS tokens_substr_ok,
       (SELECT bool_and(substr(doc, start, length) = sentence) FROM sentences(doc)
        WHERE ordinal % 1009 = 1) AS sentences_substr_ok
FROM big;

-- A statement timeout stops a long call, and the session goes on.
INSERT INTO big SELECT repeat('Words and more words, sentence after sentence. ', 1000000);
SET statement_timeout = '100ms';
SELECT count(*) FROM big, tokens(doc);
RESET statement_timeout;
SELECT count(*) FROM tokens('still working');

-- Declared properties: immutable, strict, parallel safe, costed, commented.
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.procost, p.prorows,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'textsense'
ORDER BY p.proname, pg_get_function_identity_arguments(p.oid);

-- Over a table, and in a parallel plan.
CREATE TABLE reviews (id int PRIMARY KEY, body text);
INSERT INTO reviews
SELECT i, CASE i % 3 WHEN 0 THEN 'Great phone! Battery lasts for days :)'
                     WHEN 1 THEN 'Screen cracked after a week. Support didn''t reply.'
                     ELSE NULL END
FROM generate_series(1, 3000) i;
SELECT count(*) AS tokens, count(DISTINCT id) AS rows_with_text FROM reviews, tokens(body);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT count(*) FROM reviews, tokens(body);
SELECT count(*) AS tokens FROM reviews, tokens(body);
RESET ALL;
DROP TABLE reviews;
