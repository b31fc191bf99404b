-- Languages: detection, the automatic choice (lang => 'auto', the default),
-- explicit languages, mixed documents, what is installed, segmentation
-- rules per language. A language without a model (Greek, Korean here) is
-- detected and segmented, and never scored or tagged with another
-- language's rules; sentiment_languages.sql covers the eleven sentiment
-- packs.

-- Detection: every script family, short and long text, nothing to detect.
SELECT t.label, d.lang, d.reliable
FROM (VALUES
  ('en', 'The food was excellent and the staff were friendly.'),
  ('de', 'Das Essen war ausgezeichnet.'),
  ('fr', 'Le service était lent mais la chambre était propre.'),
  ('es', 'La comida estaba deliciosa y el personal fue muy amable.'),
  ('it', 'Il cibo era ottimo e il personale molto gentile.'),
  ('pt', 'A comida estava ótima e os funcionários foram muito simpáticos.'),
  ('nl', 'Het eten was heerlijk en het personeel was erg vriendelijk.'),
  ('ru', 'Еда была отличной, а персонал очень дружелюбным.'),
  ('ar', 'كان الطعام ممتازا والموظفون ودودون للغاية.'),
  ('zh', '房间很干净，服务也很好。'),
  ('ja', '部屋はとても清潔でした。'),
  ('ko', '음식이 정말 맛있었어요.'),
  ('th', 'ห้องพักสะอาดมาก'),
  ('he', 'האוכל היה מצוין והצוות היה נחמד מאוד.'),
  ('el', 'Το φαγητό ήταν εξαιρετικό.'),
  ('hi', 'खाना बहुत अच्छा था।')) AS t(label, doc),
  LATERAL detect_language(t.doc) d
ORDER BY t.label;

-- Nothing can be said: NULL lang, not reliable.
SELECT quote_literal(doc) AS doc, (detect_language(doc)).*
FROM (VALUES (''), ('   '), ('12345 678'), ('👍👍🔥'), ('!!! ???'), ('https://example.com/a'),
             ('@bob #tag')) AS t(doc);

-- A mixed document: up to three languages, largest first.
SELECT lang, percent > 20 AS large_share
FROM detect_languages('The hotel was lovely and the breakfast was excellent, we enjoyed every day of our stay. '
                      'Das Hotel war wunderbar und das Frühstück war ausgezeichnet, wir haben jeden Tag genossen.');
SELECT count(*) FROM detect_languages('');

-- sentiment(): a language without a lexicon is not scored with English
-- rules (NULL); German has its own.
SELECT sentiment('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.') AS greek,
       sentiment('The food was excellent, but the service was terrible.') < 0 AS english_negative,
       sentiment('Das Essen war ausgezeichnet, aber der Service war schrecklich.') < 0 AS german_negative;
SELECT * FROM sentiment_detail('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.');
SELECT sentiment_language('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.') AS el,
       sentiment_language('Das Essen war ausgezeichnet.') AS de,
       sentiment_language('The food was great.') AS en,
       sentiment_language('ok') AS short_text,
       sentiment_language('👍') AS no_letters,
       sentiment_language('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.', 'en') AS explicit;

-- Short or letterless text: English, as before.
SELECT round(sentiment('Great!')::numeric, 3) AS great,
       round(sentiment('👍')::numeric, 3) AS thumbs_up,
       (sentiment_detail(':(')).lang;

-- An explicit language is the caller's word: English rules on Greek text
-- when asked, and an error naming the installed languages for one without
-- a lexicon ('auto' never errors).
SELECT sentiment('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.', 'en') IS NOT NULL AS scored_as_asked;
SELECT sentiment('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.', 'auto') IS NULL AS auto_is_null;
SELECT sentiment('Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.', 'el');
SELECT sentiment('x', 'EN');
SELECT sentiment('x', '');

-- A document mixing languages: each sentence in its own language, the
-- Greek one left out of the score rather than scored with English rules.
SELECT ordinal, label, lang
FROM sentence_sentiment('The room was lovely and the staff were wonderful. '
                        'Το πρωινό ήταν δυστυχώς κρύο και το προσωπικό ήταν αγενές. '
                        'The view from the balcony was stunning and I would come back.');
SELECT round(sentiment('The room was lovely and the staff were wonderful. '
                       'Το πρωινό ήταν δυστυχώς κρύο και το προσωπικό ήταν αγενές. '
                       'The view from the balcony was stunning and I would come back.')::numeric, 4) AS mixed,
       round(sentiment('The room was lovely and the staff were wonderful. '
                       'The view from the balcony was stunning and I would come back.')::numeric, 4) AS english_only;
SELECT count(*) FILTER (WHERE valence IS NULL) AS unscored_tokens, count(*) AS tokens
FROM sentiment_explain('The hotel itself was great, really. Το πρωινό ήταν δυστυχώς κρύο και το προσωπικό ήταν αγενές.');

-- pos_tag(): tokens of a language without a tagging model keep their rows,
-- with NULL tags and their language.
SELECT token, upos, xpos, lang FROM pos_tag('Το φαγητό ήταν εξαιρετικό.');
SELECT token, upos, lang FROM pos_tag('The food was great.');
SELECT token, upos FROM pos_tag(ARRAY['The', 'food', 'was', 'great'], 'auto');
SELECT * FROM pos_tag(ARRAY['Το', 'φαγητό', 'ήταν', 'εξαιρετικό'], 'auto');
SELECT * FROM pos_tag('Τα σκυλιά γαβγίζουν.', 'el');

-- Segmentation follows the language: French and Italian elision, German
-- compounds and abbreviations, English clitics only in English.
SELECT string_agg(token, ' | ' ORDER BY ordinal) FROM tokens('L''homme qu''il voit aujourd''hui est peut-être là.', 'fr');
SELECT string_agg(token, ' | ' ORDER BY ordinal) FROM tokens('Dell''anno scorso, c''è un''altra storia.', 'it');
SELECT string_agg(token, ' | ' ORDER BY ordinal) FROM tokens('Die E-Mail-Adresse geht''s nicht.', 'de');
SELECT string_agg(token, ' | ' ORDER BY ordinal) FROM tokens('It''s an e-mail, isn''t it?', 'en');
SELECT string_agg(token, ' | ' ORDER BY ordinal) FROM tokens('Das Essen war ausgezeichnet, geht''s noch?');
SELECT count(*) AS sentences FROM sentences('Wir treffen uns z.B. am Montag. Das ist gut.', 'de');
SELECT count(*) AS sentences FROM sentences('Dr. Smith arrived. He was late.', 'en');
SELECT count(*) FROM tokens('x', 'klingon');
SELECT t.*, substr(d.doc, t.start, t.length) = t.token AS substr_ok
FROM (SELECT 'L''été dernier, j''ai vu «Amélie».'::text AS doc) d, tokens(d.doc, 'fr') t;

-- What is installed, with model versions and checksums.
SELECT lang, name, sentiment, pos, detection, segmentation,
       sentiment_format IS NOT NULL AS has_format, length(sentiment_checksum) AS checksum_digits
FROM textsense_languages() ORDER BY lang;

-- Custom lexicons accept a language with a sentiment lexicon, only.
INSERT INTO textsense_lexicon (name, lang) VALUES ('german_words', 'de');
INSERT INTO textsense_lexicon (name, lang) VALUES ('greek_words', 'el');
INSERT INTO textsense_lexicon (name, lang) VALUES ('bad_code', 'EN');
INSERT INTO textsense_lexicon (name, lang) VALUES ('english_words', 'en');
INSERT INTO textsense_lexicon_term VALUES ('english_words', 'ausgezeichnet', 3);
-- With 'auto' the custom lexicon applies to text in its language only.
SELECT round(sentiment('The food was ausgezeichnet.', 'auto', 'english_words')::numeric, 3) AS english_text,
       round(sentiment('Das Essen war ausgezeichnet, wirklich toll.', 'auto', 'english_words')::numeric, 3) =
         round(sentiment('Das Essen war ausgezeichnet, wirklich toll.', 'de')::numeric, 3) AS german_text_german_pack,
       sentiment('Das Essen war ausgezeichnet, wirklich toll.', 'auto') > 0 AS german_scored;
DELETE FROM textsense_lexicon;

-- The trigger and the backfill follow the same rules: a Greek row stays
-- NULL, and a later backfill does not rescan it.
CREATE TABLE lang_reviews (id int PRIMARY KEY, body text, score float8, detail jsonb);
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON lang_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TRIGGER detail BEFORE INSERT OR UPDATE ON lang_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'detail', 'auto');
INSERT INTO lang_reviews (id, body) VALUES
  (1, 'The food was excellent.'),
  (2, 'Das Essen war ausgezeichnet, aber der Service war schrecklich.'),
  (3, '房间很干净，服务也很好。'),
  (4, 'Το φαγητό ήταν εξαιρετικό, αλλά η εξυπηρέτηση ήταν τρομερή.');
SELECT id, score > 0 AS positive, score IS NULL AS null_score, detail->>'lang' AS lang,
       (detail->>'score')::float8 = score AS detail_score_same
FROM lang_reviews ORDER BY id;
DROP TRIGGER score ON lang_reviews;
DROP TRIGGER detail ON lang_reviews;
UPDATE lang_reviews SET score = NULL;
\set VERBOSITY terse
CALL textsense_backfill('lang_reviews', 'body', 'score');
CALL textsense_backfill('lang_reviews', 'body', 'score');
\set VERBOSITY default
SELECT id, score IS NULL AS null_score FROM lang_reviews ORDER BY id;
DROP TABLE lang_reviews;

-- In a parallel plan and a generated column, 'auto' stays IMMUTABLE.
CREATE TABLE lang_generated (
    body text,
    score float8 GENERATED ALWAYS AS (sentiment(body)) STORED,
    lang text GENERATED ALWAYS AS ((detect_language(body)).lang) STORED);
INSERT INTO lang_generated (body) VALUES ('Great value!'), ('Sehr gut, vielen Dank für alles.'), ('Πολύ καλό, ευχαριστώ για όλα.');
SELECT body, score IS NOT NULL AS scored, lang FROM lang_generated ORDER BY body;
CREATE INDEX ON lang_generated (((detect_language(body)).lang));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM lang_generated WHERE (detect_language(body)).lang = 'de';
SELECT count(*) FROM lang_generated WHERE (detect_language(body)).lang = 'de';
RESET enable_seqscan;
DROP TABLE lang_generated;
