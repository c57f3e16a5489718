package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import io.sluice.cli.client.ServerEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the CLI reports a server that refuses, fails or is not there: one clear message, non-zero exit. */
class ServerErrorsTest {
    private static final String SQL_ERRORS = """
            {"error": "the SQL script is invalid: 3:7: Column 'pgae_id' not found",
             "errors": [{"line": 3, "column": 7, "message": "Column 'pgae_id' not found"},
                        {"line": 5, "column": 1, "message": "Table 'nope' not found"}]}
            """;

    @TempDir
    Path directory;

    @Test
    void serverErrorTextIsPrintedAsIs() {
        try (StubServer server = new StubServer()
                .json("GET", "/api/jobs/clicks-etl/status", 404,
                        "{\"error\": \"job 'clicks-etl' does not exist; create it with POST /api/jobs\"}")) {
            CliRun run = CliRun.run("status", "clicks-etl", "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(List.of("job 'clicks-etl' does not exist; create it with POST /api/jobs"), run.errLines());
            assertEquals("", run.out());
        }
    }

    @Test
    void sqlErrorsOfANewJobPointIntoTheFile() throws IOException {
        Path script = script("clicks-etl.sql");
        try (StubServer server = new StubServer().json("POST", "/api/jobs", 400, SQL_ERRORS)) {
            CliRun run = CliRun.run("deploy", script.toString(), "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(List.of(
                    script + ":3:7: Column 'pgae_id' not found",
                    script + ":5:1: Table 'nope' not found"), run.errLines());
        }
    }

    @Test
    void sqlErrorsOfANewVersionPointIntoTheFile() throws IOException {
        Path script = script("clicks-etl.sql");
        try (StubServer server = new StubServer()
                .json("POST", "/api/jobs", 409, "{\"error\": \"job 'clicks-etl' exists\"}")
                .json("POST", "/api/jobs/clicks-etl/versions", 400, SQL_ERRORS)) {
            CliRun run = CliRun.run("deploy", script.toString(), "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(script + ":3:7: Column 'pgae_id' not found", run.errLines().get(0));
        }
    }

    @Test
    void deploymentThatFailedToStartExitsNonZeroWithTheServersMessage() throws IOException {
        Path script = script("clicks-etl.sql");
        try (StubServer server = new StubServer()
                .json("POST", "/api/jobs", 201, "{\"name\": \"clicks-etl\", \"latestVersion\": 1}")
                .json("POST", "/api/jobs/clicks-etl/deploy", 200, """
                        {"name": "clicks-etl", "version": 1, "state": "FAILED", "flinkJobId": null,
                         "dashboardUrl": null, "message": "topic 'clicks' does not exist"}""")) {
            CliRun run = CliRun.run("deploy", script.toString(), "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(List.of("clicks-etl version 1 failed to start: FAILED, topic 'clicks' does not exist"),
                    run.errLines());
        }
    }

    @Test
    void explainOfAnInvalidScriptPointsIntoTheFile() throws IOException {
        Path script = script("q.sql");
        try (StubServer server = new StubServer().json("POST", "/api/sql/explain", 400, SQL_ERRORS)) {
            CliRun run = CliRun.run("explain", script.toString(), "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(2, run.errLines().size());
            assertEquals(script + ":5:1: Table 'nope' not found", run.errLines().get(1));
        }
    }

    @Test
    void validatePrintsEachErrorAndExitsOne() throws IOException {
        Path script = script("q.sql");
        try (StubServer server = new StubServer().json("POST", "/api/sql/validate", 200, """
                {"valid": false, "errors": [{"line": 2, "column": 8, "message": "Unknown column 'x'"}], "warnings": []}""")) {
            CliRun run = CliRun.run("validate", script.toString(), "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(List.of(script + ":2:8: Unknown column 'x'"), run.errLines());
            assertEquals("", run.out());
        }
    }

    @Test
    void validatePrintsValidAndTheWarnings() throws IOException {
        Path script = script("q.sql");
        try (StubServer server = new StubServer().json("POST", "/api/sql/validate", 200, """
                {"valid": true, "errors": [], "warnings": ["checkpoint interval 100 ms is very short"]}""")) {
            CliRun run = CliRun.run("validate", script.toString(), "--server", server.url());
            assertEquals(0, run.exitCode());
            assertEquals(List.of(script + ": valid"), run.outLines());
            assertEquals(List.of(script + ": warning: checkpoint interval 100 ms is very short"), run.errLines());
        }
    }

    @Test
    void answerThatIsNotJsonNamesTheStatusAndWhatAnswered() {
        try (StubServer server = new StubServer()
                .text("GET", "/api/jobs", 502, "text/html", "<html>Bad Gateway</html>\n<body>...</body>")) {
            CliRun run = CliRun.run("jobs", "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(List.of("HTTP 502 from GET " + server.url() + "/api/jobs: <html>Bad Gateway</html>"), run.errLines());
        }
    }

    @Test
    void successAnswerOfTheWrongShapeIsReportedAsUnexpected() {
        try (StubServer server = new StubServer().json("GET", "/api/jobs", 200, "{\"jobs\": []}")) {
            CliRun run = CliRun.run("jobs", "--server", server.url());
            assertEquals(1, run.exitCode());
            assertEquals(1, run.errLines().size());
            assertTrue(run.err().startsWith("unexpected answer from the Sluice server at " + server.url()
                    + " to GET /api/jobs (is this a Sluice server of the same version?)"), run.err());
        }
    }

    @Test
    void noServerListeningTellsHowToStartOne() throws IOException {
        String url = "http://127.0.0.1:" + freePort();
        CliRun run = CliRun.run("jobs", "--server", url);
        assertEquals(1, run.exitCode());
        assertEquals(List.of("no Sluice server at " + url + "; start one with `bin/sluice server`"), run.errLines());
    }

    @Test
    void noServerAtTheEnvironmentsAddressNamesThatAddress() throws IOException {
        String url = "http://127.0.0.1:" + freePort();
        CliRun run = CliRun.runWith(Map.of(ServerEndpoint.ENVIRONMENT_VARIABLE, url), "", "topic", "list");
        assertEquals(List.of("no Sluice server at " + url + "; start one with `bin/sluice server`"), run.errLines());
    }

    @Test
    void serverTooSlowToAnswerIsATimeoutNamingTheRequest() {
        try (StubServer server = new StubServer().slow("GET", "/api/jobs", 2_000)) {
            RestClient client = new RestClient(ServerEndpoint.defaultHttpClient(), server.url(), ApiJson.mapper());
            CliException e = assertThrows(CliException.class,
                    () -> client.get(ApiPath.of("jobs"), String.class, Duration.ofMillis(200)));
            assertEquals("the Sluice server at " + server.url() + " did not answer GET /api/jobs in time; "
                    + "it may still be working on it, check with `bin/sluice jobs`", e.getMessage());
        }
    }

    private Path script(String name) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "CREATE TABLE t (a INT);\n");
        return script;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
