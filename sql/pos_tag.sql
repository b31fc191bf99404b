-- pos_tag(): part-of-speech tags from the UD English EWT model.
CREATE EXTENSION IF NOT EXISTS textsense;

SELECT token, upos, xpos FROM pos_tag('Time flies like an arrow.');
SELECT * FROM pos_tag('I don''t like green eggs and ham! She emailed bob@example.com at 10:30.');
-- Offsets: substr(doc, start, length) is the token, also past multi-byte text.
SELECT bool_and(substr(d.doc, p.start, p.length) = p.token) AS substr_ok, count(*)
FROM (SELECT 'Das Café in Zürich 👍🏽 was great, wasn''t it? Yes.'::text AS doc) d, pos_tag(d.doc) p;

-- Explicit language; an unknown one names the available ones.
SELECT token, upos FROM pos_tag('Dogs bark.', 'en');
SELECT * FROM pos_tag('Τα σκυλιά γαβγίζουν.', 'el');

-- Pre-tokenised input: one sentence, one element per token.
SELECT * FROM pos_tag(ARRAY['Time', 'flies', 'like', 'an', 'arrow', '.']);
SELECT * FROM pos_tag(ARRAY['I', 'saw', 'her', 'duck']);
SELECT * FROM pos_tag(ARRAY[]::text[]);
SELECT * FROM pos_tag(ARRAY['a', NULL, 'c']);
SELECT * FROM pos_tag(ARRAY[['a', 'b'], ['c', 'd']]);

-- NULL (STRICT), empty and blank documents give no rows.
SELECT count(*) FROM pos_tag(NULL::text);
SELECT count(*) FROM pos_tag(NULL::text[]);
SELECT count(*) FROM pos_tag('');
SELECT count(*) FROM pos_tag('   ');
-- Emoji and emoticons are SYM / NFP.
SELECT token, upos, xpos FROM pos_tag('😀 👍🏽 :) 👨‍👩‍👧');

-- A long document: every token tagged, in order, offsets intact.
SELECT count(*) AS tokens, count(DISTINCT sentence) AS sentences,
       bool_and(ordinal = rn) AS ordered,
       sum(CASE WHEN upos = 'NOUN' THEN 1 ELSE 0 END) AS nouns
FROM (SELECT p.*, row_number() OVER () AS rn
      FROM pos_tag(repeat('The cat sat on the mat. ', 20000)) p) t;

-- One giant "sentence" without punctuation (tagged in bounded blocks).
SELECT count(*), count(DISTINCT upos) FROM pos_tag(repeat('word ', 300000));

-- statement_timeout stops a long call (3M tokens take several seconds),
-- and the session goes on.
SET statement_timeout = '1s';
SELECT count(*) FROM pos_tag(repeat('word ', 3000000));
RESET statement_timeout;
SELECT count(*) FROM pos_tag('Still working.');

-- Usable in plain queries over a table, with a parallel-safe plan.
CREATE TABLE pos_reviews (id int, body text);
INSERT INTO pos_reviews VALUES (1, 'Great phone.'), (2, 'The screen cracked.'), (3, NULL);
SELECT r.id, p.token, p.upos FROM pos_reviews r, pos_tag(r.body) p ORDER BY r.id, p.ordinal;
SELECT proname, provolatile, proparallel, proisstrict, procost, prorows
FROM pg_proc WHERE proname = 'pos_tag' ORDER BY pronargs, proargtypes::text;
DROP TABLE pos_reviews;
