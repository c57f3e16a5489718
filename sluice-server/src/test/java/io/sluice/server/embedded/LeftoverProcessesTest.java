package io.sluice.server.embedded;

import static io.sluice.server.embedded.ChildProcessTest.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverProcessesTest {
    @TempDir
    Path dir;

    @Test
    void aChildRecordedInItsPidFileIsStopped() throws Exception {
        Process leftover = startSleeper();
        try {
            Path pidFile = dir.resolve("flink-taskmanager-3.pid");
            new PidFile(pidFile).record(leftover.toHandle());

            LeftoverProcesses.stop(dir, "flink-", dir);

            await(Duration.ofSeconds(5), () -> !leftover.isAlive());
            assertFalse(Files.exists(pidFile));
        }
        finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aProcessThatOnlySharesThePidIsLeftAlone() throws Exception {
        Process unrelated = startSleeper();
        try {
            // same pid, other start time: the pid was reused by a process that is not ours
            Files.writeString(dir.resolve("flink-jobmanager.pid"), unrelated.pid() + " 12345\n", UTF_8);
            // another component's pid file is not looked at
            new PidFile(dir.resolve("kafka.pid")).record(unrelated.toHandle());

            LeftoverProcesses.stop(dir, "flink-", dir);

            assertTrue(unrelated.isAlive());
            assertFalse(Files.exists(dir.resolve("flink-jobmanager.pid")), "a stale pid file is removed");
            assertTrue(Files.exists(dir.resolve("kafka.pid")));
        }
        finally {
            unrelated.destroyForcibly();
        }
    }

    private Process startSleeper() throws Exception {
        return new ProcessBuilder(new JavaCommand(List.of("-Xmx32m"), ChildClasspath.ofCurrentJvm(),
                SleepingChild.class.getName(), List.of()).toList())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
    }
}
