-- textsense 0.5.0 -> 0.6.0: languages are first-class.
--
-- As for 0.4.0 and 0.5.0 there is no separate install script: CREATE
-- EXTENSION runs textsense--0.3.0.sql and the upgrade scripts after it.
--
-- Every analysis function takes lang: an ISO 639-1 code or 'auto', and the
-- forms without lang mean 'auto': the language detected in the text (CLD2
-- plus textsense's short-text layer) when a model for it is installed,
-- English when detection is not reliable (short text, no letters). A text
-- reliably detected in a language without the model is never analysed
-- with another language's rules: sentiment() returns NULL. The automatic
-- forms stay IMMUTABLE: the choice depends only on the text and the
-- installed version (its models), as ICU's boundaries do; a new model
-- version can change results, so REINDEX what depends on them after an
-- upgrade (textsense_languages() shows each model's checksum).
-- docs/languages.md has the details.

\echo Use "ALTER EXTENSION textsense UPDATE TO '0.6.0'" to load this file. \quit

-- Language detection ---------------------------------------------------------

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

CREATE FUNCTION sentiment_language(doc text, lang text DEFAULT 'auto')
RETURNS text
AS 'MODULE_PATHNAME', 'textsense_sentiment_language'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 2;

COMMENT ON FUNCTION sentiment_language(text, text) IS
'The language whose sentiment lexicon sentiment(doc, lang) uses for doc: lang itself when explicit; with ''auto'' the automatic choice, or NULL when the text is in a language without a lexicon (sentiment() then returns NULL).';

-- Segmentation in a given language --------------------------------------------

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

COMMENT ON FUNCTION sentences(text) IS
'Splits a document into sentences with the rules of its language (lang => ''auto'': the detected language when reliable, else English): ICU sentence rules with CLDR''s abbreviation suppressions. One row per sentence: ordinal (1-based), sentence text trimmed of surrounding blanks, start and length in characters such that substr(doc, start, length) = sentence.';

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

COMMENT ON FUNCTION tokens(text) IS
'Splits a document into tokens with the rules of its language (lang => ''auto''): ICU word rules for every script, dictionaries for Chinese, Japanese and Thai, and Universal Dependencies conventions of the language (English contractions and abbreviations, French and Italian elision). One row per token: ordinal (1-based), sentence ordinal, token text, kind (word, number, punct, symbol, emoji, emoticon, url, email, mention, hashtag), start and length in characters such that substr(doc, start, length) = token.';

-- Part of speech: a lang column ------------------------------------------------

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
    OUT lang text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 45 ROWS 40;

COMMENT ON FUNCTION pos_tag(text) IS
'Part-of-speech tags of a document in its language (lang => ''auto''): segments it as tokens() does, then tags each token with its Universal POS tag (upos: NOUN, VERB, ADJ, ...) and, where the model has them, a treebank tag (xpos; Penn Treebank for English). One row per token: ordinal, sentence ordinal, token, upos, xpos, start and length in characters such that substr(doc, start, length) = token, and lang, the language of its sentence. A sentence in a language without a tagging model keeps its rows with NULL upos and xpos.';

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
    OUT lang text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'textsense_pos_tag_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 45 ROWS 40;

COMMENT ON FUNCTION pos_tag(text, text) IS
'pos_tag(doc) in an explicit language (an installed one: textsense_languages(); others raise an error naming them) or ''auto''.';

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
'pos_tag(tokens) for a sentence in lang (an installed language, or ''auto'': detected from the tokens joined by spaces, an error when that language has no tagging model).';

-- Sentiment: a lang field and column -------------------------------------------

ALTER TYPE sentiment_detail ADD ATTRIBUTE lang text;

COMMENT ON TYPE sentiment_detail IS
'Result of sentiment_detail(): document score in [-1, 1], label (positive, negative, neutral or mixed), the shares of positive, negative and neutral sentiment mass (summing to 1, or all 0 for a text without tokens), the numbers of sentences and tokens, and lang, the language the text was analysed in. For a text in a language without a sentiment lexicon the five scores are NULL and lang says which language it was (NULL when nothing could be said).';

COMMENT ON FUNCTION sentiment(text) IS
'Sentiment score of a document in [-1, 1] (negative to positive; 0 for no sentiment) in its language (lang => ''auto''): lexicon valences modified by negation, boosters, contrast ("but"), emphasis and emoji, scored per sentence, then combined over the sentences into one document score. NULL for a text reliably detected in a language without a sentiment lexicon; English for a text too short to tell. In a document mixing languages, each sentence is scored in its own language (or left out when that has no lexicon).';

COMMENT ON FUNCTION sentiment(text, text) IS
'sentiment(doc) in an explicit language (an installed one: textsense_languages(); others raise an error naming them) or ''auto''.';

COMMENT ON FUNCTION sentiment_detail(text) IS
'Sentiment of a document with its breakdown (lang => ''auto''): score as sentiment(doc), label (positive when score >= 0.05, negative when <= -0.05, mixed when one sentence scores >= 0.5 and another <= -0.5, else neutral), positive/negative/neutral shares, the sentence and token counts, and the language.';

COMMENT ON FUNCTION sentiment_detail(text, text) IS
'sentiment_detail(doc) in an explicit language or ''auto''.';

DROP FUNCTION sentence_sentiment(text);
DROP FUNCTION sentence_sentiment(text, text);
DROP FUNCTION sentence_sentiment(text, text, text);

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

COMMENT ON FUNCTION sentiment_explain(text) IS
'Why sentiment(doc) scored what it did (lang => ''auto''). One row per token (as tokens() splits them): ordinal, token, valence (the lexicon''s value on VADER''s -4..+4 scale, 0 if none), contribution (what the token added to its sentence''s sum after negation, boosters, contrast and emphasis) and rules (what applied: lexicon:<source>, idiom, in_phrase, emoji, elongated, all_caps, intensified, diminished, negated, negation_amplified, before_contrast, after_contrast, concessive_clause, exclamation, question, negator, booster, contrast, not_sentiment_use). valence, contribution and rules are NULL in a sentence that was not analysed (a language without a lexicon).';

COMMENT ON FUNCTION sentiment_explain(text, text) IS
'sentiment_explain(doc) in an explicit language or ''auto''.';

COMMENT ON FUNCTION sentiment(text, text, text) IS
'sentiment(doc, lang) with the custom lexicon named lexicon (a row of textsense_lexicon) over the built-in one of its language: its terms add, override or (valence 0) neutralise words and phrases. With lang => ''auto'' the custom lexicon scores the text when the automatic choice is the lexicon''s language, and that language''s built-in lexicon, or NULL, applies otherwise. STABLE: it reads the lexicon tables as the calling user.';

-- Custom lexicons: every language with a sentiment pack ------------------------

ALTER TABLE textsense_lexicon DROP CONSTRAINT textsense_lexicon_lang_check;
ALTER TABLE textsense_lexicon ADD CONSTRAINT textsense_lexicon_lang_check
    CHECK (lang ~ '^[a-z]{2,7}$');

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

-- Scoring tables: 'auto' by default --------------------------------------------

COMMENT ON FUNCTION textsense_score_trigger() IS
'Trigger function keeping a column''s sentiment next to its text: CREATE TRIGGER ... BEFORE INSERT OR UPDATE ON tbl FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger(''source_column'', ''target_column'' [, ''lang'' [, ''lexicon'']]). lang defaults to ''auto''. Writes sentiment(source, lang) into a double precision, real or numeric target, the label into a text or varchar target, or to_jsonb(sentiment_detail(source, lang)) into a jsonb target; NULL text gives NULL, and so does a text in a language without a sentiment lexicon (a jsonb target gets the detail with NULL scores and its lang). On UPDATE it leaves the row as it is when the source did not change (unless the target is NULL while the source has text). An error aborts the statement.';

-- The backfill: lang => 'auto' by default, and rows that stay NULL by design
-- (a language without a lexicon) are not rescanned by every later run.
DROP PROCEDURE textsense_backfill(regclass, text, text, integer, text);

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
  -- EXTENSION textsense SET SCHEMA (a procedure that commits cannot carry
  -- a SET search_path of its own).
  ext_schema text;
  kind text;
  value_sql text;
  todo_sql text;
  count_sql text;
  update_sql text;
  range_start tid;
  range_end tid;
  leaves regclass[];
  leaf_todo bigint[] := '{}';
  leaf regclass;
  total bigint := 0;
  done bigint := 0;
  n bigint;
  block_size constant bigint := pg_catalog.current_setting('block_size')::bigint;
  blocks bigint;
  first_block bigint;
  span bigint;
  started constant timestamptz := pg_catalog.clock_timestamp();
  elapsed float8;
BEGIN
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

  FOR i IN 1 .. pg_catalog.cardinality(leaves) LOOP
    CONTINUE WHEN leaf_todo[i] = 0;
    leaf := leaves[i];
    count_sql := pg_catalog.format(
      'SELECT count(*) FROM %s WHERE ctid >= $1 AND ctid < $2 AND %s', leaf, todo_sql);
    update_sql := pg_catalog.format(
      'UPDATE %s SET %I = %s WHERE ctid >= $1 AND ctid < $2 AND %s',
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
        EXECUTE update_sql USING range_start, range_end;
        GET DIAGNOSTICS n = ROW_COUNT;
        COMMIT;
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
