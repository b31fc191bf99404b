-- Non-UTF-8 server encodings. textsense works in UTF-8 internally: LATIN1
-- text is converted in and out, and offsets stay character positions.
CREATE DATABASE textsense_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c textsense_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION textsense;
SHOW server_encoding;
SELECT t.*, substr(d.doc, t.start, t.length) = t.token AS substr_ok
FROM (SELECT 'Déjà vu: «crème brûlée» à £5, ½ prix! Grüße aus Köln.'::text AS doc) d, tokens(d.doc) t;
SELECT s.*, substr(d.doc, s.start, s.length) = s.sentence AS substr_ok
FROM (SELECT 'Déjà vu. Très bien! Grüße.'::text AS doc) d, sentences(d.doc) s;
-- pos_tag() in LATIN1: tokens converted back, offsets in characters.
SELECT p.token, p.upos, p.xpos, p.start, p.length, substr(d.doc, p.start, p.length) = p.token AS substr_ok
FROM (SELECT 'The café in Köln serves crème brûlée.'::text AS doc) d, pos_tag(d.doc) p;
SELECT * FROM pos_tag(ARRAY['The', 'café', 'was', 'naïve', '.']);
-- sentiment in LATIN1: text converted in, sentences and tokens converted
-- back, offsets in characters.
SELECT s.ordinal, s.sentence, s.start, s.length, s.label,
       substr(d.doc, s.start, s.length) = s.sentence AS substr_ok
FROM (SELECT 'The café in Köln was wonderful.  Their crème brûlée was awful!'::text AS doc) d,
     sentence_sentiment(d.doc) s;
SELECT sentiment('The café in Köln was wonderful.') > 0 AS positive,
       sentiment('Their crème brûlée was awful!', 'en') < 0 AS negative,
-- Four of its seven words came from French: detection says fr (NULL with
-- lang => 'auto'), so English is asked for explicitly.
       (SELECT label FROM sentiment_detail('Déjà vu: a naïve but lovely café.', 'en')) AS label,
       (SELECT lang FROM sentiment_detail('Déjà vu: a naïve but lovely café.')) AS detected;
SELECT token, rules FROM sentiment_explain('Naïve, but the café was lovely.') WHERE cardinality(rules) > 0;

-- SQL_ASCII stores bytes without checking them. Valid UTF-8 is read as
-- UTF-8, and offsets are byte positions because substr() counts bytes here.
CREATE DATABASE textsense_sql_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c textsense_sql_ascii
CREATE EXTENSION textsense;
SHOW server_encoding;
SELECT t.*, substr(d.doc, t.start, t.length) = t.token AS substr_ok
FROM (SELECT 'naïve café 👍🏽 ok'::text AS doc) d, tokens(d.doc) t;
-- Bytes that are not UTF-8 (here LATIN1 "café") give a clear error.
SELECT * FROM tokens(E'caf\xe9 au lait');
SELECT * FROM sentences(E'ok \xff');
SELECT sentiment(E'caf\xe9 was great');
-- Offsets of sentence_sentiment() are byte positions here too.
SELECT s.ordinal, s.sentence, s.start, s.length, substr(d.doc, s.start, s.length) = s.sentence AS substr_ok
FROM (SELECT 'Naïve café 👍🏽 great. Bad.'::text AS doc) d, sentence_sentiment(d.doc) s;
-- The session is fine afterwards.
SELECT count(*) FROM tokens('fine');

\c contrib_regression
DROP DATABASE textsense_latin1;
DROP DATABASE textsense_sql_ascii;
