-- sentiment() in the eleven shipped languages: each named explicitly and
-- found by 'auto', negation and contrast in each, the pack's sources in
-- sentiment_explain(), documents that mix languages, a custom lexicon in
-- Spanish, and the trigger on a multilingual table. Signs and labels, not
-- values: retuning a lexicon keeps this stable while behaviour holds.
CREATE TEMP TABLE reviews (lang text, good text, bad text, negated text, contrast text);
INSERT INTO reviews VALUES
  ('en', 'The food was delicious and the staff were very friendly.',
         'The room was dirty and the service was terrible.',
         'The food was not good.',
         'The food was great, but the service was awful.'),
  ('es', 'La comida estaba deliciosa y el personal fue muy amable.',
         'La habitación estaba sucia y el servicio fue horrible.',
         'La comida no estaba buena.',
         'La comida estaba buena, pero el servicio fue pésimo.'),
  ('fr', 'Le repas était délicieux et le personnel très aimable.',
         'La chambre était sale et le service horrible.',
         'Le repas n''était pas bon.',
         'Le repas était excellent, mais le service était lamentable.'),
  ('de', 'Das Essen war köstlich und das Personal sehr freundlich.',
         'Das Zimmer war schmutzig und der Service schrecklich.',
         'Das Essen war nicht gut.',
         'Das Essen war ausgezeichnet, aber der Service war schrecklich.'),
  ('it', 'Il cibo era delizioso e il personale molto gentile.',
         'La camera era sporca e il servizio orribile.',
         'Il cibo non era buono.',
         'Il cibo era ottimo, ma il servizio era pessimo.'),
  ('pt', 'A comida estava deliciosa e os funcionários foram muito simpáticos.',
         'O quarto estava sujo e o atendimento foi horrível.',
         'A comida não estava boa.',
         'A comida estava ótima, mas o atendimento foi péssimo.'),
  ('nl', 'Het eten was heerlijk en het personeel was erg vriendelijk.',
         'De kamer was vies en de service was verschrikkelijk.',
         'Het eten was niet lekker.',
         'Het eten was uitstekend, maar de service was waardeloos.'),
  ('ru', 'Еда была вкусной, а персонал очень дружелюбным.',
         'Номер был грязным, а обслуживание ужасным.',
         'Еда была не вкусной.',
         'Еда была отличной, но обслуживание было ужасным.'),
  ('ar', 'كان الطعام لذيذا والموظفون ودودون جدا.',
         'كانت الغرفة متسخة والخدمة سيئة جدا.',
         'الطعام ليس جيدا.',
         'الطعام ممتاز لكن الخدمة سيئة جدا.'),
  ('zh', '菜很好吃，服务员也非常热情。',
         '房间很脏，服务也太差了。',
         '这家的菜不好吃。',
         '菜很好吃，但是服务太差了。'),
  ('ja', '料理はとても美味しくて、スタッフも親切でした。',
         '部屋は汚くて、サービスも最悪でした。',
         'この料理は美味しくない。',
         '料理は美味しいけど、サービスは最悪だ。');

-- Explicitly and through 'auto' (the default): the same sign, and 'auto'
-- picks the language.
SELECT lang,
       sentiment(good, lang) > 0 AS good, sentiment(bad, lang) < 0 AS bad,
       sentiment(negated, lang) < 0 AS negated, sentiment(contrast, lang) < 0 AS contrast,
       sentiment(good) > 0 AS auto_good, sentiment(bad) < 0 AS auto_bad,
       sentiment_language(good) = lang AS auto_lang
FROM reviews ORDER BY lang;

-- The detail, sentence and explain functions agree with sentiment().
SELECT r.lang, d.label, d.lang = r.lang AS detail_lang,
       round(d.score::numeric, 6) = round(sentiment(r.contrast)::numeric, 6) AS same_score
FROM reviews r, LATERAL sentiment_detail(r.contrast) d ORDER BY r.lang;

-- explain names the pack's sources: the project's rules and the open lexicons.
SELECT r.lang, array_agg(DISTINCT split_part(rule, ':', 2) ORDER BY split_part(rule, ':', 2)) AS sources
FROM reviews r, LATERAL sentiment_explain(r.good || ' ' || r.bad, r.lang) e, unnest(e.rules) rule
WHERE rule LIKE 'lexicon:%' GROUP BY r.lang ORDER BY r.lang;
SELECT token, valence <> 0 AS has_valence, contribution < 0 AS negative, rules
FROM sentiment_explain('No me gustó nada.', 'es') ORDER BY ordinal;
SELECT token, contribution < 0 AS negative, rules
FROM sentiment_explain('この料理は美味しくない。', 'ja') WHERE valence <> 0 OR rules <> '{}' ORDER BY ordinal;

-- A document in three languages: each sentence scored in its own.
SELECT ordinal, label, lang
FROM sentence_sentiment('The room was lovely and the staff were wonderful. '
                        'La comida estaba fría y el servicio fue pésimo. '
                        'Das Frühstück war ausgezeichnet und sehr reichhaltig.');

-- What is installed: every pack, with its format and checksum.
SELECT lang, sentiment, sentiment_format IS NOT NULL AS has_format
FROM textsense_languages() WHERE sentiment ORDER BY lang;

-- A custom lexicon in Spanish: applies to Spanish text, on top of the pack.
INSERT INTO textsense_lexicon (name, lang) VALUES ('jerga', 'es');
INSERT INTO textsense_lexicon_term VALUES ('jerga', 'chafa', -2.5), ('jerga', 'de pelos', 2.5);
SELECT round(sentiment('El producto es chafa.', 'es', 'jerga')::numeric, 3) < 0 AS custom_negative,
       round(sentiment('El concierto estuvo de pelos.', 'es', 'jerga')::numeric, 3) > 0 AS custom_phrase,
       sentiment('La comida estaba deliciosa.', 'auto', 'jerga') > 0 AS pack_words_kept;
SELECT token, rules FROM sentiment_explain('El producto es chafa.', 'es', 'jerga') WHERE valence <> 0;
SELECT sentiment('The food was chafa.', 'es', 'jerga') IS NOT NULL AS explicit_language_wins;
DELETE FROM textsense_lexicon;

-- A hashtag of words joined by '_' is scored by its words, in any
-- language: one row, rule hashtag_words; its negator does not reach past it.
SELECT ordinal, token, round(contribution::numeric, 3) AS contribution, rules
FROM sentiment_explain('#no_me_gusta genial', 'es');
SELECT token, contribution > 0 AS positive, rules
FROM sentiment_explain('#ألف_مبروك للفريق', 'ar') WHERE ordinal = 1;
SELECT sentiment('#worst_day_ever', 'en') < 0 AS english_hashtag_negative;

-- The trigger scores each row in its language.
CREATE TABLE multilingual_reviews (id serial PRIMARY KEY, body text, score float8, detail jsonb);
CREATE TRIGGER score BEFORE INSERT OR UPDATE ON multilingual_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'score');
CREATE TRIGGER detail BEFORE INSERT OR UPDATE ON multilingual_reviews
    FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger('body', 'detail');
INSERT INTO multilingual_reviews (body) SELECT good FROM reviews ORDER BY lang;
INSERT INTO multilingual_reviews (body) SELECT bad FROM reviews ORDER BY lang;
SELECT detail->>'lang' AS lang, count(*) FILTER (WHERE score > 0) AS positive,
       count(*) FILTER (WHERE score < 0) AS negative, count(*) FILTER (WHERE score IS NULL) AS unscored
FROM multilingual_reviews GROUP BY 1 ORDER BY 1;
DROP TABLE multilingual_reviews;
