-- textsense 0.4.0 -> 0.5.0: custom sentiment lexicons kept in SQL tables.
-- As for 0.4.0, there is no separate install script: CREATE EXTENSION runs
-- textsense--0.3.0.sql and the upgrade scripts in turn.
\echo Use "ALTER EXTENSION textsense UPDATE TO '0.5.0'" to load this file. \quit

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
    CONSTRAINT textsense_lexicon_lang_check CHECK (lang IN ('en')));

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
'sentiment(doc, lang) with the custom lexicon named lexicon (a row of textsense_lexicon) over the built-in one: its terms add, override or (valence 0) neutralise words and phrases. STABLE: it reads the lexicon tables as the calling user.';

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
    OUT label text)
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
