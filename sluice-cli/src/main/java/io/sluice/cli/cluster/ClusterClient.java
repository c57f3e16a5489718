package io.sluice.cli.cluster;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import java.time.Duration;

/** {@code /api/health} and {@code /api/cluster}. */
public final class ClusterClient {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

    private final RestClient rest;

    public ClusterClient(RestClient rest) {
        this.rest = requireNonNull(rest, "rest is null");
    }

    /** Returns when the server reports itself healthy; throws what went wrong otherwise. */
    public void checkHealth() {
        Health health = rest.get(ApiPath.of("health"), Health.class, HEALTH_TIMEOUT);
        if (!"ok".equals(health.status())) {
            throw new CliException("the Sluice server at " + rest.baseUrl() + " reports status '" + health.status()
                    + "'; see its log");
        }
    }

    public ClusterInfo info() {
        return rest.get(ApiPath.of("cluster"), ClusterInfo.class);
    }

    private record Health(String status) {}
}
