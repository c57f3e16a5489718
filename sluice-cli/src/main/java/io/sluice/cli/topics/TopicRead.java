package io.sluice.cli.topics;

import io.sluice.cli.client.ApiPath;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parameters of one read: where to start (positions of a previous read win over {@code from}),
 * how many records at most, how long the server may wait for them, and the isolation level.
 */
public record TopicRead(boolean fromBeginning, Map<Integer, Long> positions, int max, long timeoutMs,
                        boolean readUncommitted) {
    public TopicRead {
        positions = Map.copyOf(positions);
    }

    public TopicRead continuing(Map<Integer, Long> next, int nextMax, long nextTimeoutMs) {
        return new TopicRead(fromBeginning, next, nextMax, nextTimeoutMs, readUncommitted);
    }

    ApiPath applyTo(ApiPath path) {
        return path.query("from", fromBeginning ? "beginning" : "end")
                .query("positions", positions.isEmpty() ? null : encodedPositions())
                .query("max", max)
                .query("timeoutMs", timeoutMs)
                .query("isolation", readUncommitted ? "read_uncommitted" : "read_committed");
    }

    /** {@code 0:15,1:7}, partitions in order. */
    String encodedPositions() {
        return new TreeMap<>(positions).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
