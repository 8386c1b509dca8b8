-- Training jobs (weekly reminder and POST /admin/models/train). Their status lives here rather than in the memory
-- of the silo that runs them, so any silo answers GET /admin/models/jobs/{id}, also after the scheduler grain
-- moved or that silo stopped. The running silo rewrites its row every few seconds; updated_at is its heartbeat.

CREATE TABLE IF NOT EXISTS training_jobs
(
    job_id            uuid             NOT NULL PRIMARY KEY,
    trigger           text             NOT NULL,
    -- TrainingJobState: Running, Succeeded, Failed.
    state             text             NOT NULL,
    percent           double precision NOT NULL,
    stage             text             NOT NULL,
    started_at        timestamptz      NOT NULL,
    finished_at       timestamptz      NULL,
    candidate_version text             NULL,
    promoted          boolean          NOT NULL DEFAULT false,
    outcome           text             NULL,
    -- Orleans address of the silo running the job, for operators and the "abandoned" message.
    silo              text             NOT NULL,
    updated_at        timestamptz      NOT NULL
);

-- "Is a job already running?" looks only at running rows.
CREATE INDEX IF NOT EXISTS ix_training_jobs_running ON training_jobs (started_at DESC) WHERE state = 'Running';
