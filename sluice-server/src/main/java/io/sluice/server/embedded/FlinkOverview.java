package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What {@code GET /overview} of a Flink cluster reports about its TaskManagers. */
record FlinkOverview(int taskManagers, int slotsTotal, int slotsAvailable, String flinkVersion) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    FlinkOverview {
        requireNonNull(flinkVersion, "flinkVersion is null");
    }

    /** Fails with an IOException while the REST endpoint is not up yet. */
    static FlinkOverview fetch(HttpClient http, URI restUrl) throws IOException, InterruptedException {
        URI uri = restUrl.resolve("/overview");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static FlinkOverview parse(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        return new FlinkOverview(
                node.path("taskmanagers").asInt(),
                node.path("slots-total").asInt(),
                node.path("slots-available").asInt(),
                node.path("flink-version").asText(""));
    }
}
