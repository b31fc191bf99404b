\pset footer off
CREATE EXTENSION textsense;
SELECT textsense_version();

\echo '-- sentences(): ICU sentence rules; "Dr." and "p.m." do not end a sentence'
SELECT * FROM sentences('Dr. Smith checked in at 5 p.m. on Friday. The room was lovely, but the staff were rude! Would I stay again? No.');

\echo '-- tokens(): emoji, URLs, hashtags and CJK; substr(doc, start, length) gives the token back'
SELECT t.*, substr(d.doc, t.start, t.length) = t.token AS substr_ok
FROM (SELECT 'Hello 世界! 👍🏽 https://x.org #tag'::text AS doc) d, tokens(d.doc) t;

\echo '-- English contractions and abbreviations follow Universal Dependencies'
SELECT string_agg(token, ' | ' ORDER BY ordinal) AS tokens
FROM tokens('I don''t think we''re in the U.S. anymore... e-mail bob@example.com :)');

\echo '-- Over a table: words per review, in any script'
CREATE TEMP TABLE reviews (id int, body text);
INSERT INTO reviews VALUES
  (1, 'Great phone!! Battery lasts for days 🔋👍'),
  (2, 'Screen cracked after a week. Support didn''t reply.'),
  (3, '房间很干净，服务也很好。'),
  (4, 'ห้องพักสะอาดมาก'),
  (5, 'Das Essen war ausgezeichnet, aber der Service war schrecklich.'),
  (6, 'La habitación estaba sucia y el personal fue muy antipático.'),
  (7, 'كان الطعام لذيذا والموظفون ودودون جدا.'),
  (8, 'この料理は美味しくない。');
SELECT r.id, count(*) FILTER (WHERE t.kind = 'word') AS words,
       string_agg(t.token, ' ' ORDER BY t.ordinal) AS tokens
FROM reviews r, tokens(r.body) t GROUP BY r.id ORDER BY r.id;

\echo '-- detect_language(): CLD2 plus what short texts need; what is installed'
SELECT r.id, d.lang, round(d.confidence::numeric, 3) AS confidence, d.reliable
FROM reviews r, detect_language(r.body) d ORDER BY r.id;
SELECT lang, name, sentiment, pos, segmentation FROM textsense_languages() ORDER BY lang;

\echo '-- pos_tag(): Universal and Penn part-of-speech tags (model trained on UD English EWT)'
SELECT token, upos, xpos FROM pos_tag('Time flies like an arrow.');

\echo '-- Tagged reviews, straight from the table'
SELECT r.id, string_agg(p.token || '/' || p.upos, ' ' ORDER BY p.ordinal) AS tagged
FROM reviews r, pos_tag(r.body) p WHERE r.id <= 2 GROUP BY r.id ORDER BY r.id;

\echo '-- sentiment(): a score in [-1, 1] in each text''s language, with its own words, negation and contrast'
\echo '-- (eleven languages have a pack; Thai has none, so it is NULL: never scored with English rules)'
SELECT r.id, round(sentiment(r.body)::numeric, 3) AS score, d.label, d.lang
FROM reviews r, sentiment_detail(r.body) d ORDER BY r.id;

\echo '-- A document that mixes languages: each sentence in its own'
SELECT ordinal, sentence, round(score::numeric, 3) AS score, lang
FROM sentence_sentiment('The room was lovely and the staff were wonderful. Das Frühstück war leider kalt. I would come back.');

\echo '-- Why a Spanish and a Japanese text scored as they did: the pack''s words and rules'
SELECT token, valence, round(contribution::numeric, 3) AS contribution, rules
FROM sentiment_explain('No me gustó nada: el servicio fue pésimo.', 'es') WHERE rules <> '{}';
SELECT token, valence, round(contribution::numeric, 3) AS contribution, rules
FROM sentiment_explain('この料理は美味しくない。', 'ja') WHERE rules <> '{}';

\echo '-- Segmentation follows the language: French elision, German compounds'
SELECT string_agg(token, ' | ' ORDER BY ordinal) AS tokens FROM tokens('L''homme qu''il voit est peut-être là.');
SELECT string_agg(token, ' | ' ORDER BY ordinal) AS tokens FROM tokens('Die E-Mail-Adresse ist z.B. hier.', 'de');

\echo '-- sentence_sentiment(): one row per sentence'
SELECT ordinal, sentence, round(score::numeric, 3) AS score, label
FROM sentence_sentiment('The room was lovely! But the staff were rude. Would I stay again? Maybe.');

\echo '-- sentiment_explain(): why a text scored as it did'
SELECT round(sentiment('The food was not bad at all, but the service was painfully slow.')::numeric, 3) AS score;
SELECT ordinal, token, valence, contribution, rules
FROM sentiment_explain('The food was not bad at all, but the service was painfully slow.')
WHERE contribution <> 0 OR cardinality(rules) > 1;

\echo '-- Scoring rows as they are written: a trigger keeps the score and the label next to the text'
ALTER TABLE reviews ADD COLUMN score double precision, ADD COLUMN label text;
CALL textsense_backfill('reviews', 'body', 'score');
CALL textsense_backfill('reviews', 'body', 'label');
CREATE TRIGGER reviews_score BEFORE INSERT OR UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TRIGGER reviews_label BEFORE INSERT OR UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'label');
INSERT INTO reviews (id, body) VALUES (6, 'Lovely little hotel, but the bathroom was filthy.');
SELECT id, round(score::numeric, 3) AS score, label, body FROM reviews ORDER BY id;

\echo '-- A custom lexicon: "sick" is praise at a skate shop (rows in textsense_lexicon_term)'
INSERT INTO textsense_lexicon (name, description) VALUES ('skate', 'Skateboard shop reviews');
INSERT INTO textsense_lexicon_term (lexicon, term, valence) VALUES ('skate', 'sick', 2.5), ('skate', 'rock solid', 3);
SELECT round(sentiment('This board is sick, rock solid!')::numeric, 3) AS built_in,
       round(sentiment('This board is sick, rock solid!', 'en', 'skate')::numeric, 3) AS skate_shop;
SELECT token, valence, rules
FROM sentiment_explain('This board is sick, rock solid!', 'en', 'skate') WHERE valence <> 0;
DELETE FROM textsense_lexicon WHERE name = 'skate';
