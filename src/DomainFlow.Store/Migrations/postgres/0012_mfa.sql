-- Time-based one-time passwords (RFC 6238), one authenticator per user. The secret is encrypted with the deployment's
-- Data Protection keys (like proxy passwords); enabled_at stays NULL until the user proves the authenticator works.
-- last_step is the last 30-second step a code was accepted for: a code is good once (no replay within its window).
CREATE TABLE user_mfa (
    user_id     TEXT    NOT NULL PRIMARY KEY,
    secret      TEXT    NOT NULL,
    enabled_at  BIGINT  NULL,
    last_step   BIGINT  NOT NULL DEFAULT 0,
    created_at  BIGINT  NOT NULL
);
