-- Timestamps are Unix milliseconds (UTC) in both engines: one code path, no driver date conversions.
CREATE TABLE campaigns (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    description  TEXT    NULL,
    mode         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    started_at   BIGINT  NULL,
    completed_at BIGINT  NULL
);

CREATE TABLE campaign_phases (
    campaign_seq BIGINT  NOT NULL REFERENCES campaigns (seq) ON DELETE CASCADE,
    phase        TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    config       TEXT    NULL,
    total        BIGINT  NOT NULL DEFAULT 0,
    processed    BIGINT  NOT NULL DEFAULT 0,
    started_at   BIGINT  NULL,
    completed_at BIGINT  NULL,
    updated_at   BIGINT  NOT NULL,
    error        TEXT    NULL,
    -- When the phase last started or resumed, and its processed count then: the rate excludes paused time.
    resumed_at          BIGINT NULL,
    processed_at_resume BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_seq, phase)
);
CREATE INDEX ix_campaign_phases_updated ON campaign_phases (updated_at);

CREATE TABLE phase_counters (
    campaign_seq BIGINT NOT NULL,
    phase        TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    value        BIGINT NOT NULL,
    PRIMARY KEY (campaign_seq, phase, name)
);

-- Shards of a running phase. range_* and cursor are campaign ordinals; source_cursor is the
-- engine's own position (the pattern ordinal for generation, the list line for list sources).
CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    campaign_seq     BIGINT  NOT NULL,
    phase            TEXT    NOT NULL,
    shard            INTEGER NOT NULL,
    range_start      BIGINT  NOT NULL,
    range_end        BIGINT  NOT NULL,
    cursor           BIGINT  NOT NULL,
    source_cursor    BIGINT  NOT NULL,
    status           TEXT    NOT NULL,
    lease_owner      TEXT    NULL,
    lease_expires_at BIGINT  NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    updated_at       BIGINT  NOT NULL,
    UNIQUE (campaign_seq, phase, shard)
);
CREATE INDEX ix_jobs_claim ON jobs (status, lease_expires_at);

-- Domains are keyed by (campaign, ordinal): millions per campaign, keyset-paged, clustered by key.
CREATE TABLE domains (
    campaign_seq BIGINT NOT NULL,
    ordinal      BIGINT NOT NULL,
    name         TEXT   NOT NULL,
    PRIMARY KEY (campaign_seq, ordinal)
) WITHOUT ROWID;

-- Names uploaded for the list source, deduplicated by the unique index, waiting to be generated.
CREATE TABLE list_items (
    campaign_seq BIGINT NOT NULL,
    line         BIGINT NOT NULL,
    name         TEXT   NOT NULL,
    PRIMARY KEY (campaign_seq, line)
) WITHOUT ROWID;
CREATE UNIQUE INDEX ux_list_items_name ON list_items (campaign_seq, name);

-- Workspace-wide: where the next campaign with the same normalised pattern continues.
CREATE TABLE generation_offsets (
    config_hash TEXT   NOT NULL PRIMARY KEY,
    next_offset BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- State changes for other nodes' event hubs (progress is read from campaign_phases directly).
CREATE TABLE campaign_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    phase       TEXT    NULL,
    created_at  BIGINT  NOT NULL
);
