-- The examples/ walk-through end to end: sample reviews, scored by the
-- backfill procedure and kept scored by triggers, then the BI dashboard
-- queries of examples/dashboard.sql. Also checks that every function,
-- procedure and type of the extension is documented by a COMMENT (what BI
-- tools and psql's \df+ show), and that the stored scores are what
-- sentiment() says.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS textsense;
RESET client_min_messages;
-- The backfill's progress NOTICEs carry timings in their DETAIL.
\set VERBOSITY terse

-- pg_regress feeds this file to psql on stdin from the top directory, so
-- the paths are relative to it.
\i examples/sample_reviews.sql
\i examples/score_reviews.sql
\i examples/dashboard.sql

-- Members of the extension without a COMMENT: none.
SELECT pg_describe_object(d.classid, d.objid, 0) AS undocumented_member
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'textsense')
  AND d.deptype = 'e'
  AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass)
  AND obj_description(d.objid, d.classid::regclass::text) IS NULL
ORDER BY 1;
-- (and the query above did look at members of both kinds)
SELECT d.classid::regclass AS catalog, count(*) > 0 AS has_members
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'textsense')
  AND d.deptype = 'e'
  AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass)
GROUP BY 1
ORDER BY d.classid::regclass::text;

-- What the backfill and the triggers stored is what the functions return.
SELECT count(*) AS scored_rows,
       count(*) FILTER (WHERE score IS DISTINCT FROM sentiment(body)) AS score_mismatches,
       count(*) FILTER (WHERE label IS DISTINCT FROM (sentiment_detail(body)).label) AS label_mismatches
FROM reviews;

DROP TABLE reviews;
