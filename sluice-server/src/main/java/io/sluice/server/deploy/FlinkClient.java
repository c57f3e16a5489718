package io.sluice.server.deploy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few calls of Flink's REST API the platform needs to watch and stop jobs. */
public final class FlinkClient {
    private final URI restUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public FlinkClient(URI restUrl) {
        this.restUrl = requireNonNull(restUrl, "restUrl is null");
    }

    public URI restUrl() {
        return restUrl;
    }

    /** The job's page in Flink's dashboard, which keeps running and finished jobs under different paths. */
    public String dashboardUrl(String flinkJobId, boolean running) {
        return restUrl.resolve("/#/job/" + (running ? "running" : "completed") + "/" + flinkJobId + "/overview").toString();
    }

    /** {@code GET /overview}: task managers and slots. */
    public JsonNode overview() {
        return get("/overview").orElseThrow(() -> new FlinkUnavailableException(restUrl, "no /overview"));
    }

    /** The job's state as Flink reports it, or empty when the cluster does not know the job. */
    public Optional<String> jobState(String flinkJobId) {
        return get("/jobs/" + flinkJobId).map(job -> job.path("state").asText("UNKNOWN"));
    }

    /** The root exception of a failed job, in full, or empty when there is none. */
    public Optional<String> rootException(String flinkJobId) {
        return get("/jobs/" + flinkJobId + "/exceptions").flatMap(exceptions -> {
            JsonNode entries = exceptions.path("exceptionHistory").path("entries");
            if (entries.isArray() && !entries.isEmpty()) {
                return Optional.of(entries.get(0).path("stacktrace").asText());
            }
            JsonNode root = exceptions.path("root-exception");
            return root.isMissingNode() || root.isNull() ? Optional.empty() : Optional.of(root.asText());
        });
    }

    public void cancel(String flinkJobId) {
        send(HttpRequest.newBuilder(restUrl.resolve("/jobs/" + flinkJobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), "cancel job " + flinkJobId);
    }

    private Optional<JsonNode> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(restUrl.resolve(path)).GET().build(), "GET " + path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new FlinkUnavailableException(restUrl, "unreadable answer to GET " + path + ": " + e.getMessage());
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new FlinkUnavailableException(restUrl, what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new FlinkUnavailableException(restUrl, what + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkUnavailableException(restUrl, what + " was interrupted");
        }
    }
}
