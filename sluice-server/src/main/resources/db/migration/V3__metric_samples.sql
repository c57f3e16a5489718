-- Samples of running jobs' metrics taken by the server's monitor, so charts survive a page reload and
-- a server restart. vertex_id is '' for metrics of the whole job (checkpoints).
CREATE TABLE metric_samples (
    job_name     VARCHAR(128)  NOT NULL REFERENCES jobs (name) ON DELETE CASCADE,
    vertex_id    VARCHAR(64)   NOT NULL,
    vertex_name  VARCHAR(4000) NOT NULL,
    metric       VARCHAR(64)   NOT NULL,
    sampled_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sample_value DOUBLE PRECISION NOT NULL
);

CREATE INDEX metric_samples_by_job ON metric_samples (job_name, sampled_at);
CREATE INDEX metric_samples_by_time ON metric_samples (sampled_at);
