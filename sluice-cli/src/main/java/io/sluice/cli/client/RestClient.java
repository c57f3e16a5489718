package io.sluice.cli.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON over HTTP to one Sluice server. Every failure becomes a {@link io.sluice.cli.CliException}
 * whose message the user can act on: the server's own error text, or what went wrong on the way.
 */
public final class RestClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);
    private static final int CONFLICT = 409;

    private final HttpClient http;
    private final String baseUrl;
    private final ObjectMapper json;

    public RestClient(HttpClient http, String baseUrl, ObjectMapper json) {
        this.http = requireNonNull(http, "http is null");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
        this.json = requireNonNull(json, "json is null");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public <T> T get(ApiPath path, Class<T> type) {
        return get(path, json.constructType(type), DEFAULT_TIMEOUT);
    }

    public <T> T get(ApiPath path, TypeReference<T> type) {
        return get(path, json.constructType(type), DEFAULT_TIMEOUT);
    }

    public <T> T get(ApiPath path, Class<T> type, Duration timeout) {
        return get(path, json.constructType(type), timeout);
    }

    public <T> T post(ApiPath path, Object body, Class<T> type, Duration timeout) {
        HttpResponse<String> response = send(json(request(path, timeout)).POST(publisher(body)), path, "POST");
        return read(checked(response, path, "POST"), json.constructType(type), path, "POST");
    }

    /** POSTs raw bytes, e.g. a jar, with their content type. */
    public <T> T postBytes(ApiPath path, byte[] body, String contentType, Class<T> type, Duration timeout) {
        HttpResponse<String> response = send(request(path, timeout).header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body)), path, "POST");
        return read(checked(response, path, "POST"), json.constructType(type), path, "POST");
    }

    public void delete(ApiPath path) {
        checked(send(request(path, DEFAULT_TIMEOUT).DELETE(), path, "DELETE"), path, "DELETE");
    }

    /** POSTs and answers empty when the server says the object already exists (409). */
    public <T> Optional<T> postUnlessConflict(ApiPath path, Object body, Class<T> type, Duration timeout) {
        HttpResponse<String> response = send(json(request(path, timeout)).POST(publisher(body)), path, "POST");
        if (response.statusCode() == CONFLICT) {
            return Optional.empty();
        }
        return Optional.of(read(checked(response, path, "POST"), json.constructType(type), path, "POST"));
    }

    private <T> T get(ApiPath path, JavaType type, Duration timeout) {
        HttpResponse<String> response = send(request(path, timeout).GET(), path, "GET");
        return read(checked(response, path, "GET"), type, path, "GET");
    }

    private HttpRequest.Builder request(ApiPath path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json");
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request) {
        return request.header("Content-Type", "application/json; charset=utf-8");
    }

    private BodyPublisher publisher(Object body) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        try {
            return BodyPublishers.ofString(json.writeValueAsString(body), UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body " + body, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, ApiPath path, String method) {
        try {
            return http.send(request.build(), BodyHandlers.ofString(UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServerUnreachableException(baseUrl, e);
        } catch (HttpTimeoutException e) {
            throw new CliException("the Sluice server at " + baseUrl + " did not answer " + method + " " + path
                    + " in time; it may still be working on it, check with `bin/sluice jobs`", e);
        } catch (IOException e) {
            throw new CliException("lost the connection to the Sluice server at " + baseUrl + " during "
                    + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for the Sluice server at " + baseUrl, e);
        }
    }

    private HttpResponse<String> checked(HttpResponse<String> response, ApiPath path, String method) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw error(response, path, method);
    }

    private ApiException error(HttpResponse<String> response, ApiPath path, String method) {
        String body = response.body();
        String fallback = "HTTP " + response.statusCode() + " from " + method + " " + baseUrl + path
                + (body.isBlank() ? "" : ": " + firstLine(body));
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            // not JSON: probably not a Sluice server (or a proxy in between); show what answered
            return new ApiException(response.statusCode(), fallback, List.of());
        }
        String message = tree != null && tree.path("error").isTextual() ? tree.get("error").asText() : fallback;
        return new ApiException(response.statusCode(), message, problems(tree));
    }

    private List<SqlProblem> problems(JsonNode tree) {
        List<SqlProblem> problems = new ArrayList<>();
        if (tree != null && tree.path("errors").isArray()) {
            for (JsonNode error : tree.get("errors")) {
                problems.add(json.convertValue(error, SqlProblem.class));
            }
        }
        return problems;
    }

    private <T> T read(HttpResponse<String> response, JavaType type, ApiPath path, String method) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new CliException("unexpected answer from the Sluice server at " + baseUrl + " to " + method + " "
                    + path + " (is this a Sluice server of the same version?): " + e.getOriginalMessage(), e);
        }
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
