-- When each alert was stored, on the wall clock. The push catch-up (GetAlertsSince) reaches back a wall-clock span
-- (Push:AlertsSinceMaxAge): alert timestamps are on the traffic clock, which a demo simulator runs hundreds of times
-- faster than wall time, so a bound on them gave a reconnecting client seconds instead of hours. The index lets the
-- catch-up find the oldest timestamp still in reach without scanning older alerts. (Version 0014 was shipped briefly and
-- withdrawn; databases that applied it keep its harmless index, so this change takes the next number.)
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS stored_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX IF NOT EXISTS ix_notifications_stored_at ON notifications (stored_at, "timestamp");
