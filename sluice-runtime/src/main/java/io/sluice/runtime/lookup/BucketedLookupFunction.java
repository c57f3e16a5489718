package io.sluice.runtime.lookup;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;
import org.apache.flink.table.types.logical.LogicalType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of a bucketed lookup join: holds in memory only the dimension rows whose key falls
 * into its own bucket (its subtask index out of the join's parallelism), reloads them every refresh
 * interval in the background and swaps the new load in whole, so a lookup never sees a half-loaded
 * share. A key of another bucket (the stream was not shuffled by {@link BucketPartitioner}) is looked
 * up in the database directly, like Flink's JDBC lookup, so results stay right either way.
 */
public final class BucketedLookupFunction extends LookupFunction {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BucketedLookupFunction.class);

    private final DimensionTable table;
    private final List<LogicalType> keyTypes;
    private final int[] keyRowPositions;
    private final Duration refreshInterval;
    private final LookupFunction databaseLookup;

    private transient RowData.FieldGetter[] keyGetters;
    private transient int bucket;
    private transient int buckets;
    private transient ClassLoader classLoader;
    private transient FunctionContext context;
    private transient volatile Map<LookupKey, List<RowData>> share;
    private transient volatile long shareRows;
    private transient volatile long shareLoadedAt;
    private transient Counter loads;
    private transient Counter loadFailures;
    private transient Counter outOfBucketLookups;
    private transient boolean databaseLookupOpen;
    private transient ScheduledExecutorService refresher;

    /**
     * @param keyTypes the types of the lookup key's fields, ordered by the dimension column each is compared with
     * @param keyRowPositions where each of those fields is in the key rows Flink passes to {@link #lookup}
     * @param refreshInterval how often the share is reloaded; zero never
     * @param databaseLookup Flink's JDBC lookup of the same table, for keys of other buckets
     */
    BucketedLookupFunction(DimensionTable table, List<LogicalType> keyTypes, int[] keyRowPositions,
            Duration refreshInterval, LookupFunction databaseLookup) {
        this.table = requireNonNull(table, "table is null");
        this.keyTypes = List.copyOf(requireNonNull(keyTypes, "keyTypes is null"));
        this.keyRowPositions = keyRowPositions.clone();
        this.refreshInterval = requireNonNull(refreshInterval, "refreshInterval is null");
        this.databaseLookup = requireNonNull(databaseLookup, "databaseLookup is null");
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        this.context = context;
        keyGetters = new RowData.FieldGetter[keyTypes.size()];
        for (int i = 0; i < keyGetters.length; i++) {
            keyGetters[i] = RowData.createFieldGetter(keyTypes.get(i), keyRowPositions[i]);
        }
        bucket = context.getTaskInfo().getIndexOfThisSubtask();
        buckets = context.getTaskInfo().getNumberOfParallelSubtasks();
        classLoader = context.getUserCodeClassLoader();
        MetricGroup metrics = context.getMetricGroup();
        loads = metrics.counter("bucketLoads");
        loadFailures = metrics.counter("bucketLoadFailures");
        outOfBucketLookups = metrics.counter("outOfBucketLookups");
        metrics.gauge("bucketRows", (Gauge<Long>) () -> shareRows);
        metrics.gauge("bucket", (Gauge<Integer>) () -> bucket);
        metrics.gauge("bucketLoadedAt", (Gauge<Long>) () -> shareLoadedAt);
        // the first load must succeed: without it every lookup of this bucket would miss
        load();
        if (!refreshInterval.isZero()) {
            refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "bucketed-lookup-refresh-" + table + "-" + bucket);
                thread.setDaemon(true);
                return thread;
            });
            long millis = refreshInterval.toMillis();
            refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) throws IOException {
        Object[] values = new Object[keyGetters.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = keyGetters[i].getFieldOrNull(keyRow);
        }
        LookupKey key = LookupKey.of(values);
        if (key.hasNull()) {
            return List.of();
        }
        if (key.bucket(buckets) == bucket) {
            return share.getOrDefault(key, List.of());
        }
        outOfBucketLookups.inc();
        if (!databaseLookupOpen) {
            LOG.warn("Lookup of {} in dimension table {} reached instance {} of {}, which does not hold its bucket: "
                    + "looking it up in the database. Add /*+ LOOKUP('table'='...', 'shuffle'='true') */ to the join "
                    + "so the stream is partitioned by the lookup key.", key, table, bucket, buckets);
            try {
                databaseLookup.open(context);
            } catch (Exception e) {
                throw new IOException("cannot open the database lookup of dimension table " + table, e);
            }
            databaseLookupOpen = true;
        }
        return databaseLookup.lookup(keyRow);
    }

    @Override
    public void close() throws Exception {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (databaseLookupOpen) {
            databaseLookup.close();
        }
    }

    private void refresh() {
        try {
            load();
        } catch (SQLException | RuntimeException e) {
            // a database hiccup must not fail the job: the previous share stays until the next refresh succeeds
            loadFailures.inc();
            LOG.warn("Reloading bucket {} of {} of dimension table {} failed; keeping the previous load of {} rows",
                    bucket, buckets, table, shareRows, e);
        }
    }

    /** Reads this instance's bucket and swaps it in whole once complete. */
    private void load() throws SQLException {
        long startedAt = System.currentTimeMillis();
        Map<LookupKey, List<RowData>> rows = table.loadBucket(bucket, buckets, classLoader);
        long count = 0;
        for (List<RowData> sameKey : rows.values()) {
            count += sameKey.size();
        }
        share = rows;
        shareRows = count;
        // the share holds the table as of (about) when its read began
        shareLoadedAt = startedAt;
        loads.inc();
        LOG.info("Loaded bucket {} of {} of dimension table {}: {} rows", bucket, buckets, table, count);
    }
}
