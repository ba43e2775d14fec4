-- Items each phase processed per quarter hour (UTC), added in the batch transaction that wrote them: "processed
-- today" sums a few of these rows per running phase instead of counting result rows. Quarter hours because every
-- time zone's midnight falls on one, so a local day is a whole number of buckets. Deleted with the campaign.
CREATE TABLE phase_activity (
    campaign_seq BIGINT NOT NULL,
    phase        TEXT   NOT NULL,
    bucket_start BIGINT NOT NULL,
    processed    BIGINT NOT NULL,
    PRIMARY KEY (campaign_seq, phase, bucket_start)
) WITHOUT ROWID;
CREATE INDEX ix_phase_activity_bucket ON phase_activity (bucket_start, campaign_seq);
