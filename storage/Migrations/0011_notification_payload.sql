-- The whole alert as it was published (road name, affected routes, speeds, ETA delta...), so that the history API
-- (GET /notifications) and the push catch-up (GetAlertsSince) return the product's message and not just the columns
-- the cooldown needs. Rows written before this migration have none; readers rebuild what the columns hold.
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS payload jsonb NULL;

-- History pages newest first, keyed by (timestamp, id) so a cursor is stable while new alerts arrive.
CREATE INDEX IF NOT EXISTS ix_notifications_time ON notifications ("timestamp" DESC, id DESC);
