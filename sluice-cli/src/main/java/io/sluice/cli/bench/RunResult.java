package io.sluice.cli.bench;

/**
 * One benchmark job's figures.
 *
 * @param elapsedMillis from the first task's start to the last task's end
 * @param cpuNanos CPU time the TaskManagers used meanwhile
 * @param sinkRecords records that reached the sink (inserts, updates and deletes), null without a counting sink
 * @param sinkRows rows of the final table, null without a counting sink
 * @param checksum order-independent checksum of the final table, null without a counting sink
 * @param failure why the job failed, null if it finished
 */
public record RunResult(Variant variant, long events, long elapsedMillis, long cpuNanos, Long sinkRecords,
        Long sinkRows, Long checksum, String failure) {

    public boolean finished() {
        return failure == null;
    }

    public double eventsPerSecond() {
        return elapsedMillis <= 0 ? 0 : events * 1000.0 / elapsedMillis;
    }

    /** TaskManager CPU-seconds per million events. */
    public double cpuSecondsPerMillionEvents() {
        return cpuNanos / 1e9 / (events / 1e6);
    }

    static RunResult failed(Variant variant, long events, String failure) {
        return new RunResult(variant, events, 0, 0, null, null, null, failure);
    }
}
