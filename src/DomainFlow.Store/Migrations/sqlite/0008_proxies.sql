-- Proxies: a workspace resource, with their health as the monitor last saw it. The password is encrypted with
-- the deployment's Data Protection keys (password_secret) and never leaves the store in clear except to connect.
-- endpoint_key (protocol://user@host:port) keeps one row per proxy, so importing a list twice adds nothing.
CREATE TABLE proxies (
    seq                  INTEGER PRIMARY KEY,
    id                   TEXT    NOT NULL UNIQUE,
    name                 TEXT    NOT NULL,
    endpoint_key         TEXT    NOT NULL UNIQUE,
    protocol             TEXT    NOT NULL,
    host                 TEXT    NOT NULL,
    port                 INTEGER NOT NULL,
    username             TEXT    NULL,
    password_secret      TEXT    NULL,
    country              TEXT    NULL,
    notes                TEXT    NULL,
    enabled              INTEGER NOT NULL,
    status               TEXT    NOT NULL,
    latency_ms           BIGINT  NULL,
    successes            BIGINT  NOT NULL,
    failures             BIGINT  NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    last_checked_at      BIGINT  NULL,
    last_error           TEXT    NULL,
    next_check_at        BIGINT  NOT NULL,
    created_by           TEXT    NULL,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL
);
CREATE INDEX ix_proxies_next_check ON proxies (enabled, next_check_at);
