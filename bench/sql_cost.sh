#!/usr/bin/env bash
# Measures the per-call time of sentences(), tokens(), pos_tag() and the
# sentiment functions relative to
# lower(text) (a COST 1 builtin) on 200-byte reviews, the basis of the COST
# declared in extension/textsense--*.sql. Needs the extension installed
# (scripts/demo.sh does it). Usage: bench/sql_cost.sh [rows]
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
rows=${1:-100000}

with_throwaway_cluster bash -c "
psql -X -q -v ON_ERROR_STOP=1 -v rows=$rows <<'SQL'
CREATE EXTENSION textsense;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE reviews AS
SELECT i AS id, format('Review %s: the room was lovely, but the staff at the front desk were rude and slow. '
                       'Breakfast was great though! Would I stay again? Maybe, if the price is right. %s',
                       i, md5(i::text)) AS body
FROM generate_series(1, :rows) i;
VACUUM ANALYZE reviews;
CREATE FUNCTION pg_temp.ms(q text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; best float8 := 'Infinity';
BEGIN
  FOR i IN 1..3 LOOP
    t0 := clock_timestamp(); EXECUTE q;
    best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
  RETURN best;
END \$\$;
WITH t AS (
  SELECT pg_temp.ms('SELECT count(*) FROM reviews') AS scan,
         pg_temp.ms('SELECT sum(length(lower(body))) FROM reviews') AS lower_ms,
         pg_temp.ms('SELECT count(*) FROM reviews, sentences(body)') AS sentences_ms,
         pg_temp.ms('SELECT count(*) FROM reviews, tokens(body)') AS tokens_ms,
         pg_temp.ms('SELECT count(*) FROM reviews, pos_tag(body)') AS pos_tag_ms,
         pg_temp.ms('SELECT sum(sentiment(body)) FROM reviews') AS sentiment_ms,
         pg_temp.ms('SELECT count((sentiment_detail(body)).score) FROM reviews') AS detail_ms,
         pg_temp.ms('SELECT count(*) FROM reviews, sentence_sentiment(body)') AS sentence_sentiment_ms,
         pg_temp.ms('SELECT count(*) FROM reviews, sentiment_explain(body)') AS explain_ms)
SELECT round(avg(octet_length(body))) AS avg_bytes,
       round((lower_ms - scan)::numeric * 1000 / :rows, 3) AS lower_us_per_row,
       round((sentences_ms - scan)::numeric * 1000 / :rows, 3) AS sentences_us_per_row,
       round((tokens_ms - scan)::numeric * 1000 / :rows, 3) AS tokens_us_per_row,
       round(((sentences_ms - scan) / (lower_ms - scan))::numeric, 1) AS sentences_cost_vs_lower,
       round(((tokens_ms - scan) / (lower_ms - scan))::numeric, 1) AS tokens_cost_vs_lower,
       round(:rows / (tokens_ms / 1000)) AS tokens_rows_per_s,
       round((pos_tag_ms - scan)::numeric * 1000 / :rows, 3) AS pos_tag_us_per_row,
       round(((pos_tag_ms - scan) / (lower_ms - scan))::numeric, 1) AS pos_tag_cost_vs_lower,
       round(:rows / (pos_tag_ms / 1000)) AS pos_tag_rows_per_s,
       round((sentiment_ms - scan)::numeric * 1000 / :rows, 3) AS sentiment_us_per_row,
       round(((sentiment_ms - scan) / (lower_ms - scan))::numeric, 1) AS sentiment_cost_vs_lower,
       round(:rows / (sentiment_ms / 1000)) AS sentiment_rows_per_s,
       round(((detail_ms - scan) / (lower_ms - scan))::numeric, 1) AS detail_cost_vs_lower,
       round(((sentence_sentiment_ms - scan) / (lower_ms - scan))::numeric, 1) AS sentence_sentiment_cost_vs_lower,
       round(((explain_ms - scan) / (lower_ms - scan))::numeric, 1) AS explain_cost_vs_lower
FROM t, reviews GROUP BY t.scan, t.lower_ms, t.sentences_ms, t.tokens_ms, t.pos_tag_ms,
                         t.sentiment_ms, t.detail_ms, t.sentence_sentiment_ms, t.explain_ms;
SQL
# First-call latency of pos_tag() in a fresh session (maps and validates
# the model) against the second call.
for i in 1 2 3; do
  psql -X -q -At <<'SQL'
\\timing on
SELECT 1;
SELECT count(*) FROM tokens('The first call loads ICU.');
SELECT count(*) FROM pos_tag('The first call loads the model.');
SELECT count(*) FROM pos_tag('The second call does not.');
SQL
done | grep -E '^Time' | paste - - - - | awk '{print \"pos_tag first call ms: \" \$8 \"   second call ms: \" \$11}'
"
