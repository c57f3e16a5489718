package io.sluice.cli.jobs;

/** One version of a job's SQL and settings. */
public record JobVersion(String job, int version, String createdAt) {}
