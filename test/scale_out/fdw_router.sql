-- The router of two postgres_fdw shards (test/fdw_shards_test.sh,
-- bench/scale_out.sh): psql -v s1_port=... -v s2_port=... (the shards on
-- 127.0.0.1, each set up by fdw_shard.sql). reviews_fdw is hash-partitioned
-- by id over the shards' reviews tables; review_labels_fdw and
-- review_tags_fdw over their views, partitioned the same way.
--   extensions 'textsense': postgres_fdw may send textsense's IMMUTABLE
--     functions and operators to the shards (it never sends functions of
--     other extensions, nor STABLE ones such as the custom-lexicon forms);
--     the shards must have the same textsense version in the same schema.
--   async_capable: an Append over the shards starts every shard's query
--     before it reads any result (Async Foreign Scan), so they run at once.
--   fetch_size / batch_size: rows per round trip when reading / inserting.
CREATE EXTENSION IF NOT EXISTS textsense;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER shard_1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port :'s1_port', dbname 'postgres',
             extensions 'textsense', async_capable 'true', fetch_size '10000', batch_size '1000');
CREATE SERVER shard_2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port :'s2_port', dbname 'postgres',
             extensions 'textsense', async_capable 'true', fetch_size '10000', batch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_2 OPTIONS (user 'postgres');

CREATE TABLE reviews_fdw (
    id bigint NOT NULL,
    product text NOT NULL,
    created_at timestamptz NOT NULL,
    body text) PARTITION BY HASH (id);
CREATE FOREIGN TABLE reviews_fdw_1 PARTITION OF reviews_fdw
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_1 OPTIONS (table_name 'reviews');
CREATE FOREIGN TABLE reviews_fdw_2 PARTITION OF reviews_fdw
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_2 OPTIONS (table_name 'reviews');

CREATE TABLE review_labels_fdw (id bigint NOT NULL, label text) PARTITION BY HASH (id);
CREATE FOREIGN TABLE review_labels_fdw_1 PARTITION OF review_labels_fdw
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_1 OPTIONS (table_name 'review_labels');
CREATE FOREIGN TABLE review_labels_fdw_2 PARTITION OF review_labels_fdw
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_2 OPTIONS (table_name 'review_labels');

CREATE TABLE review_tags_fdw (id bigint NOT NULL, upos text) PARTITION BY HASH (id);
CREATE FOREIGN TABLE review_tags_fdw_1 PARTITION OF review_tags_fdw
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_1 OPTIONS (table_name 'review_tags');
CREATE FOREIGN TABLE review_tags_fdw_2 PARTITION OF review_tags_fdw
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_2 OPTIONS (table_name 'review_tags');
