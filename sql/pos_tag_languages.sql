-- Part-of-speech tagging in nine languages: the installed models, each
-- language explicitly and through 'auto', contractions split into their
-- words with the contraction's offsets, a document mixing languages, and
-- pre-tokenised sentences.
SELECT lang, pos, pos_format FROM textsense_languages() WHERE pos ORDER BY lang;

-- The French example of the docs: "au" and "du" are two words each, and
-- substr(doc, start, length) gives the contraction for both rows.
SELECT token, upos, start, length, contraction,
       substr('Je suis allé au marché du village.', start, length)
         = coalesce(contraction, token) AS substr_ok
FROM pos_tag('Je suis allé au marché du village.');

-- One sentence a language, explicit and automatic: the same tags.
CREATE TEMP TABLE samples (lang text, doc text);
INSERT INTO samples VALUES
  ('pt', 'Eu moro no centro da cidade desde o ano passado.'),
  ('fr', 'Les enfants jouent dans le jardin après l''école.'),
  ('ru', 'Мы долго гуляли по парку и говорили о книгах.'),
  ('ja', '私は昨日友達と映画を見に行きました。'),
  ('nl', 'De kinderen spelen elke middag in het park.'),
  ('es', 'Fui al mercado del pueblo con mi hermana.'),
  ('de', 'Ich gehe zum Bahnhof und dann ins Kino.'),
  ('zh', '我们昨天在北京参观了一个很大的博物馆。');
SELECT s.lang,
       string_agg(t.token || '/' || t.upos, ' ' ORDER BY t.ordinal) AS tagged
FROM samples s, pos_tag(s.doc, s.lang) t GROUP BY s.lang ORDER BY s.lang;
SELECT s.lang,
       bool_and(a.lang = s.lang) AS detected,
       bool_and(a.upos IS NOT DISTINCT FROM e.upos) AS same_tags_as_explicit
FROM samples s
CROSS JOIN LATERAL (SELECT * FROM pos_tag(s.doc)) a
JOIN LATERAL (SELECT * FROM pos_tag(s.doc, s.lang)) e ON e.ordinal = a.ordinal
GROUP BY s.lang ORDER BY s.lang;

-- xpos: German keeps STTS, the treebanks without XPOS give NULL.
SELECT s.lang, count(*) AS words, count(t.xpos) AS with_xpos
FROM samples s, pos_tag(s.doc, s.lang) t GROUP BY s.lang ORDER BY s.lang;

-- Contractions in Spanish, Portuguese and German, with their offsets.
SELECT s.lang, t.token, t.upos, t.contraction,
       substr(s.doc, t.start, t.length) = t.contraction AS substr_ok
FROM samples s, pos_tag(s.doc, s.lang) t
WHERE t.contraction IS NOT NULL ORDER BY s.lang, t.ordinal;

-- A document in two languages: each sentence tagged in its own.
SELECT sentence, lang, count(*) AS words, count(upos) AS tagged
FROM pos_tag('Je suis allé au marché du village avec ma sœur hier matin. '
             'Ich gehe heute Abend mit meinen Freunden ins Kino.')
GROUP BY sentence, lang ORDER BY sentence;

-- Pre-tokenised sentences are taken as words: no contraction is split.
SELECT token, upos, xpos FROM pos_tag(ARRAY['Il', 'parle', 'de', 'le', 'prix', '.'], 'fr');
SELECT token, upos FROM pos_tag(ARRAY['Ich', 'gehe', 'zum', 'Bahnhof', '.'], 'de');
SELECT count(*) FROM pos_tag(ARRAY['Les', 'enfants', 'jouent', 'dans', 'le', 'jardin', '.'], 'auto');

-- A language without a tagging model: rows kept, tags NULL.
SELECT token, upos, lang FROM pos_tag('Το φαγητό ήταν υπέροχο.');
SELECT * FROM pos_tag('Το φαγητό ήταν υπέροχο.', 'el');
