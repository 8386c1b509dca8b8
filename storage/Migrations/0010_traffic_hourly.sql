-- Hourly rollups of traffic_data per road, kept up to date as readings arrive, so that city-wide analytics
-- (GET /analytics/trends) read a few thousand rows per day instead of scanning every reading. A statement-level
-- trigger sees the rows a statement really inserted (transition table; ON CONFLICT DO NOTHING duplicates are not
-- in it), aggregates them and adds them to the rollup in one upsert, in key order so that concurrent writers
-- (ingestion, road grains, back-fills) always lock rollup rows in the same order.
CREATE TABLE IF NOT EXISTS traffic_hourly
(
    hour       timestamptz      NOT NULL,
    road_id    text             NOT NULL,
    readings   integer          NOT NULL,
    speed_sum  double precision NOT NULL,
    ratio_sum  double precision NOT NULL,
    jam_sum    double precision NOT NULL,
    congested  integer          NOT NULL,
    PRIMARY KEY (hour, road_id)
);

CREATE INDEX IF NOT EXISTS ix_traffic_hourly_road ON traffic_hourly (road_id, hour);

CREATE OR REPLACE FUNCTION traffic_hourly_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO traffic_hourly AS h (hour, road_id, readings, speed_sum, ratio_sum, jam_sum, congested)
    SELECT date_trunc('hour', n."timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', n.road_id, count(*), sum(n.speed),
           sum(n.speed_ratio), sum(n.jam_factor), count(*) FILTER (WHERE n.congestion_level IN ('heavy', 'severe'))
    FROM new_rows n
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (hour, road_id) DO UPDATE
        SET readings = h.readings + EXCLUDED.readings,
            speed_sum = h.speed_sum + EXCLUDED.speed_sum,
            ratio_sum = h.ratio_sum + EXCLUDED.ratio_sum,
            jam_sum = h.jam_sum + EXCLUDED.jam_sum,
            congested = h.congested + EXCLUDED.congested;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS traffic_data_hourly ON traffic_data;
CREATE TRIGGER traffic_data_hourly AFTER INSERT ON traffic_data REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION traffic_hourly_add();

-- History written before this migration.
INSERT INTO traffic_hourly (hour, road_id, readings, speed_sum, ratio_sum, jam_sum, congested)
SELECT date_trunc('hour', "timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', road_id, count(*), sum(speed), sum(speed_ratio), sum(jam_factor),
       count(*) FILTER (WHERE congestion_level IN ('heavy', 'severe'))
FROM traffic_data
GROUP BY 1, 2
ON CONFLICT (hour, road_id) DO NOTHING;
