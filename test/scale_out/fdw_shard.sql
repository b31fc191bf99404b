-- One postgres_fdw shard (test/fdw_shards_test.sh, bench/scale_out.sh): the
-- shard's part of the reviews table, and views that do on the shard what
-- postgres_fdw cannot send it from the router: functions in FROM (pos_tag(),
-- sentiment_detail()) and fields of composite results. The router's foreign
-- tables read these views, so only labels and tags cross the network.
CREATE EXTENSION IF NOT EXISTS textsense;
CREATE TABLE reviews (
    id bigint PRIMARY KEY,
    product text NOT NULL,
    created_at timestamptz NOT NULL,
    body text);
CREATE VIEW review_labels AS
    SELECT r.id, d.label FROM reviews r, sentiment_detail(r.body) d;
CREATE VIEW review_tags AS
    SELECT r.id, p.upos FROM reviews r, pos_tag(r.body) p;
