-- Deterministic review-like sample data: a table
--   reviews (id bigint PRIMARY KEY, product text, created_at timestamptz, body text)
-- of :rows rows (psql -v rows=N; default 2000). Each body is "Review <id>: "
-- (every review distinct, as real ones are) and then, by id, a few words
-- (20%), one paragraph of 2 to 6 sentences (60%), two paragraphs of 8 to 12
-- (15%) or four of 5 to 7 (5%): runs of sentences from a fixed set, with
-- emoji, emoticons, a URL, a hashtag and some non-ASCII text. Products
-- cycle through six; created_at spreads over the 90 days from 2026-01-01.
-- Used by examples/ (score_reviews.sql and the dashboard queries),
-- pg_regress (sql/bi_examples.sql) and the benchmarks in bench/.
\if :{?rows}
\else
\set rows 2000
\endif
CREATE TABLE reviews (
    id bigint PRIMARY KEY,
    product text NOT NULL,
    created_at timestamptz NOT NULL,
    body text);
INSERT INTO reviews (id, product, created_at, body)
WITH s AS (
  SELECT a || a AS a, short FROM (SELECT ARRAY[
    'The room was lovely and the bed was really comfortable.',
    'Staff at the front desk were rude and slow.',
    'Breakfast was great though!',
    'Would I stay again?',
    'Maybe, if the price is right.',
    'The battery lasts for days 🔋 and charging is quick.',
    'Screen cracked after a week and support didn''t reply.',
    'Honestly the worst purchase I have made this year.',
    'Not bad at all for the money.',
    'Delivery took three weeks, which is far too long.',
    'I love the colour, it looks even better than in the photos 😍',
    'The café downstairs serves an excellent crème brûlée.',
    'It works as described, nothing more, nothing less.',
    'Terrible customer service; nobody answered the phone.',
    'Five stars ⭐⭐⭐⭐⭐ would buy again!',
    'The sound is a bit tinny at high volume.',
    'Setup was easy and took less than ten minutes.',
    'My kids use it every day and it still looks new.',
    'The instructions were confusing and partly missing.',
    'Great value, although the strap feels cheap.',
    'We stayed in Zürich for two nights; the view was stunning.',
    'The noise from the street kept us awake all night 😡',
    'Smells a little odd out of the box, but that faded.',
    'Returned it the next day.',
    'Exactly what I needed for the trip.',
    'The app keeps crashing on my phone, which is very annoying.',
    'Absolutely fantastic, highly recommended 👍🏽',
    'The price went up twice since last year.',
    'It is okay, I guess.',
    'The manager apologised and gave us a refund, which was kind.',
    'I ordered the blue one on Monday and it arrived on Wednesday, well packed.',
    'After two months of daily use the hinge started to squeak :(',
    'Compared with my old model it is lighter, quieter and much faster to boot.',
    'Our waiter, Señor García, was charming and spoke excellent English.',
    'The pictures on https://example.com/product are misleading.',
    'If you are looking for something cheap that just works, this is it.',
    'Never again. #disappointed',
    'The keyboard feels solid, but the trackpad is too small for my hands.',
    'Check-in was smooth and the concierge booked us a table at a great restaurant nearby.',
    'Meh... it does the job 🤷'
  ] AS a, ARRAY[
    'Great!', 'Love it 😍', 'Not worth it.', 'Arrived broken 😡', 'Meh.',
    'Très bien, merci.', 'Perfect fit, thanks!', 'Would not recommend.',
    'Fast delivery :)', 'Sehr gut 👍', 'Too expensive for what it is.', 'OK'
  ] AS short) sets)
SELECT i AS id,
       (ARRAY['headphones', 'hotel', 'laptop', 'phone', 'restaurant', 'watch'])[1 + i * 7 % 6] AS product,
       timestamptz '2026-01-01 00:00:00+00' + (i::bigint * 7919 % 129600) * interval '1 minute' AS created_at,
       'Review ' || i || ': ' || CASE
    WHEN i % 20 < 4 THEN short[1 + i / 20 % cardinality(short)]
    WHEN i % 20 < 16 THEN array_to_string(a[1 + i * 7 % 40 : i * 7 % 40 + 2 + i % 5], ' ')
    WHEN i % 20 < 19 THEN array_to_string(a[1 + i * 11 % 40 : i * 11 % 40 + 4 + i % 3], ' ')
                          || E'\n\n' || array_to_string(a[1 + i * 13 % 40 : i * 13 % 40 + 4 + i % 2], ' ')
    ELSE array_to_string(a[1 + i * 3 % 40 : i * 3 % 40 + 5 + i % 3], ' ')
         || E'\n\n' || array_to_string(a[1 + i * 17 % 40 : i * 17 % 40 + 6], ' ')
         || E'\n\n' || array_to_string(a[1 + i * 19 % 40 : i * 19 % 40 + 5 + i % 2], ' ')
         || E'\n\n' || array_to_string(a[1 + i * 23 % 40 : i * 23 % 40 + 7], ' ')
  END AS body
FROM generate_series(1, :rows) i, s;
