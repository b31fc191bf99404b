-- textsense: the install script of the current version (default_version in
-- textsense.control). The Makefile copies this file to
-- textsense--<version>.sql; the older versions' scripts and the upgrade
-- scripts beside it are kept as released, and sql/upgrade.sql checks that
-- this script and the upgrade chain from 0.1.0 create the same objects.
-- To change the SQL surface: edit this file, bump default_version, and add
-- textsense--<old>--<new>.sql with the same change.
\echo Use "CREATE EXTENSION textsense" to load this file. \quit

-- Volatility: the analysis functions are IMMUTABLE for a given textsense,
-- ICU and model version: they read nothing but their arguments (ICU's break
-- rules ship with the library, as for ICU collations; the model files are
-- as fixed as the library's code). A new model version can change results,
-- so REINDEX what depends on them after an upgrade (textsense_models() and
-- textsense_languages() show each model's checksum). The forms with a
-- custom lexicon read tables, and are STABLE. STRICT: NULL in, nothing
-- out. PARALLEL SAFE: no shared state.
--
-- Languages: every analysis function takes lang, an ISO 639-1 code or
-- 'auto', and the forms without lang mean 'auto': the language detected in
-- the text (CLD2 plus textsense's short-text layer) when a model for it is
-- installed, English when detection is not reliable (short text, no
-- letters). A text reliably detected in a language without the model is
-- never analysed with another language's rules: sentiment() returns NULL.
-- docs/languages.md has the details.
--
-- COST is relative to a COST 1 builtin and comes from bench/sql_cost.sh: on
-- 197-byte reviews a call of sentences() takes 3.3x and tokens() 7.2x the
-- time of lower(text); rounded up to 5 and 10 since stored documents are
-- often longer. ROWS is the row count of such a review. pos_tag(doc)
-- measured 44x lower(text) (76 us per review): COST 45; the pre-tokenised
-- form skips segmentation, about 1.5 us per token: COST 20 for a 20-token
-- sentence.

-- Version and models ------------------------------------------------------------

CREATE FUNCTION textsense_version()
RETURNS text
AS 'MODULE_PATHNAME', 'textsense_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION textsense_version() IS
'Version of the textsense library loaded by this backend.';

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

CREATE FUNCTION textsense_languages(
    OUT lang text,
    OUT name text,
    OUT sentiment boolean,
    OUT pos boolean,
    OUT detection boolean,
    OUT segmentation text,
    OUT sentiment_format integer,
    OUT sentiment_checksum text,
    OUT pos_format integer,
    OUT pos_checksum text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_languages'
LANGUAGE C STABLE STRICT PARALLEL SAFE
COST 100 ROWS 100;

COMMENT ON FUNCTION textsense_languages() IS
'What textsense knows of each language: sentiment and pos (a model file is installed: models are found from the files sentiment_<lang>.model and pos_<lang>.model in the extension''s share directory), detection (CLD2 detects it), segmentation (''rules'': a language profile with its own sentence and word rules; ''icu'': ICU''s rules alone), and each installed model''s format version and content checksum, which change when the model does (then REINDEX indexes and recompute stored columns that depend on it). STABLE: it reads the share directory.';

-- Language detection ------------------------------------------------------------

CREATE TYPE language_guess AS (
    lang text,
    confidence double precision,
    reliable boolean);

COMMENT ON TYPE language_guess IS
'Result of detect_language(): lang (ISO 639-1 code, zh for Chinese in either script; NULL when nothing can be said: empty text, digits, punctuation, emoji or URLs only), confidence in [0, 1], and reliable (the evidence is strong: a decisive script, enough text, or a clear margin for a short one).';

CREATE FUNCTION detect_language(doc text)
RETURNS language_guess
AS 'MODULE_PATHNAME', 'textsense_detect_language'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 2;

COMMENT ON FUNCTION detect_language(text) IS
'The language of a text: CLD2 (83 languages) with what short texts need on top (the script decides Arabic, Hangul, kana, Thai, ...; a few Latin-script words are re-ranked among the main languages with function words and spelling). Returns (lang, confidence, reliable); lang is NULL when nothing can be said.';

CREATE FUNCTION detect_languages(
    doc text,
    OUT lang text,
    OUT percent double precision,
    OUT score double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_detect_languages'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 3 ROWS 2;

COMMENT ON FUNCTION detect_languages(text) IS
'Up to three languages of a text that mixes them, largest share first: lang, percent of the text''s letters, and CLD2''s normalised score. No rows when nothing can be said.';

-- Segmentation ------------------------------------------------------------------

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
'Splits a document into sentences with the rules of its language (lang => ''auto'': the detected language when reliable, else English): ICU sentence rules with CLDR''s abbreviation suppressions. One row per sentence: ordinal (1-based), sentence text trimmed of surrounding blanks, start and length in characters such that substr(doc, start, length) = sentence.';

CREATE FUNCTION sentences(
    doc text,
    lang text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5 ROWS 4;

COMMENT ON FUNCTION sentences(text, text) IS
'sentences(doc) with the sentence rules of lang (an ISO 639-1 code: CLDR''s abbreviations for de, es, fr, it, pt, ru, ...; ICU''s rules for a language without a profile) or ''auto''.';

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
'Splits a document into tokens with the rules of its language (lang => ''auto''): ICU word rules for every script, dictionaries for Chinese, Japanese and Thai, and Universal Dependencies conventions of the language (English contractions and abbreviations, French and Italian elision). One row per token: ordinal (1-based), sentence ordinal, token text, kind (word, number, punct, symbol, emoji, emoticon, url, email, mention, hashtag), start and length in characters such that substr(doc, start, length) = token.';

CREATE FUNCTION tokens(
    doc text,
    lang text,
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

COMMENT ON FUNCTION tokens(text, text) IS
'tokens(doc) with the word rules of lang (English clitics and abbreviations, French and Italian elision, hyphenated words kept whole in German, French, ...) or ''auto''.';

-- Part of speech ----------------------------------------------------------------

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
'Part-of-speech tags of a document in its language (lang => ''auto''): segments it as tokens() does, then tags each word with its Universal POS tag (upos: NOUN, VERB, ADJ, ...) and, where the model has them, a treebank tag (xpos: Penn Treebank for English, STTS for German; NULL for the others). One row per word: ordinal, sentence ordinal, token, upos, xpos, start and length in characters such that substr(doc, start, length) = token, lang, the language of its sentence, and contraction. A contraction of several words (French "du" = "de" + "le") gives a row per word: token is the word, start and length are the contraction''s, and contraction holds its text (substr(doc, start, length) = contraction); contraction is NULL for every other token. A sentence in a language without a tagging model keeps its rows with NULL upos and xpos.';

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

CREATE FUNCTION pos_tag(
    tokens text[],
    lang text,
    OUT ordinal integer,
    OUT token text,
    OUT upos text,
    OUT xpos text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 20 ROWS 20;

COMMENT ON FUNCTION pos_tag(text[], text) IS
'pos_tag(tokens) for a sentence in lang (an installed language, or ''auto'': detected from the tokens joined by spaces, an error when that language has no tagging model). The tokens are taken as syntactic words: contractions are not split. xpos is NULL for models without treebank tags.';

-- Sentiment ----------------------------------------------------------------------
-- Scores are on VADER's scale: -1 (most negative) to +1 (most positive).
-- The document label is positive when score >= 0.05, negative when score
-- <= -0.05, neutral in between, and mixed when one sentence scores >= 0.5
-- and another <= -0.5 whatever the mean. COST from bench/sql_cost.sh
-- (196-byte reviews of 4 sentences, 40 tokens): sentiment() 6.2 us a row,
-- 3.4x lower(text): COST 4; sentiment_detail() 3.7x: COST 4;
-- sentence_sentiment() 5.0x: COST 5 ROWS 4; sentiment_explain() 12.7x:
-- COST 13 ROWS 40.

CREATE TYPE sentiment_detail AS (
    score double precision,
    label text,
    positive double precision,
    negative double precision,
    neutral double precision,
    sentences integer,
    tokens integer,
    lang text);

COMMENT ON TYPE sentiment_detail IS
'Result of sentiment_detail(): document score in [-1, 1], label (positive, negative, neutral or mixed), the shares of positive, negative and neutral sentiment mass (summing to 1, or all 0 for a text without tokens), the numbers of sentences and tokens, and lang, the language the text was analysed in. For a text in a language without a sentiment lexicon the five scores are NULL and lang says which language it was (NULL when nothing could be said).';

CREATE FUNCTION sentiment(doc text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'textsense_sentiment'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment(text) IS
'Sentiment score of a document in [-1, 1] (negative to positive; 0 for no sentiment) in its language (lang => ''auto''): lexicon valences modified by negation, boosters, contrast ("but"), emphasis and emoji, scored per sentence, then combined over the sentences into one document score. NULL for a text reliably detected in a language without a sentiment lexicon; English for a text too short to tell. In a document mixing languages, each sentence is scored in its own language (or left out when that has no lexicon).';

CREATE FUNCTION sentiment(doc text, lang text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'textsense_sentiment_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment(text, text) IS
'sentiment(doc) in an explicit language (an installed one: textsense_languages(); others raise an error naming them) or ''auto''.';

CREATE FUNCTION sentiment_detail(doc text)
RETURNS sentiment_detail
AS 'MODULE_PATHNAME', 'textsense_sentiment_detail'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment_detail(text) IS
'Sentiment of a document with its breakdown (lang => ''auto''): score as sentiment(doc), label (positive when score >= 0.05, negative when <= -0.05, mixed when one sentence scores >= 0.5 and another <= -0.5, else neutral), positive/negative/neutral shares, the sentence and token counts, and the language.';

CREATE FUNCTION sentiment_detail(doc text, lang text)
RETURNS sentiment_detail
AS 'MODULE_PATHNAME', 'textsense_sentiment_detail_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 4;

COMMENT ON FUNCTION sentiment_detail(text, text) IS
'sentiment_detail(doc) in an explicit language or ''auto''.';

CREATE FUNCTION sentence_sentiment(
    doc text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer,
    OUT score double precision,
    OUT label text,
    OUT lang text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentence_sentiment'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5 ROWS 4;

COMMENT ON FUNCTION sentence_sentiment(text) IS
'Sentiment of each sentence of a document (lang => ''auto''; sentences as sentences() splits them). One row per sentence: ordinal (1-based), sentence text, start and length in characters such that substr(doc, start, length) = sentence, score in [-1, 1], label (positive when score >= 0.05, negative when <= -0.05, else neutral) and lang, the language of the sentence; score and label are NULL for a sentence in a language without a lexicon.';

CREATE FUNCTION sentence_sentiment(
    doc text,
    lang text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer,
    OUT score double precision,
    OUT label text,
    OUT lang text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentence_sentiment_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5 ROWS 4;

COMMENT ON FUNCTION sentence_sentiment(text, text) IS
'sentence_sentiment(doc) in an explicit language or ''auto''.';

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
'Why sentiment(doc) scored what it did (lang => ''auto''). One row per token (as tokens() splits them): ordinal, token, valence (the lexicon''s value on VADER''s -4..+4 scale, 0 if none), contribution (what the token added to its sentence''s sum after negation, boosters, contrast and emphasis) and rules (what applied: lexicon:<source>, idiom, in_phrase, emoji, elongated, all_caps, intensified, diminished, negated, negation_amplified, before_contrast, after_contrast, concessive_clause, exclamation, question, negator, booster, contrast, not_sentiment_use, hashtag_words). valence, contribution and rules are NULL in a sentence that was not analysed (a language without a lexicon).';

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
'sentiment_explain(doc) in an explicit language or ''auto''.';

CREATE FUNCTION sentiment_language(doc text, lang text DEFAULT 'auto')
RETURNS text
AS 'MODULE_PATHNAME', 'textsense_sentiment_language'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 2;

COMMENT ON FUNCTION sentiment_language(text, text) IS
'The language whose sentiment lexicon sentiment(doc, lang) uses for doc: lang itself when explicit; with ''auto'' the automatic choice, or NULL when the text is in a language without a lexicon (sentiment() then returns NULL).';

-- Custom lexicons ----------------------------------------------------------------

-- Every change to a lexicon or its terms gives the lexicon a new revision
-- from this sequence; backends keep compiled lexicons by (name, revision),
-- so a change is seen by the next statement of every session. A sequence
-- rather than a counter per lexicon: a lexicon dropped and created again
-- under the same name never reuses a revision.
CREATE SEQUENCE textsense_lexicon_revision;

CREATE TABLE textsense_lexicon (
    name text PRIMARY KEY,
    lang text NOT NULL DEFAULT 'en',
    description text,
    revision bigint NOT NULL DEFAULT nextval('textsense_lexicon_revision'),
    CONSTRAINT textsense_lexicon_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT textsense_lexicon_lang_check CHECK (lang ~ '^[a-z]{2,7}$'));

COMMENT ON TABLE textsense_lexicon IS
'Custom sentiment lexicons: one row per lexicon (name, language, description). Its terms are in textsense_lexicon_term; sentiment(doc, lang, lexicon) and the other sentiment functions with a lexicon argument score with the built-in lexicon overridden and extended by them. revision changes with every change to the lexicon or its terms (maintained by triggers).';

CREATE TABLE textsense_lexicon_term (
    lexicon text REFERENCES textsense_lexicon ON DELETE CASCADE ON UPDATE CASCADE,
    term text,
    valence double precision NOT NULL,
    PRIMARY KEY (lexicon, term),
    CONSTRAINT textsense_lexicon_term_term_check CHECK (btrim(term) <> ''),
    CONSTRAINT textsense_lexicon_term_valence_check CHECK (valence BETWEEN -4 AND 4));

COMMENT ON TABLE textsense_lexicon_term IS
'Terms of the custom sentiment lexicons: a word or a phrase of up to 6 tokens (matched case-insensitively, longest first, over the tokens tokens() finds) and its valence on the built-in lexicon''s scale, -4 (most negative) to +4 (most positive). A term adds a word or phrase, overrides a built-in valence, or with valence 0 neutralises it; negation, boosters and contrast apply to custom terms as to built-in ones.';

-- pg_dump dumps the rows users add (the tables belong to the extension).
SELECT pg_catalog.pg_extension_config_dump('textsense_lexicon', '');
SELECT pg_catalog.pg_extension_config_dump('textsense_lexicon_term', '');
SELECT pg_catalog.pg_extension_config_dump('textsense_lexicon_revision', '');

CREATE FUNCTION textsense_lexicon_new_revision()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  NEW.revision := pg_catalog.nextval(
    pg_catalog.format('%I.textsense_lexicon_revision', TG_TABLE_SCHEMA));
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION textsense_lexicon_new_revision() IS
'Trigger function of textsense_lexicon: a changed lexicon row gets a new revision.';

CREATE TRIGGER textsense_lexicon_new_revision BEFORE UPDATE ON textsense_lexicon
    FOR EACH ROW EXECUTE FUNCTION textsense_lexicon_new_revision();

-- Statement-level, over the transition tables: a bulk load of 10,000 terms
-- touches its lexicon once, not 10,000 times.
CREATE FUNCTION textsense_lexicon_terms_changed()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE pg_catalog.format('UPDATE %I.textsense_lexicon SET revision = DEFAULT',
                              TG_TABLE_SCHEMA);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE pg_catalog.format(
      'UPDATE %I.textsense_lexicon SET revision = DEFAULT WHERE name IN (SELECT lexicon FROM new_terms)',
      TG_TABLE_SCHEMA);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE pg_catalog.format(
      'UPDATE %I.textsense_lexicon SET revision = DEFAULT WHERE name IN (SELECT lexicon FROM old_terms)',
      TG_TABLE_SCHEMA);
  END IF;
  RETURN NULL;
END
$$;

COMMENT ON FUNCTION textsense_lexicon_terms_changed() IS
'Trigger function of textsense_lexicon_term: the lexicons whose terms a statement changed get a new revision.';

CREATE TRIGGER textsense_lexicon_terms_inserted AFTER INSERT ON textsense_lexicon_term
    REFERENCING NEW TABLE AS new_terms
    FOR EACH STATEMENT EXECUTE FUNCTION textsense_lexicon_terms_changed();
CREATE TRIGGER textsense_lexicon_terms_updated AFTER UPDATE ON textsense_lexicon_term
    REFERENCING OLD TABLE AS old_terms NEW TABLE AS new_terms
    FOR EACH STATEMENT EXECUTE FUNCTION textsense_lexicon_terms_changed();
CREATE TRIGGER textsense_lexicon_terms_deleted AFTER DELETE ON textsense_lexicon_term
    REFERENCING OLD TABLE AS old_terms
    FOR EACH STATEMENT EXECUTE FUNCTION textsense_lexicon_terms_changed();
CREATE TRIGGER textsense_lexicon_terms_truncated AFTER TRUNCATE ON textsense_lexicon_term
    FOR EACH STATEMENT EXECUTE FUNCTION textsense_lexicon_terms_changed();

-- A lexicon's language must have a sentiment lexicon installed (its terms
-- overlay that lexicon). Checked when a row is written, not by the CHECK
-- constraint, since the installed languages are files, not data.
CREATE FUNCTION textsense_lexicon_check_lang()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $check$
DECLARE
  ext_schema text;
  found boolean;
BEGIN
  SELECT ns.nspname INTO ext_schema
  FROM pg_extension e JOIN pg_namespace ns ON ns.oid = e.extnamespace
  WHERE e.extname = 'textsense';
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.textsense_languages() l WHERE l.lang = $1 AND l.sentiment)',
                 ext_schema)
    INTO found USING NEW.lang;
  IF NOT found THEN
    RAISE EXCEPTION 'textsense: no sentiment lexicon for language "%"', NEW.lang
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'A custom lexicon extends the built-in lexicon of its language: textsense_languages() lists the languages with one.';
  END IF;
  RETURN NEW;
END
$check$;

COMMENT ON FUNCTION textsense_lexicon_check_lang() IS
'Trigger function of textsense_lexicon: a lexicon''s language must have a built-in sentiment lexicon installed (textsense_languages()).';

CREATE TRIGGER textsense_lexicon_check_lang BEFORE INSERT OR UPDATE OF lang ON textsense_lexicon
  FOR EACH ROW EXECUTE FUNCTION textsense_lexicon_check_lang();

-- The sentiment functions with a custom lexicon. They read the lexicon
-- tables (as the calling user, so privileges and row-level security
-- apply), hence STABLE: they cannot define a generated column or an index,
-- which need the IMMUTABLE built-in forms. A statement reads each lexicon it
-- uses once; the compiled lexicon is cached per backend until it changes.
-- COST: as the built-in forms plus a little.

CREATE FUNCTION sentiment(doc text, lang text, lexicon text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'textsense_sentiment_custom'
LANGUAGE C STABLE STRICT PARALLEL SAFE
COST 5;

COMMENT ON FUNCTION sentiment(text, text, text) IS
'sentiment(doc, lang) with the custom lexicon named lexicon (a row of textsense_lexicon) over the built-in one of its language: its terms add, override or (valence 0) neutralise words and phrases. With lang => ''auto'' the custom lexicon scores the text when the automatic choice is the lexicon''s language, and that language''s built-in lexicon, or NULL, applies otherwise. STABLE: it reads the lexicon tables as the calling user.';

CREATE FUNCTION sentiment_detail(doc text, lang text, lexicon text)
RETURNS sentiment_detail
AS 'MODULE_PATHNAME', 'textsense_sentiment_detail_custom'
LANGUAGE C STABLE STRICT PARALLEL SAFE
COST 5;

COMMENT ON FUNCTION sentiment_detail(text, text, text) IS
'sentiment_detail(doc, lang) with the custom lexicon named lexicon over the built-in one (see sentiment(doc, lang, lexicon)).';

CREATE FUNCTION sentence_sentiment(
    doc text,
    lang text,
    lexicon text,
    OUT ordinal integer,
    OUT sentence text,
    OUT start integer,
    OUT length integer,
    OUT score double precision,
    OUT label text,
    OUT lang text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentence_sentiment_custom'
LANGUAGE C STABLE STRICT PARALLEL SAFE
COST 6 ROWS 4;

COMMENT ON FUNCTION sentence_sentiment(text, text, text) IS
'sentence_sentiment(doc, lang) with the custom lexicon named lexicon over the built-in one (see sentiment(doc, lang, lexicon)).';

CREATE FUNCTION sentiment_explain(
    doc text,
    lang text,
    lexicon text,
    OUT ordinal integer,
    OUT token text,
    OUT valence double precision,
    OUT contribution double precision,
    OUT rules text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_sentiment_explain_custom'
LANGUAGE C STABLE STRICT PARALLEL SAFE
COST 14 ROWS 40;

COMMENT ON FUNCTION sentiment_explain(text, text, text) IS
'sentiment_explain(doc, lang) with the custom lexicon named lexicon over the built-in one: a custom term''s rules show lexicon:<lexicon name>.';

-- Scoring tables: a trigger for rows as they are written, a backfill for rows --
-- already there, and the check both use.

CREATE FUNCTION textsense_score_target(
    tbl regclass,
    source_column text,
    target_column text)
RETURNS text
AS 'MODULE_PATHNAME', 'textsense_score_target'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION textsense_score_target(regclass, text, text) IS
'What textsense_score_trigger(source_column, target_column) and textsense_backfill() write into target_column of table tbl: ''score'' (sentiment(), for a double precision, real or numeric column), ''label'' (positive, negative, neutral or mixed, for a text or varchar column) or ''detail'' (to_jsonb(sentiment_detail()), for a jsonb column); domains over those types count as their base type. Raises the error the trigger would for a missing column, a source that is not text, a generated or unsupported target.';

CREATE FUNCTION textsense_score_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'textsense_score_trigger'
LANGUAGE C;

COMMENT ON FUNCTION textsense_score_trigger() IS
'Trigger function keeping a column''s sentiment next to its text: CREATE TRIGGER ... BEFORE INSERT OR UPDATE ON tbl FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger(''source_column'', ''target_column'' [, ''lang'' [, ''lexicon'']]). lang defaults to ''auto''. Writes sentiment(source, lang) into a double precision, real or numeric target, the label into a text or varchar target, or to_jsonb(sentiment_detail(source, lang)) into a jsonb target; NULL text gives NULL, and so does a text in a language without a sentiment lexicon (a jsonb target gets the detail with NULL scores and its lang). On UPDATE it leaves the row as it is when the source did not change (unless the target is NULL while the source has text). An error aborts the statement.';

CREATE PROCEDURE textsense_backfill(
    tbl regclass,
    source_column text,
    target_column text,
    batch_size integer DEFAULT 10000,
    lang text DEFAULT 'auto')
LANGUAGE plpgsql
AS $backfill$
DECLARE
  -- Found at run time, so that the procedure still works after ALTER
  -- EXTENSION textsense SET SCHEMA.
  -- Every type here is pg_catalog's by name: declarations are read with
  -- the caller's search_path, before the body can set its own.
  caller_path pg_catalog.text;
  ext_schema pg_catalog.text;
  kind pg_catalog.text;
  value_sql pg_catalog.text;
  todo_sql pg_catalog.text;
  count_sql pg_catalog.text;
  update_sql pg_catalog.text;
  range_start pg_catalog.tid;
  range_end pg_catalog.tid;
  leaves pg_catalog.regclass[];
  leaf_todo pg_catalog.int8[];
  leaf pg_catalog.regclass;
  total pg_catalog.int8;
  done pg_catalog.int8;
  n pg_catalog.int8;
  block_size pg_catalog.int8;
  blocks pg_catalog.int8;
  first_block pg_catalog.int8;
  span pg_catalog.int8;
  started pg_catalog.timestamptz;
  elapsed pg_catalog.float8;
BEGIN
  -- A procedure that commits cannot carry SET search_path, so it sets its
  -- own for each of its transactions (transaction-local: the caller's
  -- comes back when the CALL ends): no operator, function or type of a
  -- schema on the caller's search_path can stand in for pg_catalog's.
  caller_path := pg_catalog.current_setting('search_path');
  PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
  leaf_todo := '{}';
  total := 0;
  done := 0;
  block_size := pg_catalog.current_setting('block_size')::pg_catalog.int8;
  started := pg_catalog.clock_timestamp();
  IF tbl IS NULL OR source_column IS NULL OR target_column IS NULL OR lang IS NULL THEN
    RAISE EXCEPTION 'textsense_backfill: tbl, source_column, target_column and lang must not be NULL'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF batch_size IS NULL OR batch_size < 1 THEN
    RAISE EXCEPTION 'textsense_backfill: batch_size must be at least 1, not %',
      coalesce(batch_size::text, 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT ns.nspname INTO ext_schema
  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace ns ON ns.oid = e.extnamespace
  WHERE e.extname = 'textsense';

  -- The trigger's checks and what to write (score, label or detail); an
  -- unknown language fails here too, before any row is read.
  EXECUTE pg_catalog.format('SELECT %I.textsense_score_target($1, $2, $3)', ext_schema)
    INTO kind USING tbl, source_column, target_column;
  EXECUTE pg_catalog.format('SELECT %I.sentiment('''', $1)', ext_schema) USING lang;
  value_sql := pg_catalog.format(
    CASE kind
      WHEN 'score' THEN '%1$I.sentiment(%2$I, %3$L)'
      WHEN 'label' THEN '(%1$I.sentiment_detail(%2$I, %3$L)).label'
      ELSE 'pg_catalog.to_jsonb(%1$I.sentiment_detail(%2$I, %3$L))'
    END, ext_schema, source_column, lang);
  -- A row is done once its target holds a value, so a run that was
  -- interrupted resumes where it stopped when called again.
  -- Rows whose text is in a language without a sentiment lexicon stay NULL
  -- by design (sentiment() is NULL for them): they are not "to do", so a
  -- later run does not score them again, until such a lexicon is installed.
  todo_sql := pg_catalog.format('%1$I IS NULL AND %2$I IS NOT NULL AND %3$I.sentiment_language(%2$I, %4$L) IS NOT NULL',
                                target_column, source_column, ext_schema, lang);

  -- A partitioned table is backfilled one partition at a time.
  IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = tbl) = 'p' THEN
    SELECT coalesce(pg_catalog.array_agg(t.relid ORDER BY t.level, t.relid::text), '{}')
    INTO leaves
    FROM pg_catalog.pg_partition_tree(tbl) t JOIN pg_catalog.pg_class c ON c.oid = t.relid
    WHERE t.isleaf AND c.relkind = 'r';
  ELSE
    leaves := ARRAY[tbl];
  END IF;
  FOREACH leaf IN ARRAY leaves LOOP
    EXECUTE pg_catalog.format('SELECT count(*) FROM %s WHERE %s', leaf, todo_sql) INTO n;
    leaf_todo := leaf_todo || n;
    total := total + n;
  END LOOP;
  RAISE NOTICE 'textsense_backfill: % rows of % to score', total, tbl;
  -- Ends the transaction that counted before any row is written: a CALL
  -- inside a transaction block fails here, not after a first batch.
  COMMIT;
  PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

  FOR i IN 1 .. pg_catalog.cardinality(leaves) LOOP
    CONTINUE WHEN leaf_todo[i] = 0;
    leaf := leaves[i];
    count_sql := pg_catalog.format(
      'SELECT count(*) FROM %s WHERE ctid >= $1 AND ctid < $2 AND %s', leaf, todo_sql);
    update_sql := pg_catalog.format(
      'UPDATE %s SET %I = %s WHERE ctid OPERATOR(pg_catalog.>=) $1 AND ctid OPERATOR(pg_catalog.<) $2 AND %s',
      leaf, target_column, value_sql, todo_sql);
    -- Each batch is a range of blocks, read by a TID range scan, so the
    -- whole run reads the table about once whatever its indexes. A range
    -- is first counted (reading a block costs far less than scoring its
    -- rows) and narrowed until it holds at most twice batch_size rows to
    -- score; the next range is sized from the density this one had. The
    -- first assumes the leaf's average density.
    blocks := pg_catalog.pg_relation_size(leaf) / block_size;
    span := greatest(1, ceil(batch_size::numeric * blocks / leaf_todo[i]))::bigint;
    first_block := 0;
    WHILE first_block < blocks LOOP
      range_start := pg_catalog.format('(%s,0)', first_block)::tid;
      range_end := pg_catalog.format('(%s,0)', least(first_block + span, 4294967294))::tid;
      EXECUTE count_sql INTO n USING range_start, range_end;
      IF n > 2 * batch_size AND span > 1 THEN
        span := greatest(1, span * batch_size / n);
        CONTINUE;
      END IF;
      IF n > 0 THEN
        -- The UPDATE fires the table's triggers, which expect the caller's
        -- search_path; its own operators are named pg_catalog's, its
        -- table and functions are schema-qualified.
        PERFORM pg_catalog.set_config('search_path', caller_path, true);
        EXECUTE update_sql USING range_start, range_end;
        GET DIAGNOSTICS n = ROW_COUNT;
        COMMIT;
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
        done := done + n;
        elapsed := extract(epoch FROM pg_catalog.clock_timestamp() - started);
        RAISE NOTICE 'textsense_backfill: % of % rows scored (% %%)',
          done, greatest(total, done), round(100.0 * done / greatest(total, done), 1)
          USING DETAIL = pg_catalog.format('%s rows/s, %s s elapsed',
            round(done / greatest(elapsed, 1e-6)), round(elapsed::numeric, 1));
      END IF;
      first_block := first_block + span;
      span := CASE WHEN n = 0 THEN span * 2
                   ELSE greatest(1, least(span * 4, span * batch_size / n)) END;
      -- Rows written meanwhile (and new versions of updated rows) may have
      -- grown the table: go on to its current end.
      blocks := pg_catalog.pg_relation_size(leaf) / block_size;
    END LOOP;
  END LOOP;
  elapsed := extract(epoch FROM pg_catalog.clock_timestamp() - started);
  RAISE NOTICE 'textsense_backfill: done, % rows scored', done
    USING DETAIL = pg_catalog.format('%s rows/s, %s s elapsed',
      round(done / greatest(elapsed, 1e-6)), round(elapsed::numeric, 1));
END
$backfill$;

COMMENT ON PROCEDURE textsense_backfill(regclass, text, text, integer, text) IS
'Fills target_column of the existing rows of tbl (a table or a partitioned table) from source_column as textsense_score_trigger would: CALL textsense_backfill(''reviews'', ''body'', ''score''). Works in batches of about batch_size rows, each committed before the next, so it neither holds one long transaction nor locks more than a batch of rows at a time; reports progress (rows done of total, rows/s) with NOTICEs. Only rows whose target is NULL and source is not are written (and not those in a language without a sentiment lexicon, which stay NULL by design), so an interrupted run resumes when called again. lang defaults to ''auto''. CALL it outside a transaction block.';
