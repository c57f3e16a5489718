package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The studio in headless Chromium against the real server (sluice-web/e2e/studio.e2e.mjs drives it
 * with playwright-core): create a topic, write a job, see its error at the right line, fix it, preview it, deploy,
 * watch it run, stop it with a savepoint, save a second version and compare. Screenshots of each page
 * land in target/screenshots.
 */
class StudioBrowserIT {
    private static final Path WEB = Path.of("..", "sluice-web").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api = SharedServer.client();

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void writeValidateFixDeployWatchAndStopAJobInTheBrowser() throws Exception {
        Path chromium = LocalChromium.executable();
        assertTrue(Files.isDirectory(WEB.resolve("node_modules").resolve("playwright-core")),
                "playwright-core is missing under " + WEB + "; build sluice-web first (mvn -pl sluice-web package)");
        Path log = Files.createDirectories(SCREENSHOTS.getParent()).resolve("studio-e2e.log");
        Process browser = new ProcessBuilder(List.of("node", "e2e/studio.e2e.mjs", SharedServer.server().url().toString(),
                SCREENSHOTS.toString(), chromium.toString()))
                .directory(WEB.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = browser.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = read(log);
        assertTrue(ended, "the browser test did not end within " + TIMEOUT.toMinutes() + " min:\n" + output);
        assertEquals(0, browser.exitValue(), "the browser test failed (screenshot failure.png in " + SCREENSHOTS + "):\n" + output);
        for (String page : List.of("catalog", "editor-error", "editor-plan", "editor-preview", "job-running", "jobs", "job-savepoints", "job-versions")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(page + ".png")) > 0, page + ".png is missing");
        }

        // what the job deployed from the browser wrote: only clicks on page 8212, as its filter says
        JsonNode graph = api.ok(api.get("/api/jobs/studio-e2e/graph"));
        assertFalse(graph.path("vertices").isEmpty(), graph.toString());
        assertTrue(graph.path("vertices").get(0).path("name").asText().contains("clicks"), graph.toString());
        assertEquals(1, graph.path("vertices").get(0).path("parallelism").asInt(), graph.toString());
        assertTrue(graph.path("checkpoints").path("completed").asLong() > 0, graph.toString());

        List<JsonNode> written = api.readAtLeast("studio_e2e_out", 1, Duration.ofSeconds(60));
        assertFalse(written.isEmpty());
        for (JsonNode record : written) {
            JsonNode click = JSON.readTree(record.path("value").asText());
            assertEquals(8212, click.path("page_id").asInt(), click.toString());
            assertTrue(click.hasNonNull("user_name"), click.toString());
        }
    }

    @Test
    void studioIsServedAtTheRootWhileApiPathsStayTheApis() throws Exception {
        URI server = SharedServer.server().url();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/jobs/some-job", "/editor")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.resolve(path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("<div id=\"root\"></div>"), path + " answered " + page.body());
        }
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(server.resolve("/api/no-such-thing"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no such endpoint: GET /api/no-such-thing"), unknown.body());
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }
}
