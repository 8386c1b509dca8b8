-- Grain state for Microsoft.Orleans.Persistence.AdoNet.
-- Contract (Orleans 10): parameters @GrainIdHash @GrainIdN0 @GrainIdN1 @GrainTypeHash @GrainTypeString
-- @GrainIdExtensionString @ServiceId @GrainStateVersion @PayloadBinary; reads columns PayloadBinary and
-- Version; writes return NewGrainStateVersion. The ETag is the integer version: a write or clear
-- whose version does not match the stored one changes nothing and returns the caller's version,
-- which Orleans turns into an InconsistentStateException.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id          varchar(150) NOT NULL,
    grain_type_hash     integer      NOT NULL,
    grain_type          varchar(512) NOT NULL,
    grain_id_hash       integer      NOT NULL,
    grain_id_n0         bigint       NOT NULL,
    grain_id_n1         bigint       NOT NULL,
    -- '' stands for "no string key part" so that the unique index below also covers it.
    grain_id_extension  varchar(512) NOT NULL DEFAULT '',
    payload             bytea        NULL,
    version             integer      NOT NULL,
    modified_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_grain_state_identity
    ON orleans_grain_state (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT s.payload AS PayloadBinary, s.version AS Version
FROM orleans_grain_state s
WHERE s.service_id = @ServiceId
  AND s.grain_type_hash = @GrainTypeHash AND s.grain_type = @GrainTypeString
  AND s.grain_id_hash = @GrainIdHash AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_id_extension = COALESCE(@GrainIdExtensionString::varchar, '''');'),

-- First write (no version yet) inserts version 1 unless a row already exists (a concurrent or
-- stale writer); later writes bump the version only when the caller holds the current one.
('WriteToStorageKey', '
WITH changed AS (
    UPDATE orleans_grain_state s
    SET payload = @PayloadBinary, version = s.version + 1, modified_at = now()
    WHERE @GrainStateVersion::integer IS NOT NULL
      AND s.service_id = @ServiceId
      AND s.grain_type_hash = @GrainTypeHash AND s.grain_type = @GrainTypeString
      AND s.grain_id_hash = @GrainIdHash AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_id_extension = COALESCE(@GrainIdExtensionString::varchar, '''')
      AND s.version = @GrainStateVersion::integer
    RETURNING s.version
), created AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           COALESCE(@GrainIdExtensionString::varchar, ''''), @PayloadBinary, 1
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT COALESCE((SELECT version FROM changed), (SELECT version FROM created), @GrainStateVersion::integer) AS NewGrainStateVersion;'),

-- Clearing keeps the row (with a new version and no payload) so that a stale writer still conflicts.
('ClearStorageKey', '
WITH cleared AS (
    UPDATE orleans_grain_state s
    SET payload = NULL, version = s.version + 1, modified_at = now()
    WHERE s.service_id = @ServiceId
      AND s.grain_type_hash = @GrainTypeHash AND s.grain_type = @GrainTypeString
      AND s.grain_id_hash = @GrainIdHash AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_id_extension = COALESCE(@GrainIdExtensionString::varchar, '''')
      AND s.version = @GrainStateVersion::integer
    RETURNING s.version
)
SELECT COALESCE((SELECT version FROM cleared), @GrainStateVersion::integer) AS NewGrainStateVersion;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
