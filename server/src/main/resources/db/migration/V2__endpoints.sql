-- Endpoints API: webhook destinations, each in an account and optionally one of its environments.
CREATE TABLE endpoints (
  id             VARCHAR(32)              PRIMARY KEY,
  account_id     VARCHAR(32)              NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- Null: the endpoint is account-scoped.
  environment_id VARCHAR(32)              REFERENCES environments (id) ON DELETE CASCADE,
  name           VARCHAR(255)             NOT NULL,
  url            VARCHAR(2048)            NOT NULL,
  max_attempts   INTEGER                  NOT NULL,
  timeout        INTEGER                  NOT NULL,
  secret_key     VARCHAR(1024)            NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Lists are always within one account, in name or url order, ties broken by id.
CREATE INDEX endpoints_by_name ON endpoints (account_id, name, id);
CREATE INDEX endpoints_by_url ON endpoints (account_id, url, id);
CREATE INDEX endpoints_by_environment ON endpoints (environment_id, name, id);
