package io.sluice.cli.jobs;

/** A job as the server answers {@code POST /api/jobs} and {@code GET /api/jobs/{name}}. */
public record Job(String name, Integer latestVersion, String createdAt, JobStatus status) {}
