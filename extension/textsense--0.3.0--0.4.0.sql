-- textsense 0.3.0 -> 0.4.0: scoring the rows of tables. A scoring trigger
-- for rows as they are written, a procedure that backfills existing rows in
-- committed batches, and the check both use. There is no separate 0.4.0
-- install script: CREATE EXTENSION textsense runs textsense--0.3.0.sql and
-- then this file, so a fresh install and an upgrade are the same objects.
\echo Use "ALTER EXTENSION textsense UPDATE TO '0.4.0'" to load this file. \quit

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
'Trigger function keeping a column''s sentiment next to its text: CREATE TRIGGER ... BEFORE INSERT OR UPDATE ON tbl FOR EACH ROW EXECUTE FUNCTION textsense_score_trigger(''source_column'', ''target_column'' [, ''lang'']). Writes sentiment(source) into a double precision, real or numeric target, the label into a text or varchar target, or to_jsonb(sentiment_detail(source)) into a jsonb target; NULL text gives NULL. On UPDATE it leaves the row as it is when the source did not change (unless the target is NULL while the source has text). An error aborts the statement.';

CREATE PROCEDURE textsense_backfill(
    tbl regclass,
    source_column text,
    target_column text,
    batch_size integer DEFAULT 10000,
    lang text DEFAULT 'en')
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
  todo_sql := pg_catalog.format('%I IS NULL AND %I IS NOT NULL', target_column, source_column);

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
'Fills target_column of the existing rows of tbl (a table or a partitioned table) from source_column as textsense_score_trigger would: CALL textsense_backfill(''reviews'', ''body'', ''score''). Works in batches of about batch_size rows, each committed before the next, so it neither holds one long transaction nor locks more than a batch of rows at a time; reports progress (rows done of total, rows/s) with NOTICEs. Only rows whose target is NULL and source is not are written, so an interrupted run resumes when called again. CALL it outside a transaction block.';
