package io.sluice.server.deploy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** Whether the job and every one of its tasks run: only then can Flink take a savepoint. */
    public boolean allTasksRunning(String flinkJobId) {
        return get("/jobs/" + flinkJobId).map(job -> {
            if (!"RUNNING".equals(job.path("state").asText())) {
                return false;
            }
            for (JsonNode vertex : job.path("vertices")) {
                if (!"RUNNING".equals(vertex.path("status").asText())) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }

    /** How often Flink restarted the job since it was submitted (its {@code numRestarts} metric). */
    public Optional<Long> restarts(String flinkJobId) {
        return get("/jobs/" + flinkJobId + "/metrics?get=numRestarts").flatMap(metrics -> {
            for (JsonNode metric : metrics) {
                if ("numRestarts".equals(metric.path("id").asText())) {
                    return Optional.of(metric.path("value").asLong());
                }
            }
            return Optional.empty();
        });
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

    /**
     * Starts a savepoint ({@code stop} = stop the job after it, as Flink's stop-with-savepoint does) and
     * returns the trigger id to poll with {@link #savepointStatus}. The cluster's default savepoint
     * directory is used.
     */
    public String triggerSavepoint(String flinkJobId, boolean stop) {
        String path = stop ? "/jobs/" + flinkJobId + "/stop" : "/jobs/" + flinkJobId + "/savepoints";
        String body = stop ? "{\"drain\":false}" : "{\"cancel-job\":false}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(restUrl.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "POST " + path);
        if (response.statusCode() == 404) {
            throw new FlinkUnavailableException(restUrl, "job " + flinkJobId + " is not on the cluster");
        }
        return read(response, path).path("request-id").asText();
    }

    /**
     * The savepoint's location once it completed, empty while it is in progress.
     * A failed savepoint throws with Flink's reason.
     */
    public Optional<String> savepointStatus(String flinkJobId, String triggerId) {
        String path = "/jobs/" + flinkJobId + "/savepoints/" + triggerId;
        JsonNode status = get(path).orElseThrow(() -> new FlinkUnavailableException(restUrl, "no savepoint " + triggerId));
        if (!"COMPLETED".equals(status.path("status").path("id").asText())) {
            return Optional.empty();
        }
        JsonNode operation = status.path("operation");
        if (operation.hasNonNull("failure-cause")) {
            JsonNode cause = operation.path("failure-cause");
            String text = cause.path("stack-trace").asText(cause.toString());
            throw new SavepointFailedException(flinkJobId, text);
        }
        return Optional.of(operation.path("location").asText());
    }

    /** {@code GET /jobs/:id}: state, start time and vertices (id, name, parallelism), or empty for an unknown job. */
    public Optional<JsonNode> job(String flinkJobId) {
        return get("/jobs/" + flinkJobId);
    }

    /** The named metrics of a vertex aggregated over its subtasks: entries with id, min, max, avg and sum. */
    public Optional<JsonNode> vertexMetrics(String flinkJobId, String vertexId, List<String> names) {
        // operator metrics carry the operator's name, e.g. Source__clicks[1].numRecordsOutPerSecond
        String encoded = names.stream().map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
        return get("/jobs/" + flinkJobId + "/vertices/" + vertexId + "/subtasks/metrics?get=" + encoded);
    }

    /** The ids of every metric a vertex's subtasks report (task metrics and, prefixed by operator, operator metrics). */
    public List<String> vertexMetricNames(String flinkJobId, String vertexId) {
        List<String> names = new ArrayList<>();
        get("/jobs/" + flinkJobId + "/vertices/" + vertexId + "/subtasks/metrics")
                .ifPresent(metrics -> metrics.forEach(metric -> names.add(metric.path("id").asText())));
        return names;
    }

    /** {@code GET /jobs/:id/checkpoints}: counts and the latest completed checkpoint. */
    public Optional<JsonNode> checkpoints(String flinkJobId) {
        return get("/jobs/" + flinkJobId + "/checkpoints");
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
        return Optional.of(read(response, path));
    }

    private JsonNode read(HttpResponse<String> response, String path) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new FlinkUnavailableException(restUrl, "unreadable answer to " + path + ": " + e.getMessage());
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
