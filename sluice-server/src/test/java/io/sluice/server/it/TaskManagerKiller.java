package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.SluiceServer;
import io.sluice.server.testing.Poll;

/** Fault injection: kills the TaskManager process and waits until Flink has restarted the job on its replacement. */
final class TaskManagerKiller {
    private final ApiClient api;
    private final SluiceServer server;

    TaskManagerKiller(ApiClient api, SluiceServer server) {
        this.api = api;
        this.server = server;
    }

    void killAndAwaitRecovery(String job) throws Exception {
        long restartsBefore = api.ok(api.get("/api/jobs/" + job + "/status")).path("restarts").asLong();
        ProcessHandle.of(server.embeddedFlink().taskManagerPids().get(0)).ifPresent(ProcessHandle::destroyForcibly);
        JsonNode status = Poll.until(Duration.ofSeconds(120), Duration.ofMillis(500),
                () -> api.ok(api.get("/api/jobs/" + job + "/status")),
                s -> s.path("restarts").asLong() > restartsBefore && s.path("state").asText().equals("RUNNING"));
        assertEquals("RUNNING", status.path("state").asText(), "the job recovered: " + status);
    }
}
