-- Wakes the outbox relays of every silo and process when outbox rows are committed (they LISTEN on
-- outbox_rows). NOTIFY is delivered only at commit, never for a rolled-back insert, and identical
-- notifications of one transaction are folded into one, so a statement-level trigger costs one message
-- per writing transaction whatever the writer (C# writers, kcat-style SQL, psql).
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_rows', '');
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS outbox_rows_committed ON outbox;
CREATE TRIGGER outbox_rows_committed AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
