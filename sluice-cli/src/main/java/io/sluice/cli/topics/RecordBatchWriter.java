package io.sluice.cli.topics;

import java.util.List;

/** Writes one batch of records to a topic and answers how many were written. */
@FunctionalInterface
public interface RecordBatchWriter {
    int write(List<ProducedRecord> batch);
}
