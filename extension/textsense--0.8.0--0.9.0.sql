-- textsense 0.8.0 -> 0.9.0: model identity in SQL. textsense_models() lists
-- the installed model files with their paths, sizes, format versions and
-- checksums, and the checksum of the copy the session has loaded.
-- From 0.9.0 on, CREATE EXTENSION runs one install script,
-- textsense--0.9.0.sql, generated from extension/textsense.sql.

\echo Use "ALTER EXTENSION textsense UPDATE TO '0.9.0'" to load this file. \quit

CREATE FUNCTION textsense_models(
    OUT kind text,
    OUT lang text,
    OUT path text,
    OUT bytes bigint,
    OUT format_version integer,
    OUT checksum text,
    OUT loaded_checksum text,
    OUT problem text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_models'
LANGUAGE C STABLE STRICT PARALLEL SAFE
COST 100 ROWS 20;

COMMENT ON FUNCTION textsense_models() IS
'The model files installed in the extension''s share directory, one row per file: kind (sentiment or pos), lang, path, bytes, and the format version and content checksum its header records; loaded_checksum is the checksum of the copy this session has loaded (NULL until a call loads it), so a session still using a replaced file shows a different one. problem says what is wrong with a file whose header cannot be read (NULL otherwise); the whole file is checked when it is loaded. When checksum changes, REINDEX indexes and recompute stored columns that depend on the model. STABLE: it reads the share directory.';


-- The tagging models have no treebank tags for Chinese: xpos is NULL there.
COMMENT ON FUNCTION pos_tag(text) IS
'Part-of-speech tags of a document in its language (lang => ''auto''): segments it as tokens() does, then tags each word with its Universal POS tag (upos: NOUN, VERB, ADJ, ...) and, where the model has them, a treebank tag (xpos: Penn Treebank for English, STTS for German; NULL for the others). One row per word: ordinal, sentence ordinal, token, upos, xpos, start and length in characters such that substr(doc, start, length) = token, lang, the language of its sentence, and contraction. A contraction of several words (French "du" = "de" + "le") gives a row per word: token is the word, start and length are the contraction''s, and contraction holds its text (substr(doc, start, length) = contraction); contraction is NULL for every other token. A sentence in a language without a tagging model keeps its rows with NULL upos and xpos.';

-- sentiment_explain() names one more rule, hashtag_words (a hashtag of words
-- joined by "_" scored by its words).
COMMENT ON FUNCTION sentiment_explain(text) IS
'Why sentiment(doc) scored what it did (lang => ''auto''). One row per token (as tokens() splits them): ordinal, token, valence (the lexicon''s value on VADER''s -4..+4 scale, 0 if none), contribution (what the token added to its sentence''s sum after negation, boosters, contrast and emphasis) and rules (what applied: lexicon:<source>, idiom, in_phrase, emoji, elongated, all_caps, intensified, diminished, negated, negation_amplified, before_contrast, after_contrast, concessive_clause, exclamation, question, negator, booster, contrast, not_sentiment_use, hashtag_words). valence, contribution and rules are NULL in a sentence that was not analysed (a language without a lexicon).';
