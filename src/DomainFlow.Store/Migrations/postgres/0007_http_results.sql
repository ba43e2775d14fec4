-- HTTP keyword analysis results, one row per campaign domain (same key as domains). Lists and nested data
-- (redirect chain, certificate, keyword hits, technologies, parked signals) are JSON. Upserted, so a batch redone
-- after a crash writes once.
CREATE TABLE http_results (
    campaign_seq      BIGINT  NOT NULL,
    ordinal           BIGINT  NOT NULL,
    outcome           TEXT    NOT NULL,
    status            INTEGER NULL,
    address           TEXT    NULL,
    proxy             TEXT    NULL,
    final_url         TEXT    NULL,
    redirects         TEXT    NULL,
    title             TEXT    NULL,
    description       TEXT    NULL,
    content_type      TEXT    NULL,
    content_length    BIGINT  NULL,
    body_bytes        INTEGER NULL,
    body_truncated    INTEGER NOT NULL,
    server            TEXT    NULL,
    language          TEXT    NULL,
    links             INTEGER NULL,
    body_sha256       TEXT    NULL,
    certificate       TEXT    NULL,
    keyword_hits      TEXT    NULL,
    keyword_score     DOUBLE PRECISION    NOT NULL,
    parked            INTEGER NOT NULL,
    parked_confidence DOUBLE PRECISION    NOT NULL,
    parked_signals    TEXT    NULL,
    technologies      TEXT    NULL,
    favicon_hash      INTEGER NULL,
    error             TEXT    NULL,
    elapsed_ms        BIGINT  NOT NULL,
    checked_at        BIGINT  NOT NULL,
    PRIMARY KEY (campaign_seq, ordinal)
);
CREATE INDEX ix_http_results_outcome ON http_results (campaign_seq, outcome, ordinal);
CREATE INDEX ix_http_results_score ON http_results (campaign_seq, keyword_score, ordinal);
