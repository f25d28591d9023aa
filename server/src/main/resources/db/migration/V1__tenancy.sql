-- Who may call the two product APIs, as the operator API creates them.
-- Tokens are stored only as the SHA-256 hex of the secret.

-- Endpoints API: accounts, their environments, users and their bearer tokens.
CREATE TABLE accounts (
  id         VARCHAR(32)              PRIMARY KEY,
  name       VARCHAR(255)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE environments (
  id         VARCHAR(32)              PRIMARY KEY,
  account_id VARCHAR(32)              NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name       VARCHAR(255)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX environments_by_account ON environments (account_id, created_at, id);

CREATE TABLE users (
  id               VARCHAR(32)              PRIMARY KEY,
  account_id       VARCHAR(32)              NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name             VARCHAR(255)             NOT NULL,
  -- CASE, not IN: H2 2.4 evaluates an IN check with the session that created it, and fails once
  -- that connection is closed. The CASE form means the same on both databases.
  role             VARCHAR(16)              NOT NULL
                   CHECK (CASE role WHEN 'admin' THEN TRUE WHEN 'reader' THEN TRUE ELSE FALSE END),
  -- false: the user sees only the environments listed in user_environments.
  all_environments BOOLEAN                  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX users_by_account ON users (account_id, created_at, id);

CREATE TABLE user_environments (
  user_id        VARCHAR(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  environment_id VARCHAR(32) NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, environment_id)
);
CREATE INDEX user_environments_by_environment ON user_environments (environment_id);

CREATE TABLE user_tokens (
  id         VARCHAR(32)              PRIMARY KEY,
  user_id    VARCHAR(32)              NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash CHAR(64)                 NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX user_tokens_by_user ON user_tokens (user_id, created_at, id);

-- Auto Scale API: tenants, their scaling groups and policies, and tenant tokens.
CREATE TABLE tenants (
  id         VARCHAR(64)              PRIMARY KEY,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE scaling_groups (
  id         UUID                     PRIMARY KEY,
  tenant_id  VARCHAR(64)              NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name       VARCHAR(256)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scaling_groups_by_tenant ON scaling_groups (tenant_id, created_at, id);

CREATE TABLE scaling_policies (
  id               UUID                     PRIMARY KEY,
  group_id         UUID                     NOT NULL REFERENCES scaling_groups (id) ON DELETE CASCADE,
  name             VARCHAR(256)             NOT NULL,
  executions       BIGINT                   NOT NULL DEFAULT 0,
  last_executed_at TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scaling_policies_by_group ON scaling_policies (group_id, created_at, id);

CREATE TABLE tenant_tokens (
  id         VARCHAR(32)              PRIMARY KEY,
  tenant_id  VARCHAR(64)              NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- CASE, not IN: see users.role.
  role       VARCHAR(16)              NOT NULL
             CHECK (CASE role WHEN 'admin' THEN TRUE WHEN 'observer' THEN TRUE ELSE FALSE END),
  token_hash CHAR(64)                 NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tenant_tokens_by_tenant ON tenant_tokens (tenant_id, created_at, id);
