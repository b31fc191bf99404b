-- textsense 0.7.0 -> 0.8.0: SQL hardened against search_path capture.
--
-- PL/pgSQL resolves the operators, functions and types of its statements
-- with the search_path of the moment, so a schema on the caller's path in
-- which an untrusted user can create objects (and that comes before
-- pg_catalog, when pg_catalog is named in the path) could stand in an
-- operator of that user's for pg_catalog's, run with the caller's rights.
-- Every PL/pgSQL routine of the extension now runs with search_path
-- pg_catalog, pg_temp: the trigger functions by SET search_path, the
-- backfill (which commits, and so cannot carry a SET clause) by setting it
-- for each of its transactions, with its variables' types named
-- pg_catalog's; only its UPDATE of the user's table runs with the caller's
-- search_path (the table's own triggers expect it), with every operator in
-- it named OPERATOR(pg_catalog.op). sql/search_path.sql tests it with a hostile schema first
-- on the path. SECURITY.md, "search_path".

\echo Use "ALTER EXTENSION textsense UPDATE TO '0.8.0'" to load this file. \quit

ALTER FUNCTION textsense_lexicon_new_revision() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION textsense_lexicon_terms_changed() SET search_path = pg_catalog, pg_temp;

CREATE OR REPLACE PROCEDURE textsense_backfill(
    tbl regclass,
    source_column text,
    target_column text,
    batch_size integer DEFAULT 10000,
    lang text DEFAULT 'auto')
LANGUAGE plpgsql
AS $backfill$
DECLARE
  -- Found at run time, so that the procedure still works after ALTER
  -- EXTENSION textsense SET SCHEMA.
  -- Every type here is pg_catalog's by name: declarations are read with
  -- the caller's search_path, before the body can set its own.
  caller_path pg_catalog.text;
  ext_schema pg_catalog.text;
  kind pg_catalog.text;
  value_sql pg_catalog.text;
  todo_sql pg_catalog.text;
  count_sql pg_catalog.text;
  update_sql pg_catalog.text;
  range_start pg_catalog.tid;
  range_end pg_catalog.tid;
  leaves pg_catalog.regclass[];
  leaf_todo pg_catalog.int8[];
  leaf pg_catalog.regclass;
  total pg_catalog.int8;
  done pg_catalog.int8;
  n pg_catalog.int8;
  block_size pg_catalog.int8;
  blocks pg_catalog.int8;
  first_block pg_catalog.int8;
  span pg_catalog.int8;
  started pg_catalog.timestamptz;
  elapsed pg_catalog.float8;
BEGIN
  -- A procedure that commits cannot carry SET search_path, so it sets its
  -- own for each of its transactions (transaction-local: the caller's
  -- comes back when the CALL ends): no operator, function or type of a
  -- schema on the caller's search_path can stand in for pg_catalog's.
  caller_path := pg_catalog.current_setting('search_path');
  PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
  leaf_todo := '{}';
  total := 0;
  done := 0;
  block_size := pg_catalog.current_setting('block_size')::pg_catalog.int8;
  started := pg_catalog.clock_timestamp();
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
  PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

  FOR i IN 1 .. pg_catalog.cardinality(leaves) LOOP
    CONTINUE WHEN leaf_todo[i] = 0;
    leaf := leaves[i];
    count_sql := pg_catalog.format(
      'SELECT count(*) FROM %s WHERE ctid >= $1 AND ctid < $2 AND %s', leaf, todo_sql);
    update_sql := pg_catalog.format(
      'UPDATE %s SET %I = %s WHERE ctid OPERATOR(pg_catalog.>=) $1 AND ctid OPERATOR(pg_catalog.<) $2 AND %s',
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
        -- The UPDATE fires the table's triggers, which expect the caller's
        -- search_path; its own operators are named pg_catalog's, its
        -- table and functions are schema-qualified.
        PERFORM pg_catalog.set_config('search_path', caller_path, true);
        EXECUTE update_sql USING range_start, range_end;
        GET DIAGNOSTICS n = ROW_COUNT;
        COMMIT;
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
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
