-- The relay claims the alerts' unsent rows before the rest (Outbox:UrgentTopics): an index on (topic, id) of the
-- unsent rows finds them without walking a backlog of predictions in id order.
CREATE INDEX IF NOT EXISTS ix_outbox_unsent_topic ON outbox (topic, id) WHERE sent_at IS NULL;
