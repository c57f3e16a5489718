package io.sluice.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A canned HTTP server on a free loopback port, to check how the CLI reports the answers of a
 * server that refuses a request. Each {@code METHOD /path} answers one fixed status and body.
 */
public final class StubServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private record Answer(int status, String contentType, String body, long delayMillis) {}

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(key + " " + new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            Answer answer = answers.getOrDefault(key, new Answer(404, "application/json", "{\"error\":\"no stub for " + key + "\"}", 0));
            sleep(answer.delayMillis());
            byte[] body = answer.body().getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public StubServer json(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, "application/json", body, 0));
        return this;
    }

    public StubServer text(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body, 0));
        return this;
    }

    public StubServer slow(String method, String path, long delayMillis) {
        answers.put(method + " " + path, new Answer(200, "application/json", "{}", delayMillis));
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code METHOD /path body} of every request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
