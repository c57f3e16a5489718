package io.sluice.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.cli.CliRun;
import org.junit.jupiter.api.Test;

class DeployCommandTest {

    @Test
    void jobNameDefaultsToTheFilesBaseName() {
        DeployCommand command = CliRun.parse("deploy", "jobs/clicks-etl.sql");
        assertEquals("clicks-etl", command.jobName());
        assertEquals(new JobSettings(null, null, null, null, null, null, null), command.settings());
    }

    @Test
    void optionsBecomeNameAndSettings() {
        DeployCommand command = CliRun.parse("deploy", "etl.sql", "--name", "clicks", "--parallelism", "4",
                "--checkpoint-interval", "1min", "--buffer-timeout", "5ms", "--checkpoint-mode", "at-least-once",
                "--checkpoint-timeout", "2min", "--min-pause", "500ms", "--state-backend", "heap");
        assertEquals("clicks", command.jobName());
        assertEquals(new JobSettings(4, 60_000L, 5L, "at-least-once", 120_000L, 500L, "heap"), command.settings());
    }
}
