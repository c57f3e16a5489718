package io.sluice.runtime.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.generator.EventTiming;
import io.sluice.runtime.nexmark.NexmarkEvent;
import io.sluice.runtime.nexmark.NexmarkGenerator;
import io.sluice.runtime.nexmark.NexmarkTableFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs Nexmark queries into the checksum sink on a MiniCluster and compares with sums computed from the generator. */
class ChecksumSinkTest {

    private static final int EVENTS = 20_000;
    private static final RowType BIDDER_COUNT = (RowType) DataTypes.ROW(
            DataTypes.FIELD("bidder", DataTypes.BIGINT()), DataTypes.FIELD("bids", DataTypes.BIGINT()))
            .getLogicalType();
    private static final RowType BID_CHANNEL = (RowType) DataTypes.ROW(
            DataTypes.FIELD("auction", DataTypes.BIGINT()), DataTypes.FIELD("channel", DataTypes.STRING()))
            .getLogicalType();

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void appendOnlyResultMatchesTheGeneratorAtAnyParallelism(int parallelism) throws Exception {
        JobExecutionResult result = run(parallelism, "CREATE TABLE sink (auction BIGINT, channel STRING) "
                + "WITH ('connector' = 'checksum')",
                "INSERT INTO sink SELECT bid.auction, bid.channel FROM nexmark WHERE event_type = 2");

        RowChecksum checksum = new RowChecksum(BID_CHANNEL);
        NexmarkGenerator generator = generator();
        long sum = 0;
        long bids = 0;
        for (long index = 0; index < EVENTS; index++) {
            NexmarkEvent event = generator.event(index);
            if (event.type() == NexmarkEvent.Type.BID) {
                bids++;
                sum += checksum.of(GenericRowData.of(event.bid().auction(), StringData.fromString(event.bid().channel())));
            }
        }
        assertEquals(EVENTS / 50 * 46, bids);
        assertEquals(bids, (long) result.getAccumulatorResult(ChecksumAccumulators.RECORDS));
        assertEquals(bids, (long) result.getAccumulatorResult(ChecksumAccumulators.ROWS));
        assertEquals(sum, (long) result.getAccumulatorResult(ChecksumAccumulators.SUM));
    }

    @Test
    void updatingResultChecksumsTheFinalTableNotTheChanges() throws Exception {
        JobExecutionResult result = run(3, "CREATE TABLE sink (bidder BIGINT, bids BIGINT) "
                + "WITH ('connector' = 'checksum')",
                "INSERT INTO sink SELECT bid.bidder, COUNT(*) FROM nexmark WHERE event_type = 2 GROUP BY bid.bidder");

        Map<Long, Long> counts = new HashMap<>();
        NexmarkGenerator generator = generator();
        for (long index = 0; index < EVENTS; index++) {
            NexmarkEvent event = generator.event(index);
            if (event.type() == NexmarkEvent.Type.BID) {
                counts.merge(event.bid().bidder(), 1L, Long::sum);
            }
        }
        RowChecksum checksum = new RowChecksum(BIDDER_COUNT);
        long sum = counts.entrySet().stream()
                .mapToLong(entry -> checksum.of(GenericRowData.of(entry.getKey(), entry.getValue())))
                .sum();
        assertEquals(counts.size(), (long) result.getAccumulatorResult(ChecksumAccumulators.ROWS));
        assertEquals(sum, (long) result.getAccumulatorResult(ChecksumAccumulators.SUM));
    }

    private static NexmarkGenerator generator() {
        return new NexmarkGenerator(5, new EventTiming(
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(1), Duration.ofSeconds(1), 0));
    }

    private static JobExecutionResult run(int parallelism, String sinkDdl, String insert) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        TableEnvironment tables = TableEnvironment.create(
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(configuration).build());
        tables.executeSql("CREATE TABLE nexmark (" + NexmarkTableFactory.COLUMNS
                + ", WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND) WITH ('connector' = 'nexmark', "
                + "'events' = '" + EVENTS + "', 'seed' = '5', 'interval' = '1 ms', 'out-of-orderness' = '1 s', "
                + "'start-time' = '2026-01-01 00:00:00')");
        tables.executeSql(sinkDdl);
        return tables.executeSql(insert).getJobClient().orElseThrow().getJobExecutionResult().get();
    }
}
