package io.sluice.cli.sql;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import java.time.Duration;

/** {@code /api/sql}: validate and explain scripts without deploying them. */
public final class SqlClient {
    // planning a large script can take a while on a cold server
    private static final Duration PLANNING_TIMEOUT = Duration.ofMinutes(2);

    private final RestClient rest;

    public SqlClient(RestClient rest) {
        this.rest = requireNonNull(rest, "rest is null");
    }

    public ValidationResult validate(SqlScript script) {
        return script.send(() -> rest.post(ApiPath.of("sql", "validate"), new SqlRequest(script.text()),
                ValidationResult.class, PLANNING_TIMEOUT));
    }

    public String explain(SqlScript script) {
        return script.send(() -> rest.post(ApiPath.of("sql", "explain"), new SqlRequest(script.text()),
                Plan.class, PLANNING_TIMEOUT)).plan();
    }

    private record SqlRequest(String sql) {}

    private record Plan(String plan) {}
}
