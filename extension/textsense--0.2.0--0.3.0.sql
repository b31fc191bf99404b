-- textsense 0.2.0 -> 0.3.0: adds the sentiment functions and their result
-- type (see textsense--0.3.0.sql).

\echo Use "ALTER EXTENSION textsense UPDATE TO '0.3.0'" to load this file. \quit

-- Sentiment (0.3.0). Scores are on VADER's scale: -1 (most negative) to +1
-- (most positive). The document label is positive when score >= 0.05,
-- negative when score <= -0.05, neutral in between, and mixed when one
-- sentence scores >= 0.5 and another <= -0.5 whatever the mean. Like
-- pos_tag(), these read a shipped file (models/sentiment_en.model).
-- COST from bench/sql_cost.sh (196-byte reviews of 4 sentences, 40 tokens):
-- sentiment() 6.2 us a row, 3.4x lower(text): COST 4; sentiment_detail()
-- 3.7x: COST 4; sentence_sentiment() 5.0x: COST 5 ROWS 4; sentiment_explain()
-- 12.7x: COST 13 ROWS 40.

CREATE TYPE sentiment_detail AS (
    score double precision,
    label text,
    positive double precision,
    negative double precision,
    neutral double precision,
    sentences integer,
    tokens integer);

COMMENT ON TYPE sentiment_detail IS
'Result of sentiment_detail(): document score in [-1, 1], label (positive, negative, neutral or mixed), the shares of positive, negative and neutral sentiment mass (summing to 1, or all 0 for a text without tokens), and the numbers of sentences and tokens.';

CREATE FUNCTION sentiment(doc text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'textsense_sentiment'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment(text) IS
'Sentiment score of an English document in [-1, 1] (negative to positive; 0 for no sentiment): lexicon valences (VADER, AFINN, Pattern, Emoji Sentiment Ranking) modified by negation, boosters, contrast ("but"), emphasis and emoji, scored per sentence, then combined over the sentences into one document score.';

CREATE FUNCTION sentiment(doc text, lang text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'textsense_sentiment_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment(text, text) IS
'sentiment(doc) for an explicit language (''en''; other languages raise an error naming the available ones).';

CREATE FUNCTION sentiment_detail(doc text)
RETURNS sentiment_detail
AS 'MODULE_PATHNAME', 'textsense_sentiment_detail'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment_detail(text) IS
'Sentiment of an English document with its breakdown: score as sentiment(doc), label (positive when score >= 0.05, negative when <= -0.05, mixed when one sentence scores >= 0.5 and another <= -0.5, else neutral), positive/negative/neutral shares, and the sentence and token counts.';

CREATE FUNCTION sentiment_detail(doc text, lang text)
RETURNS sentiment_detail
AS 'MODULE_PATHNAME', 'textsense_sentiment_detail_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment_detail(text, text) IS
'sentiment_detail(doc) for an explicit language (''en''; other languages raise an error naming the available ones).';

CREATE FUNCTION sentence_sentiment(
    doc text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer,
    OUT score double precision,
    OUT label text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentence_sentiment'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5 ROWS 4;

COMMENT ON FUNCTION sentence_sentiment(text) IS
'Sentiment of each sentence of an English document (sentences as sentences() splits them). One row per sentence: ordinal (1-based), sentence text, start and length in characters such that substr(doc, start, length) = sentence, score in [-1, 1] and label (positive when score >= 0.05, negative when <= -0.05, else neutral).';

CREATE FUNCTION sentence_sentiment(
    doc text,
    lang text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer,
    OUT score double precision,
    OUT label text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentence_sentiment_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5 ROWS 4;

COMMENT ON FUNCTION sentence_sentiment(text, text) IS
'sentence_sentiment(doc) for an explicit language (''en''; other languages raise an error naming the available ones).';

CREATE FUNCTION sentiment_explain(
    doc text,
    OUT ordinal integer,
    OUT token text,
    OUT valence double precision,
    OUT contribution double precision,
    OUT rules text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentiment_explain'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 13 ROWS 40;

COMMENT ON FUNCTION sentiment_explain(text) IS
'Why sentiment(doc) scored what it did. One row per token (as tokens() splits them): ordinal, token, valence (the lexicon''s value on VADER''s -4..+4 scale, 0 if none), contribution (what the token added to its sentence''s sum after negation, boosters, contrast and emphasis) and rules (what applied: lexicon:<source>, idiom, in_phrase, emoji, elongated, all_caps, intensified, diminished, negated, negation_amplified, before_contrast, after_contrast, concessive_clause, exclamation, question, negator, booster, contrast, not_sentiment_use).';

CREATE FUNCTION sentiment_explain(
    doc text,
    lang text,
    OUT ordinal integer,
    OUT token text,
    OUT valence double precision,
    OUT contribution double precision,
    OUT rules text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentiment_explain_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 13 ROWS 40;

COMMENT ON FUNCTION sentiment_explain(text, text) IS
'sentiment_explain(doc) for an explicit language (''en''; other languages raise an error naming the available ones).';
