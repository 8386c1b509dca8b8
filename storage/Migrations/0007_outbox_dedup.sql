-- Optional de-duplication key of outbox rows. Writers whose messages are not already made idempotent
-- by their data table (e.g. dead-lettered readings, which have no row in traffic_data) set it to a
-- deterministic id and insert with ON CONFLICT DO NOTHING, so re-writing the same batch adds no rows.
-- Duplicates are only detected while the earlier row is still in the outbox (relay retention).
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS dedup_key text NULL;

CREATE UNIQUE INDEX IF NOT EXISTS ux_outbox_topic_dedup ON outbox (topic, dedup_key) WHERE dedup_key IS NOT NULL;
