package io.sluice.server.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
    @TempDir
    Path dir;

    @Test
    void aChildThatDiesIsRestartedAndCloseStopsItForGood() throws Exception {
        ChildProcess child = new ChildProcess(spec("sleeper", Duration.ofSeconds(10)));
        long first;
        long second;
        try {
            child.start();
            first = child.pid();
            assertTrue(Files.readString(dir.resolve("sleeper.pid"), UTF_8).startsWith(first + " "));
            await(Duration.ofSeconds(20), () -> readyLines("sleeper") == 1);

            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            await(Duration.ofSeconds(20), () -> child.isAlive() && child.pid() != first);
            second = child.pid();
            assertEquals(1, child.unexpectedExits());
            assertEquals(OptionalInt.of(137), child.lastExitCode(), "128 + SIGKILL");
            // both runs append to the same output file
            await(Duration.ofSeconds(20), () -> readyLines("sleeper") == 2);
        }
        finally {
            child.close();
        }
        assertNotEquals(first, second);
        assertFalse(isAlive(first));
        assertFalse(isAlive(second));
        assertFalse(child.isAlive());
        assertFalse(Files.exists(dir.resolve("sleeper.pid")), "a stopped child leaves no pid file");
        assertEquals(1, child.unexpectedExits(), "stopping on close is not an unexpected exit");
    }

    @Test
    void closeKillsAChildThatIgnoresSigterm() throws Exception {
        ChildProcess child = new ChildProcess(spec("stubborn", Duration.ofSeconds(1), "ignore-sigterm"));
        child.start();
        long pid = child.pid();
        // SIGTERM before the child installed its hook would simply end it
        await(Duration.ofSeconds(20), () -> readyLines("stubborn") == 1);

        long start = System.nanoTime();
        child.close();

        assertFalse(isAlive(pid));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(11)) < 0);
    }

    @Test
    void startingOnAClosedGroupFailsAndStartsNothing() {
        ChildGroup group = new ChildGroup("test component");
        group.close();
        ChildProcess child = new ChildProcess(spec("late", Duration.ofSeconds(5)));
        EmbeddedProcessException e = assertThrows(EmbeddedProcessException.class, () -> group.start(child));
        assertEquals("test component was stopped while it was starting", e.getMessage());
        assertFalse(child.isAlive());
    }

    @Test
    void restartDelayDoublesFromOneSecondUpToThirty() {
        List<Long> seconds = List.of(1, 2, 3, 4, 5, 6, 7, 50).stream()
                .map(failures -> ChildProcess.restartDelay(failures).toSeconds())
                .toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }

    private ChildProcessSpec spec(String name, Duration stopTimeout, String... arguments) {
        return new ChildProcessSpec(
                name,
                new JavaCommand(List.of("-Xmx32m"), ChildClasspath.ofCurrentJvm(), SleepingChild.class.getName(), List.of(arguments)),
                Map.of(),
                dir,
                dir.resolve(name + ".log"),
                dir.resolve(name + ".out"),
                dir.resolve(name + ".pid"),
                stopTimeout);
    }

    private long readyLines(String name) {
        try {
            Path out = dir.resolve(name + ".out");
            return Files.exists(out) ? Files.readAllLines(out, UTF_8).stream().filter("ready"::equals).count() : 0;
        }
        catch (IOException e) {
            throw new AssertionError("Could not read the output of " + name, e);
        }
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
