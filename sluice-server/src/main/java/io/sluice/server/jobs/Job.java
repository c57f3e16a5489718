package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record Job(String name, DesiredState desiredState, Instant createdAt) {
    public Job {
        requireNonNull(name, "name is null");
        requireNonNull(desiredState, "desiredState is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
