package io.sluice.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.server.catalog.ConnectionService;
import io.sluice.server.catalog.SecretCipher;
import io.sluice.server.jobs.DesiredState;
import io.sluice.server.jobs.Deployment;
import io.sluice.server.jobs.Job;
import io.sluice.server.jobs.JobRepository;
import io.sluice.server.jobs.JobVersion;
import io.sluice.sql.CheckpointMode;
import io.sluice.sql.JobSettings;
import io.sluice.sql.StateBackendKind;

/** The metadata store's migrations and queries on a real PostgreSQL, the production database. */
class MetadataStorePostgresIT {
    private static final JobSettings FIRST_SETTINGS = new JobSettings(2, 5000L, 0L, CheckpointMode.AT_LEAST_ONCE,
            60_000L, 100L, StateBackendKind.HEAP);
    private static LocalPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migratesAndStoresJobsVersionsDeploymentsAndEncryptedConnections() throws Exception {
        try (MetadataStore store = MetadataStore.open(postgres.jdbcUrl(), postgres.user(), "")) {
            ConnectionService connections = new ConnectionService(store, SecretCipher.fromKeyFile(dir.resolve("secret.key")),
                    Clock.systemUTC());
            connections.register("pg", "jdbc", Map.of("url", "jdbc:postgresql://db/x", "username", "u"), Map.of("password", "pw"));
            assertEquals("pw", connections.get("pg").secrets().get("password"));
            try (var connection = store.connection();
                    var rows = connection.createStatement().executeQuery("SELECT secrets FROM connections")) {
                rows.next();
                assertFalse(rows.getString(1).contains("pw"), "secrets are stored encrypted");
            }

            JobRepository jobs = new JobRepository(store);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            jobs.create(new Job("j", DesiredState.STOPPED, now),
                    new JobVersion("j", 1, "INSERT INTO a SELECT 1", FIRST_SETTINGS, now));
            JobVersion second = jobs.addVersion("j", "INSERT INTO a SELECT 2", JobSettings.NONE, now);
            assertEquals(2, second.version());
            assertEquals(FIRST_SETTINGS, jobs.version("j", 1).orElseThrow().settings());
            assertEquals(JobSettings.NONE, jobs.version("j", 2).orElseThrow().settings());
            Deployment deployment = jobs.insertDeployment(new Deployment(0, "j", 2, "abc", "RUNNING", null, now, null));
            jobs.updateDeployment(deployment.withState("STOPPED", null, now));
            assertEquals("STOPPED", jobs.latestDeployment("j").orElseThrow().state());
            jobs.setDesiredState("j", DesiredState.RUNNING);
            assertEquals(DesiredState.RUNNING, jobs.find("j").orElseThrow().desiredState());
        }
    }
}
