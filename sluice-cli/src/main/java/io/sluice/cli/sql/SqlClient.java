package io.sluice.cli.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code /api/sql}: validate, explain and preview scripts without deploying them. */
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

    /**
     * Runs the script's queries on a sample on the server; the answer is {@code /api/sql/preview}'s JSON.
     *
     * @param samples table name to rows, each a JSON object
     */
    public JsonNode preview(SqlScript script, int records, Map<String, List<String>> samples, Duration timeout) {
        PreviewRequest request = new PreviewRequest(script.text(), records, samples, timeout.toSeconds());
        // the server waits for the queries up to the timeout; allow for its planning on top
        return script.send(() -> rest.post(ApiPath.of("sql", "preview"), request, JsonNode.class,
                timeout.plus(PLANNING_TIMEOUT)));
    }

    private record SqlRequest(String sql) {}

    private record PreviewRequest(String sql, int records, Map<String, List<String>> samples, long timeoutSeconds) {}

    private record Plan(String plan) {}
}
