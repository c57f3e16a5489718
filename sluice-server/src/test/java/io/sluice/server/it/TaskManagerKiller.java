package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.SluiceServer;

/** Fault injection: kills the TaskManager process and waits until Flink has restarted the job on its replacement. */
final class TaskManagerKiller {
    private final ApiClient api;
    private final SluiceServer server;

    TaskManagerKiller(ApiClient api, SluiceServer server) {
        this.api = api;
        this.server = server;
    }

    void killAndAwaitRecovery(String job) throws InterruptedException {
        long restartsBefore = api.ok(api.get("/api/jobs/" + job + "/status")).path("restarts").asLong();
        ProcessHandle.of(server.embeddedFlink().taskManagerPids().get(0)).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode status = api.ok(api.get("/api/jobs/" + job + "/status"));
        while (!(status.path("restarts").asLong() > restartsBefore && status.path("state").asText().equals("RUNNING"))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = api.ok(api.get("/api/jobs/" + job + "/status"));
        }
        assertEquals("RUNNING", status.path("state").asText(), "the job recovered: " + status);
    }
}
