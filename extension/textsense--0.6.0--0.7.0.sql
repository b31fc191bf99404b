-- textsense 0.6.0 -> 0.7.0: part-of-speech tagging in more languages.
-- pos_tag(doc) gains a contraction column: a token that is a contraction
-- of several syntactic words in the model's language (French "du" = "de" +
-- "le", Spanish "del", Portuguese "do", German "zum") gives one row per
-- word, each with the contraction's start and length and the contraction
-- itself in this column (NULL for every other token).

\echo Use "ALTER EXTENSION textsense UPDATE TO '0.7.0'" to load this file. \quit

DROP FUNCTION pos_tag(text);
DROP FUNCTION pos_tag(text, text);

CREATE FUNCTION pos_tag(
    doc text,
    OUT ordinal integer,
    OUT sentence integer,
    OUT token text,
    OUT upos text,
    OUT xpos text,
    OUT start integer,
    OUT length integer,
    OUT lang text,
    OUT contraction text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 45 ROWS 40;

COMMENT ON FUNCTION pos_tag(text) IS
'Part-of-speech tags of a document in its language (lang => ''auto''): segments it as tokens() does, then tags each word with its Universal POS tag (upos: NOUN, VERB, ADJ, ...) and, where the model has them, a treebank tag (xpos: Penn Treebank for English, STTS for German, CTB for Chinese; NULL for the others). One row per word: ordinal, sentence ordinal, token, upos, xpos, start and length in characters such that substr(doc, start, length) = token, lang, the language of its sentence, and contraction. A contraction of several words (French "du" = "de" + "le") gives a row per word: token is the word, start and length are the contraction''s, and contraction holds its text (substr(doc, start, length) = contraction); contraction is NULL for every other token. A sentence in a language without a tagging model keeps its rows with NULL upos and xpos.';

CREATE FUNCTION pos_tag(
    doc text,
    lang text,
    OUT ordinal integer,
    OUT sentence integer,
    OUT token text,
    OUT upos text,
    OUT xpos text,
    OUT start integer,
    OUT length integer,
    OUT lang text,
    OUT contraction text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 45 ROWS 40;

COMMENT ON FUNCTION pos_tag(text, text) IS
'pos_tag(doc) in an explicit language (an installed one: textsense_languages(); others raise an error naming them) or ''auto''.';

COMMENT ON FUNCTION pos_tag(text[], text) IS
'pos_tag(tokens) for a sentence in lang (an installed language, or ''auto'': detected from the tokens joined by spaces, an error when that language has no tagging model). The tokens are taken as syntactic words: contractions are not split. xpos is NULL for models without treebank tags.';
