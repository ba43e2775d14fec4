-- DNS validation results, one row per campaign domain (same key as domains). Addresses and the CNAME chain are
-- space-separated; records (MX/NS/TXT answers) are JSON. Upserted, so a batch redone after a crash writes once.
CREATE TABLE dns_results (
    campaign_seq BIGINT  NOT NULL,
    ordinal      BIGINT  NOT NULL,
    outcome      TEXT    NOT NULL,
    ipv4         TEXT    NULL,
    ipv6         TEXT    NULL,
    cname        TEXT    NULL,
    records      TEXT    NULL,
    rcode        TEXT    NULL,
    attempts     INTEGER NOT NULL,
    resolver     TEXT    NULL,
    latency_ms   BIGINT  NOT NULL,
    checked_at   BIGINT  NOT NULL,
    error        TEXT    NULL,
    PRIMARY KEY (campaign_seq, ordinal)
);
CREATE INDEX ix_dns_results_outcome ON dns_results (campaign_seq, outcome, ordinal);
