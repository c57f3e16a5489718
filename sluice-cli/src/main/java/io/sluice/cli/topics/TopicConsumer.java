package io.sluice.cli.topics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Reads a topic batch after batch, each read continuing at the positions the previous one returned,
 * until enough records were written, the deadline passed, or the output closed. Without a limit
 * and a deadline it follows the topic forever.
 */
public final class TopicConsumer {
    static final int BATCH_SIZE = 500;
    // long polls: the server answers as soon as records arrive, so this only bounds idle requests
    static final long POLL_MS = 5_000;

    private final TopicReader reader;
    private final LongSupplier nanoClock;

    public TopicConsumer(TopicReader reader, LongSupplier nanoClock) {
        this.reader = requireNonNull(reader, "reader is null");
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    }

    /**
     * @param max records to write at most, or null for no limit
     * @param timeout total time to read, or null for no deadline
     * @return how many records were written
     */
    public long consume(boolean fromBeginning, boolean readUncommitted, Long max, Duration timeout, RecordOutput output) {
        long deadline = timeout == null ? Long.MAX_VALUE : nanoClock.getAsLong() + timeout.toNanos();
        long written = 0;
        Map<Integer, Long> positions = Map.of();
        while (max == null || written < max) {
            long remainingMs = timeout == null ? POLL_MS : Math.min(POLL_MS, (deadline - nanoClock.getAsLong()) / 1_000_000);
            if (remainingMs <= 0) {
                break;
            }
            int batchMax = max == null ? BATCH_SIZE : (int) Math.min(BATCH_SIZE, max - written);
            TopicRecords answer = reader.read(new TopicRead(fromBeginning, positions, batchMax, remainingMs, readUncommitted));
            for (ConsumedRecord record : answer.records()) {
                if ((max != null && written >= max) || !output.write(record)) {
                    return written;
                }
                written++;
            }
            if (!answer.positions().isEmpty()) {
                positions = answer.positions();
            }
        }
        return written;
    }
}
