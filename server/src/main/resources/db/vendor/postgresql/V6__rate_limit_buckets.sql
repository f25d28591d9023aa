-- PostgreSQL only: the Auto Scale rate limits' token buckets, shared by every server on this
-- database (Bucket4j's select-for-update proxy manager reads and writes them; H2 serves one server,
-- which keeps its buckets in memory). id: SHA-256 (hex) of the limit's name and key; state: the
-- bucket in Bucket4j's own binary form; expires_at: epoch milliseconds when the bucket is full
-- again, after which the row may be deleted at no cost.
CREATE TABLE rate_limit_buckets (
  id VARCHAR(64) PRIMARY KEY,
  state BYTEA,
  expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_by_expiry ON rate_limit_buckets (expires_at);
