package io.sluice.server.it;

import java.io.ByteArrayOutputStream;
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
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client of the REST API, as any other client would use it. */
final class ApiClient {
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    ApiClient(URI base) {
        this.base = base;
    }

    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts raw bytes, e.g. a jar. */
    Answer postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Posts a multipart form: the file in part {@code file}, plus plain fields. */
    Answer postFile(String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "sluice-it-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** Asserts success and returns the body. */
    JsonNode ok(Answer answer) {
        if (answer.status() >= 300) {
            throw new AssertionError("API answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    void createTopic(String name, int partitions) {
        ok(post("/api/topics", Map.of("name", name, "partitions", partitions)));
    }

    void produce(String topic, List<String> values) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String value : values) {
            records.add(Map.of("value", value));
        }
        ok(post("/api/topics/" + topic + "/records", Map.of("records", records)));
    }

    JsonNode deploy(String name, String sql) {
        ok(post("/api/jobs", Map.of("name", name, "sql", sql, "settings", Map.of("checkpointIntervalMs", 2000))));
        return ok(post("/api/jobs/" + name + "/deploy", Map.of()));
    }

    /** Stops every job that should run, so that a failed test leaves its slot free for the next. */
    void stopAll() {
        for (JsonNode job : ok(get("/api/jobs"))) {
            if (job.path("desiredState").asText().equals("RUNNING")) {
                post("/api/jobs/" + job.path("name").asText() + "/stop", Map.of("savepoint", false));
            }
        }
    }

    /** Every record of the topic read so far, in order, after waiting until at least {@code atLeast} arrived. */
    List<JsonNode> readAtLeast(String topic, int atLeast, Duration timeout) {
        List<JsonNode> records = new ArrayList<>();
        String positions = "";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode page = ok(get("/api/topics/" + topic + "/records?from=beginning&max=1000&timeoutMs=1000"
                    + (positions.isEmpty() ? "" : "&positions=" + URLEncoder.encode(positions, StandardCharsets.UTF_8))));
            page.path("records").forEach(records::add);
            List<String> next = new ArrayList<>();
            page.path("positions").fields().forEachRemaining(e -> next.add(e.getKey() + ":" + e.getValue().asLong()));
            positions = String.join(",", next);
            boolean timedOut = System.nanoTime() > deadline;
            if (records.size() >= atLeast && page.path("records").isEmpty() || timedOut) {
                return records;
            }
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
