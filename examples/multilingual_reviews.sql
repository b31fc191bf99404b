-- A multilingual review table for benchmarks and demos: :rows rows (psql
-- variable, default 100000) cycling through short reviews written for this
-- project in the eleven languages with a sentiment pack (four each: praise,
-- complaint, a negated statement and a contrast), in random order.
--   psql -v rows=100000 -f examples/multilingual_reviews.sql
\if :{?rows}
\else
\set rows 100000
\endif
DROP TABLE IF EXISTS multilingual_reviews;
CREATE TEMP TABLE multilingual_samples (lang text, body text);
INSERT INTO multilingual_samples VALUES
  ('en', 'The food was delicious and the staff were very friendly.'),
  ('en', 'The room was dirty and the service was terrible.'),
  ('en', 'The food was not good.'),
  ('en', 'The food was great, but the service was awful.'),
  ('es', 'La comida estaba deliciosa y el personal fue muy amable.'),
  ('es', 'La habitación estaba sucia y el servicio fue horrible.'),
  ('es', 'La comida no estaba buena.'),
  ('es', 'La comida estaba buena, pero el servicio fue pésimo.'),
  ('fr', 'Le repas était délicieux et le personnel très aimable.'),
  ('fr', 'La chambre était sale et le service horrible.'),
  ('fr', 'Le repas n''était pas bon.'),
  ('fr', 'Le repas était excellent, mais le service était lamentable.'),
  ('de', 'Das Essen war köstlich und das Personal sehr freundlich.'),
  ('de', 'Das Zimmer war schmutzig und der Service schrecklich.'),
  ('de', 'Das Essen war nicht gut.'),
  ('de', 'Das Essen war ausgezeichnet, aber der Service war schrecklich.'),
  ('it', 'Il cibo era delizioso e il personale molto gentile.'),
  ('it', 'La camera era sporca e il servizio orribile.'),
  ('it', 'Il cibo non era buono.'),
  ('it', 'Il cibo era ottimo, ma il servizio era pessimo.'),
  ('pt', 'A comida estava deliciosa e os funcionários foram muito simpáticos.'),
  ('pt', 'O quarto estava sujo e o atendimento foi horrível.'),
  ('pt', 'A comida não estava boa.'),
  ('pt', 'A comida estava ótima, mas o atendimento foi péssimo.'),
  ('nl', 'Het eten was heerlijk en het personeel was erg vriendelijk.'),
  ('nl', 'De kamer was vies en de service was verschrikkelijk.'),
  ('nl', 'Het eten was niet lekker.'),
  ('nl', 'Het eten was uitstekend, maar de service was waardeloos.'),
  ('ru', 'Еда была вкусной, а персонал очень дружелюбным.'),
  ('ru', 'Номер был грязным, а обслуживание ужасным.'),
  ('ru', 'Еда была не вкусной.'),
  ('ru', 'Еда была отличной, но обслуживание было ужасным.'),
  ('ar', 'كان الطعام لذيذا والموظفون ودودون جدا.'),
  ('ar', 'كانت الغرفة متسخة والخدمة سيئة جدا.'),
  ('ar', 'الطعام ليس جيدا.'),
  ('ar', 'الطعام ممتاز لكن الخدمة سيئة جدا.'),
  ('zh', '菜很好吃，服务员也非常热情。'),
  ('zh', '房间很脏，服务也太差了。'),
  ('zh', '这家的菜不好吃。'),
  ('zh', '菜很好吃，但是服务太差了。'),
  ('ja', '料理はとても美味しくて、スタッフも親切でした。'),
  ('ja', '部屋は汚くて、サービスも最悪でした。'),
  ('ja', 'この料理は美味しくない。'),
  ('ja', '料理は美味しいけど、サービスは最悪だ。');
CREATE TABLE multilingual_reviews AS
WITH s AS (SELECT row_number() OVER (ORDER BY lang, body) - 1 AS k, lang, body
           FROM multilingual_samples)
SELECT i AS id, s.lang, s.body
FROM generate_series(1, :rows) i JOIN s ON s.k = (i::bigint * 7919) % 44
ORDER BY i;
VACUUM ANALYZE multilingual_reviews;
