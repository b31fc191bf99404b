-- textsense 0.2.0: segmentation and part-of-speech tagging.
\echo Use "CREATE EXTENSION textsense" to load this file. \quit

-- All functions are IMMUTABLE for a given textsense and ICU version: they
-- read nothing but their argument (ICU's break rules ship with the library,
-- as for ICU collations). STRICT: NULL in, nothing out. PARALLEL SAFE: no
-- shared state. COST is relative to a COST 1 builtin and comes from
-- bench/sql_cost.sh: on 197-byte reviews a call of sentences() takes 3.3x
-- and tokens() 7.2x the time of lower(text); rounded up to 5 and 10 since
-- stored documents are often longer. ROWS is the row count of such a review.
-- pos_tag(doc) measured 44x lower(text) (76 us per review): COST 45; the
-- pre-tokenised form skips segmentation, about 1.5 us per token: COST 20 for
-- a 20-token sentence. pos_tag() also reads its shipped model file
-- (models/pos_en.model), which is as fixed as the library's code.

CREATE FUNCTION textsense_version()
RETURNS text
AS 'MODULE_PATHNAME', 'textsense_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION textsense_version() IS
'Version of the textsense library loaded by this backend.';

CREATE FUNCTION sentences(
    doc text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5 ROWS 4;

COMMENT ON FUNCTION sentences(text) IS
'Splits a document into sentences (ICU sentence rules with English abbreviation handling). One row per sentence: ordinal (1-based), sentence text trimmed of surrounding blanks, start and length in characters such that substr(doc, start, length) = sentence.';

CREATE FUNCTION tokens(
    doc text,
    OUT ordinal integer,
    OUT sentence integer,
    OUT token text,
    OUT kind text,
    OUT start integer,
    OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 10 ROWS 40;

COMMENT ON FUNCTION tokens(text) IS
'Splits a document into tokens (ICU word rules for every script, dictionaries for Chinese, Japanese and Thai; Universal Dependencies conventions for English contractions and abbreviations). One row per token: ordinal (1-based), sentence ordinal, token text, kind (word, number, punct, symbol, emoji, emoticon, url, email, mention, hashtag), start and length in characters such that substr(doc, start, length) = token.';

CREATE FUNCTION pos_tag(
    doc text,
    OUT ordinal integer,
    OUT sentence integer,
    OUT token text,
    OUT upos text,
    OUT xpos text,
    OUT start integer,
    OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 45 ROWS 40;

COMMENT ON FUNCTION pos_tag(text) IS
'Part-of-speech tags of an English document: segments it as tokens() does, then tags each token with its Universal POS tag (upos: NOUN, VERB, ADJ, ...) and Penn Treebank tag (xpos: NN, VBZ, JJ, ...) with an averaged-perceptron model trained on UD English EWT. One row per token: ordinal, sentence ordinal, token, upos, xpos, start and length in characters such that substr(doc, start, length) = token.';

CREATE FUNCTION pos_tag(
    doc text,
    lang text,
    OUT ordinal integer,
    OUT sentence integer,
    OUT token text,
    OUT upos text,
    OUT xpos text,
    OUT start integer,
    OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 45 ROWS 40;

COMMENT ON FUNCTION pos_tag(text, text) IS
'pos_tag(doc) for an explicit language (''en''; other languages raise an error naming the available ones).';

CREATE FUNCTION pos_tag(
    tokens text[],
    OUT ordinal integer,
    OUT token text,
    OUT upos text,
    OUT xpos text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 20 ROWS 20;

COMMENT ON FUNCTION pos_tag(text[]) IS
'Part-of-speech tags of one already-tokenised English sentence (one array element per token, e.g. ARRAY[''Time'',''flies'',''like'',''an'',''arrow'',''.'']): ordinal, token, upos, xpos. NULL elements are an error.';
