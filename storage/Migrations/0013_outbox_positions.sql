-- Where the outbox relay's last committed round ended, per topic partition. A relay that dies after Kafka acknowledged
-- a round but before PostgreSQL marked it sent leaves those messages after this offset; its successor reads the log from
-- here to the end and marks the rows it finds (by their outbox-id header) sent instead of publishing them again.
CREATE TABLE IF NOT EXISTS outbox_positions
(
    topic       text        NOT NULL,
    "partition" integer     NOT NULL,
    next_offset bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, "partition")
);
