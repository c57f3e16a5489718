package io.sluice.server.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.json.JavalinJackson;
import io.sluice.server.catalog.Connection;
import io.sluice.server.catalog.ConnectionProbe;
import io.sluice.server.catalog.ConnectionService;
import io.sluice.server.functions.JarStore;
import io.sluice.server.functions.JarUsage;
import io.sluice.server.functions.UploadedJar;
import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.JobStatus;
import io.sluice.server.jobs.JobVersion;
import io.sluice.server.jobs.RestoreChoice;
import io.sluice.server.monitor.JobMetrics;
import io.sluice.server.preview.PreviewService;
import io.sluice.server.studio.JobGraphs;
import io.sluice.server.studio.StudioAssets;
import io.sluice.server.topics.TopicService;
import io.sluice.sql.CheckpointMode;
import io.sluice.sql.JobSettings;
import io.sluice.sql.StateBackendKind;
import io.sluice.sql.SqlScriptException;
import io.sluice.sql.ValidationResult;
import io.sluice.sql.preview.PreviewRequest;

/** The HTTP API of docs/rest-api.md and /api/openapi.yaml: JSON in, JSON out, 4xx with a reason. */
public final class RestApi {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final Set<String> SETTINGS = Set.of("parallelism", "checkpointIntervalMs", "bufferTimeoutMs",
            "checkpointMode", "checkpointTimeoutMs", "minPauseMs", "stateBackend");

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ConnectionService connections;
    private final ConnectionProbe probe;
    private final JobService jobs;
    private final TopicService topics;
    private final ClusterInfo cluster;
    private final PreviewService previews;
    private final JobMetrics metrics;
    private final JobGraphs graphs;
    private final JarStore jars;
    private final JarUsage jarUsage;
    private final String defaultKafkaConnection;

    public RestApi(ConnectionService connections, JobService jobs, TopicService topics, ClusterInfo cluster,
            PreviewService previews, JobMetrics metrics, JobGraphs graphs, JarStore jars, JarUsage jarUsage,
            String defaultKafkaConnection) {
        this.jars = requireNonNull(jars, "jars is null");
        this.jarUsage = requireNonNull(jarUsage, "jarUsage is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.probe = new ConnectionProbe(connections);
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.previews = requireNonNull(previews, "previews is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.topics = requireNonNull(topics, "topics is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.graphs = requireNonNull(graphs, "graphs is null");
        this.defaultKafkaConnection = requireNonNull(defaultKafkaConnection, "defaultKafkaConnection is null");
    }

    public Javalin start(String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 16L * 1024 * 1024;
            StudioAssets.serve(config);
        });
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(error(e.getMessage(), e.errors())));
        app.exception(SqlScriptException.class, (e, ctx) -> ctx.status(400)
                .json(error("the SQL script is invalid: " + e.errors().get(0), e.errors())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(error(e.getMessage(), List.of())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(error("internal error: " + e.getMessage(), List.of()));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(error("no such endpoint: " + ctx.method() + " " + ctx.path() + " (see /api/openapi.yaml)", List.of()));
            }
        });

        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/api/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi()));
        app.get("/api/cluster", ctx -> ctx.json(cluster.describe()));

        app.get("/api/connections", ctx -> ctx.json(connections.list().stream().map(RestApi::view).toList()));
        app.post("/api/connections", ctx -> {
            JsonNode body = body(ctx);
            Connection created = connections.register(text(body, "name"), text(body, "type"),
                    stringMap(body, "properties"), stringMap(body, "secrets"));
            ctx.status(201).json(view(created));
        });
        app.get("/api/connections/{name}", ctx -> ctx.json(view(connections.get(ctx.pathParam("name")))));
        app.post("/api/connections/{name}/test", ctx -> ctx.json(probe.test(ctx.pathParam("name"))));
        app.get("/api/connections/{name}/tables", ctx -> ctx.json(probe.tables(ctx.pathParam("name"))));
        app.delete("/api/connections/{name}", ctx -> {
            connections.delete(ctx.pathParam("name"));
            ctx.status(204);
        });

        app.post("/api/sql/validate", ctx -> {
            JsonNode body = body(ctx);
            ValidationResult result = jobs.validate(text(body, "sql"), settings(body));
            ctx.json(Map.of("valid", result.valid(), "errors", result.errors(), "warnings", result.warnings()));
        });
        app.post("/api/sql/explain", ctx -> {
            JsonNode body = body(ctx);
            ctx.json(Map.of("plan", jobs.explain(text(body, "sql"), settings(body))));
        });

        app.post("/api/sql/preview", ctx -> ctx.json(previews.preview(previewRequest(body(ctx)))));

        app.get("/api/jobs", ctx -> ctx.json(jobs.list().stream().map(this::withSummary).toList()));
        app.post("/api/jobs", ctx -> {
            JsonNode body = body(ctx);
            JobVersion first = jobs.create(text(body, "name"), text(body, "sql"), settings(body));
            ctx.status(201).json(jobView(first.job()));
        });
        app.get("/api/jobs/{name}", ctx -> ctx.json(jobView(ctx.pathParam("name"))));
        app.delete("/api/jobs/{name}", ctx -> {
            jobs.delete(ctx.pathParam("name"));
            ctx.status(204);
        });
        app.get("/api/jobs/{name}/versions", ctx -> ctx.json(jobs.versions(ctx.pathParam("name"))));
        app.post("/api/jobs/{name}/versions", ctx -> {
            JsonNode body = body(ctx);
            ctx.status(201).json(jobs.addVersion(ctx.pathParam("name"), text(body, "sql"), settings(body)));
        });
        app.get("/api/jobs/{name}/versions/{version}", ctx ->
                ctx.json(jobs.version(ctx.pathParam("name"), intParam(ctx.pathParam("version"), "version"))));
        app.post("/api/jobs/{name}/deploy", ctx -> {
            JsonNode body = optionalBody(ctx);
            Integer version = body.hasNonNull("version") ? body.get("version").asInt() : null;
            ctx.json(jobs.deploy(ctx.pathParam("name"), version, restoreChoice(body),
                    body.path("allowNonRestoredState").asBoolean(false)));
        });
        app.post("/api/jobs/{name}/restart", ctx ->
                ctx.json(jobs.restart(ctx.pathParam("name"), restoreChoice(optionalBody(ctx)))));
        app.post("/api/jobs/{name}/stop", ctx ->
                ctx.json(jobs.stop(ctx.pathParam("name"), optionalBody(ctx).path("savepoint").asBoolean(true))));
        app.get("/api/jobs/{name}/savepoints", ctx -> ctx.json(jobs.savepoints(ctx.pathParam("name"))));
        app.post("/api/jobs/{name}/savepoints", ctx -> ctx.status(201).json(jobs.triggerSavepoint(ctx.pathParam("name"))));
        app.get("/api/jobs/{name}/status", ctx -> ctx.json(jobs.status(ctx.pathParam("name"))));
        app.get("/api/jobs/{name}/metrics", ctx -> {
            String name = ctx.pathParam("name");
            jobs.job(name);
            int minutes = ctx.queryParam("minutes") == null ? 60 : intParam(ctx.queryParam("minutes"), "minutes");
            if (minutes < 1) {
                throw ApiException.badRequest("minutes must be at least 1, was " + minutes);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("job", name);
            view.put("minutes", minutes);
            view.put("summary", metrics.summary(name).orElse(null));
            view.put("series", metrics.series(name, Duration.ofMinutes(minutes)));
            ctx.json(view);
        });
        app.get("/api/jobs/{name}/graph", ctx -> ctx.json(graphs.graph(ctx.pathParam("name"))));

        app.get("/api/jars", ctx -> ctx.json(jars.list()));
        app.post("/api/jars", ctx -> ctx.status(201).json(uploadJar(ctx)));
        app.get("/api/jars/{name}", ctx -> ctx.json(jars.get(ctx.pathParam("name"))));
        app.delete("/api/jars/{name}", ctx -> {
            jars.delete(ctx.pathParam("name"), jarUsage);
            ctx.status(204);
        });

        app.get("/api/topics", ctx -> ctx.json(topics.list(connection(ctx))));
        app.post("/api/topics", ctx -> {
            JsonNode body = body(ctx);
            int partitions = body.hasNonNull("partitions") ? body.get("partitions").asInt() : 1;
            ctx.status(201).json(topics.create(connection(ctx), text(body, "name"), partitions));
        });
        app.post("/api/topics/{name}/records", ctx -> {
            JsonNode records = body(ctx).path("records");
            if (!records.isArray()) {
                throw ApiException.badRequest("the request needs 'records': [{\"key\": ..., \"value\": ...}]");
            }
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            for (JsonNode record : records) {
                JsonNode key = record.get("key");
                JsonNode value = record.get("value");
                entries.add(new java.util.AbstractMap.SimpleEntry<>(
                        key == null || key.isNull() ? null : key.asText(),
                        value == null || value.isNull() ? null : value.asText()));
            }
            ctx.json(Map.of("written", topics.produce(connection(ctx), ctx.pathParam("name"), entries)));
        });
        app.get("/api/topics/{name}/records", ctx -> {
            int max = ctx.queryParam("max") == null ? 100 : intParam(ctx.queryParam("max"), "max");
            long timeoutMs = ctx.queryParam("timeoutMs") == null ? 2000 : intParam(ctx.queryParam("timeoutMs"), "timeoutMs");
            String from = ctx.queryParamAsClass("from", String.class).getOrDefault("end");
            if (!from.equals("beginning") && !from.equals("end")) {
                throw ApiException.badRequest("from must be 'beginning' or 'end', was '" + from + "'");
            }
            String isolation = ctx.queryParamAsClass("isolation", String.class).getOrDefault("read_committed");
            if (!isolation.equals("read_committed") && !isolation.equals("read_uncommitted")) {
                throw ApiException.badRequest("isolation must be read_committed or read_uncommitted");
            }
            ctx.json(topics.consume(connection(ctx), ctx.pathParam("name"), from.equals("beginning"),
                    positions(ctx.queryParam("positions")), max, Duration.ofMillis(Math.min(timeoutMs, 60_000)),
                    isolation.equals("read_committed")));
        });

        app.start(host, port);
        return app;
    }

    private ObjectNode jobView(String name) {
        ObjectNode view = json.createObjectNode();
        view.put("name", name);
        view.put("createdAt", jobs.job(name).createdAt().toString());
        view.put("latestVersion", jobs.latestVersion(name));
        view.set("status", json.valueToTree(jobs.status(name)));
        return view;
    }

    private static Map<String, Object> view(Connection connection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", connection.name());
        view.put("type", connection.type().id());
        view.put("properties", connection.properties());
        view.put("secrets", connection.secrets().keySet().stream().sorted().toList());
        view.put("managed", connection.managed());
        view.put("createdAt", connection.createdAt().toString());
        return view;
    }

    private static Map<String, Object> error(String message, List<?> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    private String connection(Context ctx) {
        return ctx.queryParamAsClass("connection", String.class).getOrDefault(defaultKafkaConnection);
    }

    /** A jar as the raw body with {@code ?name=}, or as the multipart part {@code file} (its name from {@code name} or the file). */
    private UploadedJar uploadJar(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        if (contentType.startsWith("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw ApiException.badRequest("a multipart upload needs the jar in a part named 'file'");
            }
            String name = ctx.formParam("name");
            try (InputStream content = file.content()) {
                return jars.upload(name == null || name.isBlank() ? file.filename() : name, content.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded jar", e);
            }
        }
        return jars.upload(ctx.queryParam("name"), ctx.bodyAsBytes());
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw ApiException.badRequest("the request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private JsonNode optionalBody(Context ctx) {
        return ctx.body().isBlank() ? json.createObjectNode() : body(ctx);
    }

    private static RestoreChoice restoreChoice(JsonNode body) {
        JsonNode choice = body.get("fromSavepoint");
        return RestoreChoice.parse(choice == null || choice.isNull() ? null : choice.asText());
    }

    /** A job's status with the monitor's latest figures for it (null before its first sample). */
    private ObjectNode withSummary(JobStatus status) {
        ObjectNode view = json.valueToTree(status);
        view.set("summary", json.valueToTree(metrics.summary(status.name()).orElse(null)));
        return view;
    }

    private PreviewRequest previewRequest(JsonNode body) throws JsonProcessingException {
        Map<String, List<String>> samples = new HashMap<>();
        JsonNode given = body.path("samples");
        if (!given.isMissingNode() && !given.isObject()) {
            throw new IllegalArgumentException("samples must map table names to lists of rows");
        }
        for (Map.Entry<String, JsonNode> table : given.properties()) {
            if (!table.getValue().isArray()) {
                throw new IllegalArgumentException("the samples of table " + table.getKey() + " must be a list of rows");
            }
            List<String> rows = new ArrayList<>();
            for (JsonNode row : table.getValue()) {
                rows.add(row.isTextual() ? row.asText() : json.writeValueAsString(row));
            }
            samples.put(table.getKey(), rows);
        }
        return new PreviewRequest(text(body, "sql"),
                body.path("records").asInt(PreviewRequest.DEFAULT_RECORDS), samples,
                Duration.ofSeconds(body.path("timeoutSeconds").asLong(PreviewRequest.DEFAULT_TIMEOUT.toSeconds())),
                body.path("maxChanges").asInt(PreviewRequest.DEFAULT_MAX_CHANGES));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw ApiException.badRequest("the request needs a string '" + field + "'");
        }
        return value.asText();
    }

    private static Map<String, String> stringMap(JsonNode body, String field) {
        Map<String, String> map = new HashMap<>();
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'" + field + "' must be an object of strings");
        }
        node.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static JobSettings settings(JsonNode body) {
        JsonNode node = body.path("settings");
        if (node.isMissingNode() || node.isNull()) {
            return JobSettings.NONE;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'settings' must be an object; known settings: " + SETTINGS);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!SETTINGS.contains(name)) {
                throw ApiException.badRequest("unknown job setting '" + name + "'; known settings: " + SETTINGS);
            }
        });
        return new JobSettings(
                node.hasNonNull("parallelism") ? node.get("parallelism").asInt() : null,
                longSetting(node, "checkpointIntervalMs"),
                longSetting(node, "bufferTimeoutMs"),
                node.hasNonNull("checkpointMode") ? CheckpointMode.parse(node.get("checkpointMode").asText()) : null,
                longSetting(node, "checkpointTimeoutMs"),
                longSetting(node, "minPauseMs"),
                node.hasNonNull("stateBackend") ? StateBackendKind.parse(node.get("stateBackend").asText()) : null);
    }

    private static Long longSetting(JsonNode settings, String name) {
        JsonNode value = settings.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong()) {
            throw ApiException.badRequest("job setting '" + name + "' must be a whole number of milliseconds, was " + value);
        }
        return value.asLong();
    }

    private static int intParam(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static Map<Integer, Long> positions(String text) {
        Map<Integer, Long> positions = new HashMap<>();
        if (text == null || text.isBlank()) {
            return positions;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":");
            try {
                positions.put(Integer.parseInt(parts[0].trim()), Long.parseLong(parts[1].trim()));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("positions must look like 0:15,1:7, was '" + text + "'");
            }
        }
        return positions;
    }

    private static String openApi() {
        try (InputStream in = RestApi.class.getResourceAsStream("/io/sluice/server/openapi.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
