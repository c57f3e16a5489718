package io.sluice.server.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** Asks for a condition again and again until it holds or a deadline passes: the tests' only way to wait. */
public final class Poll {
    private Poll() {
    }

    /**
     * Calls {@code probe} every {@code interval} until {@code done} accepts its answer or {@code timeout}
     * has passed, and returns the last answer, so the caller's assertion shows what was seen.
     */
    public static <T> T until(Duration timeout, Duration interval, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T answer = probe.call();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(interval.toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while polling");
            }
            answer = probe.call();
        }
        return answer;
    }
}
