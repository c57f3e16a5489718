package io.sluice.runtime.checksum;

/**
 * Names of the Flink accumulators a {@code checksum} sink fills. After the job, the JobManager's
 * REST API lists them under {@code GET /jobs/<id>/accumulators}, summed over the sink's subtasks.
 */
public final class ChecksumAccumulators {

    /** Every record that reached the sink: inserts, update-before/after and deletes. */
    public static final String RECORDS = "sluice.checksum.records";
    /** Rows in the final table: +1 per insert or update-after, -1 per update-before or delete. */
    public static final String ROWS = "sluice.checksum.rows";
    /** Sum (mod 2^64) of the hashes of the final table's rows; independent of order and parallelism. */
    public static final String SUM = "sluice.checksum.sum";

    private ChecksumAccumulators() {}
}
