-- Accounts and security. Flags are INTEGER 0/1 in both engines; secrets are stored only as hashes.
CREATE TABLE users (
    seq                  INTEGER PRIMARY KEY,
    id                   TEXT    NOT NULL UNIQUE,
    email                TEXT    NOT NULL,
    -- Lower-cased email: uniqueness and lookup are case-insensitive.
    email_key            TEXT    NOT NULL UNIQUE,
    display_name         TEXT    NOT NULL,
    role                 TEXT    NOT NULL,
    active               INTEGER NOT NULL,
    password_hash        TEXT    NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    failed_logins        INTEGER NOT NULL DEFAULT 0,
    -- How many times the account was locked since its last successful login: each lock lasts longer.
    lockouts             INTEGER NOT NULL DEFAULT 0,
    locked_until         BIGINT  NULL,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL,
    last_login_at        BIGINT  NULL,
    password_changed_at  BIGINT  NOT NULL
);

-- Server-side sessions: the cookie holds a random secret, the row only its SHA-256.
CREATE TABLE sessions (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    user_id      TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    agent_hash   TEXT    NOT NULL,
    ip           TEXT    NULL,
    user_agent   TEXT    NULL
);
CREATE INDEX ix_sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    user_id      TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    scopes       TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NULL,
    last_used_at BIGINT  NULL
);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);

-- One-time first-run setup tokens, one per node that started while no user existed.
CREATE TABLE setup_tokens (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    action      TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    actor_id    TEXT    NULL,
    actor_email TEXT    NULL,
    target_type TEXT    NULL,
    target_id   TEXT    NULL,
    ip          TEXT    NULL,
    detail      TEXT    NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, seq);

-- ASP.NET Data Protection key ring, shared by every node of the deployment.
CREATE TABLE data_protection_keys (
    name       TEXT   NOT NULL PRIMARY KEY,
    xml        TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

-- Campaigns belong to their creator; rows created before accounts existed have no owner (admins see them).
ALTER TABLE campaigns ADD COLUMN owner_id TEXT NULL;
CREATE INDEX ix_campaigns_owner ON campaigns (owner_id, seq);
ALTER TABLE campaign_events ADD COLUMN owner_id TEXT NULL;
