package io.sluice.server.embedded;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.testing.Poll;

/** Starts the real embedded Kafka broker and Flink session cluster as child processes, on free loopback ports. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedClusterIT {
    private static final String TOPIC = "embedded-cluster-it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static EmbeddedFlink flink;
    // every pid any child ever had, checked at the end
    private static final Set<Long> seenPids = new HashSet<>();

    @BeforeAll
    static void startBoth() {
        String classpath = ChildClasspath.ofCurrentJvm();
        kafka = new EmbeddedKafka(new EmbeddedKafkaSettings(dataDir, 0, 0, classpath));
        flink = new EmbeddedFlink(EmbeddedFlinkSettings.defaults(dataDir, classpath).withRestPort(0));
        long start = System.nanoTime();
        CompletableFuture<Long> kafkaMillis = CompletableFuture.supplyAsync(() -> timed(kafka::start));
        long flinkMillis = timed(flink::start);
        System.out.printf("embedded Flink started in %d ms, Kafka in %d ms (in parallel), both after %d ms%n",
                flinkMillis, kafkaMillis.join(), (System.nanoTime() - start) / 1_000_000);
        seenPids.add(kafka.pid());
        seenPids.add(flink.jobManagerPid());
        seenPids.addAll(flink.taskManagerPids());
    }

    @AfterAll
    static void stopBoth() {
        // normally already stopped by the last test; closing twice is harmless
        if (flink != null) {
            flink.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void flinkReportsOneTaskManagerWithFourSlots() throws Exception {
        JsonNode overview = getJson(flink.restUrl().resolve("/overview"));
        assertEquals(1, overview.path("taskmanagers").asInt(), overview.toString());
        assertEquals(4, overview.path("slots-total").asInt(), overview.toString());
        assertEquals(4, overview.path("slots-total").asInt(), overview.toString());
        assertEquals("2.2.0", overview.path("flink-version").asText(), overview.toString());
    }

    @Test
    @Order(2)
    void flinkServesItsDashboardOnTheRestPort() throws Exception {
        HttpResponse<String> response = get(URI.create("http://127.0.0.1:" + flink.restPort() + "/"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                response.headers().toString());
        assertTrue(response.body().contains("<html") || response.body().contains("<!doctype html"), response.body());
    }

    @Test
    @Order(3)
    void kafkaCreatesAndDescribesATopic() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, SECONDS);
            TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, SECONDS).get(TOPIC);
            assertEquals(3, description.partitions().size());
            assertEquals(1, description.partitions().get(0).replicas().size());
        }
    }

    @Test
    @Order(4)
    void aKilledTaskManagerIsRestartedAndRegistersAgainUnderItsId() throws Exception {
        long killedPid = flink.taskManagerPids().get(0);
        Map<String, String> addressesBefore = taskManagerRpcAddresses();
        assertEquals(Set.of("flink-taskmanager-0"), addressesBefore.keySet());

        assertTrue(ProcessHandle.of(killedPid).orElseThrow().destroyForcibly());

        long newPid = await(Duration.ofSeconds(60), "a restarted TaskManager process", () -> {
            long pid = flink.taskManagerPids().get(0);
            return pid != killedPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    ? Optional.of(pid) : Optional.empty();
        });
        seenPids.add(newPid);
        // the new process has a new RPC address; the same resource id replaces the dead registration
        String newAddress = await(Duration.ofSeconds(90), "the restarted TaskManager registering with the JobManager", () ->
                Optional.ofNullable(taskManagerRpcAddresses().get("flink-taskmanager-0"))
                        .filter(address -> !address.equals(addressesBefore.get("flink-taskmanager-0"))));
        assertNotEquals(addressesBefore.get("flink-taskmanager-0"), newAddress);
        // a TaskManager registers first and reports its slots a moment later
        JsonNode overview = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> getJson(flink.restUrl().resolve("/overview")), current -> current.path("slots-total").asInt() == 4);
        assertEquals(1, overview.path("taskmanagers").asInt(), overview.toString());
        assertEquals(4, overview.path("slots-total").asInt(), overview.toString());
    }

    @Test
    @Order(5)
    void closeLeavesNoChildProcessAlive() {
        flink.close();
        kafka.close();
        List<Long> alive = new ArrayList<>();
        for (long pid : seenPids) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                alive.add(pid);
            }
        }
        assertEquals(List.of(), alive, "children still alive after close(); all pids: " + seenPids);
    }

    @Test
    @Order(6)
    void kafkaRestartedOnTheSameDataDirKeepsItsTopics() throws Exception {
        EmbeddedKafka restarted = new EmbeddedKafka(new EmbeddedKafkaSettings(dataDir, 0, 0, ChildClasspath.ofCurrentJvm()));
        try {
            restarted.start();
            kafka = restarted;
            try (Admin admin = admin()) {
                assertTrue(admin.listTopics().names().get(30, SECONDS).contains(TOPIC));
            }
        }
        finally {
            restarted.close();
        }
        assertFalse(ProcessHandle.of(restarted.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** Resource id to RPC address of each registered TaskManager. */
    private static Map<String, String> taskManagerRpcAddresses() {
        try {
            Map<String, String> addresses = new HashMap<>();
            getJson(flink.restUrl().resolve("/taskmanagers")).path("taskmanagers")
                    .forEach(tm -> addresses.put(tm.path("id").asText(), tm.path("path").asText()));
            return addresses;
        }
        catch (IOException | InterruptedException e) {
            throw new AssertionError("GET /taskmanagers of " + flink.restUrl() + " failed", e);
        }
    }

    private static JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        assertEquals(200, response.statusCode(), uri + " answered " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T await(Duration timeout, String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + what + " within " + timeout.toSeconds() + " s; logs in " + dataDir.resolve("logs"));
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
