-- Auto Scale API: the webhooks of a scaling policy, each with its secret capability hash.
CREATE TABLE webhooks (
  id              UUID                     PRIMARY KEY,
  policy_id       UUID                     NOT NULL REFERENCES scaling_policies (id) ON DELETE CASCADE,
  name            VARCHAR(256)             NOT NULL,
  -- The metadata object as JSON text.
  metadata        VARCHAR                  NOT NULL,
  -- 64 lowercase hex digits: 256 random bits; the capability URL's only secret.
  capability_hash CHAR(64)                 NOT NULL UNIQUE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Lists are per policy, ordered by id, continued after a marker id.
CREATE INDEX webhooks_by_policy ON webhooks (policy_id, id);
