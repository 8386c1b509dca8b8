-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet (the Cluster profile).
-- Contract (Orleans 10.4): keys InsertMembershipVersionKey, InsertMembershipKey, UpdateMembershipKey,
-- UpdateIAmAlivetimeKey, MembershipReadRowKey, MembershipReadAllKey, GatewaysQueryKey,
-- DeleteMembershipTableEntriesKey, CleanupDefunctSiloEntriesKey; parameters @DeploymentId @Address
-- @Port @Generation @SiloName @HostName @Status @ProxyPort @SuspectTimes @StartTime @IAmAliveTime
-- @Version. Inserts and updates succeed (return 1) only when the caller's table version is the
-- current one, and then bump it — the optimistic concurrency of Orleans' membership protocol.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id  varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address        varchar(45)  NOT NULL,
    port           integer      NOT NULL,
    generation     integer      NOT NULL,
    silo_name      varchar(150) NOT NULL,
    host_name      varchar(150) NOT NULL,
    status         integer      NOT NULL,
    proxy_port     integer      NULL,
    suspect_times  varchar(8000) NULL,
    start_time     timestamptz  NOT NULL,
    i_am_alive_at  timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Both writers first lock the deployment's version row, so concurrent silos are serialised and
-- "check version, change row, bump version" is atomic without relying on a unique violation.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_silo_name varchar, p_host_name varchar, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id FOR UPDATE;
    IF current_version IS DISTINCT FROM p_version THEN
        RETURN 0;
    END IF;
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_at)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN 1;
END $$;

CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspect_times varchar, p_i_am_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id FOR UPDATE;
    IF current_version IS DISTINCT FROM p_version THEN
        RETURN 0;
    END IF;
    UPDATE orleans_membership
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_at = p_i_am_alive
    WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN 1;
END $$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING RETURNING 1
)
SELECT count(*)::integer FROM created;'),

('InsertMembershipKey', '
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'),

('UpdateMembershipKey', '
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version);'),

-- Liveness pings are frequent and deliberately do not bump the table version.
('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership SET i_am_alive_at = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;'),

('MembershipReadRowKey', '
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_at AS IAmAliveTime,
       v.version AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;'),

('MembershipReadAllKey', '
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_at AS IAmAliveTime,
       v.version AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;'),

('GatewaysQueryKey', '
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;'),

('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;'),

-- Status 3 = Active: a silo that still claims to be active is never cleaned up from here.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_at < @IAmAliveTime AND status <> 3;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
