package io.sluice.cli.topics;

import java.util.List;
import java.util.Map;

/** One answer of {@code GET /api/topics/{name}/records}: the records and where to continue, per partition. */
public record TopicRecords(List<ConsumedRecord> records, Map<Integer, Long> positions) {
    public TopicRecords {
        records = records == null ? List.of() : List.copyOf(records);
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }
}
