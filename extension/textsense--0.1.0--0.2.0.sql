-- textsense 0.1.0 -> 0.2.0: adds pos_tag(). COST from bench/sql_cost.sh (see
-- textsense--0.2.0.sql).

\echo Use "ALTER EXTENSION textsense UPDATE TO '0.2.0'" to load this file. \quit

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
