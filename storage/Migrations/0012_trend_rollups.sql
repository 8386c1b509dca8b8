-- Two more rollups for GET /analytics/trends, kept by the same statement-level trigger as traffic_hourly (0010):
-- the city's hourly sums (one row an hour: the hourly series and weekday × hour patterns read 168 rows a week instead
-- of summing 130,000 road-hours per request) and per-road daily sums (the congested-roads ranking reads 772 rows a
-- day instead of 18,500). Both are sums, so they add up exactly like traffic_hourly and never need a rebuild.
CREATE TABLE IF NOT EXISTS traffic_city_hourly
(
    hour      timestamptz      PRIMARY KEY,
    readings  bigint           NOT NULL,
    speed_sum double precision NOT NULL,
    congested bigint           NOT NULL
);

CREATE TABLE IF NOT EXISTS traffic_road_daily
(
    day       timestamptz      NOT NULL,
    road_id   text             NOT NULL,
    readings  integer          NOT NULL,
    speed_sum double precision NOT NULL,
    jam_sum   double precision NOT NULL,
    congested integer          NOT NULL,
    PRIMARY KEY (day, road_id)
);

CREATE INDEX IF NOT EXISTS ix_traffic_road_daily_road ON traffic_road_daily (road_id, day);

-- A trigger of its own beside 0010's (rather than a redefinition of traffic_hourly_add): each sees the rows a
-- statement really inserted. Rows are upserted in key order so that concurrent writers lock rollup rows in the same
-- order (no deadlock).
CREATE OR REPLACE FUNCTION traffic_trend_rollups_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO traffic_road_daily AS d (day, road_id, readings, speed_sum, jam_sum, congested)
    SELECT date_trunc('day', n."timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', n.road_id, count(*), sum(n.speed),
           sum(n.jam_factor), count(*) FILTER (WHERE n.congestion_level IN ('heavy', 'severe'))
    FROM new_rows n
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (day, road_id) DO UPDATE
        SET readings = d.readings + EXCLUDED.readings,
            speed_sum = d.speed_sum + EXCLUDED.speed_sum,
            jam_sum = d.jam_sum + EXCLUDED.jam_sum,
            congested = d.congested + EXCLUDED.congested;

    INSERT INTO traffic_city_hourly AS c (hour, readings, speed_sum, congested)
    SELECT date_trunc('hour', n."timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*), sum(n.speed),
           count(*) FILTER (WHERE n.congestion_level IN ('heavy', 'severe'))
    FROM new_rows n
    GROUP BY 1
    ORDER BY 1
    ON CONFLICT (hour) DO UPDATE
        SET readings = c.readings + EXCLUDED.readings,
            speed_sum = c.speed_sum + EXCLUDED.speed_sum,
            congested = c.congested + EXCLUDED.congested;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS traffic_data_trend_rollups ON traffic_data;
CREATE TRIGGER traffic_data_trend_rollups AFTER INSERT ON traffic_data REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION traffic_trend_rollups_add();

-- History written before this migration, from the hourly rollup that already sums it.
INSERT INTO traffic_road_daily (day, road_id, readings, speed_sum, jam_sum, congested)
SELECT date_trunc('day', hour AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', road_id, sum(readings), sum(speed_sum), sum(jam_sum), sum(congested)
FROM traffic_hourly
GROUP BY 1, 2
ON CONFLICT (day, road_id) DO NOTHING;

INSERT INTO traffic_city_hourly (hour, readings, speed_sum, congested)
SELECT hour, sum(readings), sum(speed_sum), sum(congested)
FROM traffic_hourly
GROUP BY 1
ON CONFLICT (hour) DO NOTHING;
