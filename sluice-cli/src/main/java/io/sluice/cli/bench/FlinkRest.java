package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few calls of Flink's REST API that a benchmark needs: job state and times, accumulators, TaskManagers. */
final class FlinkRest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Polls of a job's state start at 50 ms, so short jobs are timed closely, and back off to this. */
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    private final URI restUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    FlinkRest(URI restUrl) {
        this.restUrl = requireNonNull(restUrl, "restUrl is null");
    }

    URI restUrl() {
        return restUrl;
    }

    JsonNode get(String path) {
        URI uri = restUrl.resolve(path);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CliException("Flink REST " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new CliException("cannot reach Flink's REST API at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while calling " + uri, e);
        }
    }

    String flinkVersion() {
        return get("/overview").path("flink-version").asText();
    }

    /** Names of the jobs running now, e.g. to warn that they share the TaskManagers' CPU. */
    List<String> runningJobs() {
        List<String> names = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            if ("RUNNING".equals(job.path("state").asText())) {
                names.add(job.path("name").asText());
            }
        }
        return names;
    }

    /** Waits until the job reaches a terminal state and returns its details ({@code GET /jobs/<id>}). */
    JsonNode awaitTerminal(String jobId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Duration pause = Duration.ofMillis(50);
        while (true) {
            JsonNode job = get("/jobs/" + jobId);
            String state = job.path("state").asText();
            if (state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CliException("job " + jobId + " did not finish within " + timeout.toSeconds() + " s (state "
                        + state + "); see " + restUrl.resolve("/#/job/running/" + jobId));
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** The deepest cause Flink recorded for a failed job, one line. */
    String failure(String jobId) {
        String trace = get("/jobs/" + jobId + "/exceptions").path("rootException").asText("");
        String cause = trace.lines().findFirst().orElse("unknown failure");
        for (String line : (Iterable<String>) trace.lines()::iterator) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    void cancel(String jobId) {
        try {
            http.send(HttpRequest.newBuilder(restUrl.resolve("/jobs/" + jobId + "?mode=cancel")).timeout(TIMEOUT)
                    .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new CliException("cannot cancel job " + jobId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user accumulators of a job, by name, as Flink prints their values. */
    Map<String, String> accumulators(String jobId) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode accumulator : get("/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
            values.put(accumulator.path("name").asText(), accumulator.path("value").asText());
        }
        return values;
    }

    /** Id and data port of each TaskManager. */
    List<TaskManager> taskManagers() {
        List<TaskManager> taskManagers = new ArrayList<>();
        for (JsonNode taskManager : get("/taskmanagers").path("taskmanagers")) {
            taskManagers.add(new TaskManager(taskManager.path("id").asText(), taskManager.path("dataPort").asInt()));
        }
        return taskManagers;
    }

    /** {@code Status.JVM.CPU.Time} of a TaskManager in nanoseconds, as the JobManager last fetched it. */
    long cpuTimeMetricNanos(String taskManagerId) {
        for (JsonNode metric : get("/taskmanagers/" + taskManagerId + "/metrics?get=Status.JVM.CPU.Time")) {
            return (long) Double.parseDouble(metric.path("value").asText("0"));
        }
        return 0;
    }

    record TaskManager(String id, int dataPort) {}

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for a job", e);
        }
    }
}
