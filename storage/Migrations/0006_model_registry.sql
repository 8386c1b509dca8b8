-- Trained forecasting models. Every model a training run produces is recorded (candidate or not) with
-- its metrics, so the analytics page can compare runs; at most one row is the champion the silos serve.

CREATE TABLE IF NOT EXISTS model_registry
(
    version       text        NOT NULL PRIMARY KEY,
    model_type    text        NOT NULL,
    artifact_path text        NOT NULL,
    -- {"validation": [{horizon_minutes, mae, rmse, mape, r2, count} ×3], "test": [...], "mean_speed": …}
    metrics       jsonb       NOT NULL,
    data_from     timestamptz NOT NULL,
    data_to       timestamptz NOT NULL,
    features      text[]      NOT NULL,
    -- Groups the models of one training run (the serving chain takes its fallbacks from the champion's run).
    training_run  text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    promoted_at   timestamptz NULL,
    is_champion   boolean     NOT NULL DEFAULT false,
    CONSTRAINT ck_model_registry_window CHECK (data_from <= data_to)
);

-- At most one champion: a second concurrent promotion fails instead of leaving two.
CREATE UNIQUE INDEX IF NOT EXISTS ux_model_registry_one_champion ON model_registry (is_champion) WHERE is_champion;

CREATE INDEX IF NOT EXISTS ix_model_registry_run ON model_registry (training_run);
