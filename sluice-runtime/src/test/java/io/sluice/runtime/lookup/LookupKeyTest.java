package io.sluice.runtime.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** The stream's partitioner and each instance's loader must put a key into the same bucket. */
class LookupKeyTest {
    private static final RowType USERS = (RowType) DataTypes.ROW(
            DataTypes.FIELD("name", DataTypes.STRING()), DataTypes.FIELD("id", DataTypes.BIGINT()),
            DataTypes.FIELD("region", DataTypes.STRING())).getLogicalType();

    @Test
    void integersOfEveryWidthAreTheSameKey() {
        LookupKey wide = LookupKey.of(42L);
        assertEquals(wide, LookupKey.of(42));
        assertEquals(wide, LookupKey.of((short) 42));
        assertEquals(wide.bucket(7), LookupKey.of(42).bucket(7));
    }

    @Test
    void decimalsEqualByValueNotScale() {
        assertEquals(LookupKey.of(DecimalData.fromBigDecimal(new BigDecimal("1.50"), 10, 2)),
                LookupKey.of(DecimalData.fromBigDecimal(new BigDecimal("1.5"), 10, 1)));
    }

    @Test
    void bytesEqualByContent() {
        assertEquals(LookupKey.of((Object) new byte[] {1, 2}), LookupKey.of((Object) new byte[] {1, 2}));
    }

    @Test
    void aNullKeyMatchesNothing() {
        assertTrue(LookupKey.of(1L, null).hasNull());
    }

    @Test
    void partitionerAndLoaderAgreeOnEveryKey() {
        // the loader reads keys (region, id) out of whole dimension rows, the partitioner gets them projected
        DimensionTable table = new DimensionTable("jdbc:postgresql://localhost/db", "users", Optional.empty(),
                Optional.empty(), Optional.empty(), USERS, new int[] {1, 2}, 100);
        BucketPartitioner partitioner = new BucketPartitioner();
        for (long id = 0; id < 2_000; id++) {
            StringData region = StringData.fromString("r" + id % 13);
            LookupKey loaded = table.keyOf(GenericRowData.of(StringData.fromString("n" + id), id, region));
            for (int buckets : List.of(1, 2, 3, 8)) {
                assertEquals(loaded.bucket(buckets), partitioner.partition(GenericRowData.of((int) id, region), buckets));
            }
        }
    }

    @Test
    void bucketsSplitTheKeysAboutEvenly() {
        Map<Integer, Integer> perBucket = new HashMap<>();
        for (long id = 0; id < 10_000; id++) {
            perBucket.merge(LookupKey.of(StringData.fromString("user-" + id)).bucket(4), 1, Integer::sum);
        }
        assertEquals(4, perBucket.size());
        perBucket.values().forEach(count -> assertTrue(count > 2_000 && count < 3_000, perBucket.toString()));
    }

    @Test
    void bucketsOfTheDocumentedExample() {
        // docs/sql-extensions.md#bucketed-lookup-join shows these; they also pin the hash across versions
        assertEquals(List.of(0, 1, 1, 1), List.of(LookupKey.of(1L).bucket(2), LookupKey.of(2L).bucket(2),
                LookupKey.of(3L).bucket(2), LookupKey.of(7L).bucket(2)));
    }
}
