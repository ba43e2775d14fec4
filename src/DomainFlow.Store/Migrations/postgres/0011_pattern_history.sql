-- The pattern history of the new-campaign wizard. pattern_key is the generation phase's normalised pattern hash
-- (DomainPattern.ConfigHash, the key of generation_offsets), so earlier campaigns on the same pattern space are found
-- by index instead of parsing every campaign's JSON; NULL for other phases and list sources. pattern_start/end are the
-- pattern ordinals [start, end) the run reserved when it was planned. The hash is computed by the application: the
-- rows that exist when this script runs are filled by the migrator's C# step for version 11 in the same transaction.
-- Numbered 0011 because 0010 is taken on another branch (phase activity); the migrator applies any version it has not seen.
ALTER TABLE campaign_phases ADD COLUMN pattern_key TEXT NULL;
ALTER TABLE campaign_phases ADD COLUMN pattern_start BIGINT NULL;
ALTER TABLE campaign_phases ADD COLUMN pattern_end BIGINT NULL;
CREATE INDEX ix_campaign_phases_pattern ON campaign_phases (pattern_key) WHERE pattern_key IS NOT NULL;
