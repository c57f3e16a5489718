package io.sluice.runtime.lookup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.util.MathUtils;

/**
 * The values of a lookup join's key, normalized so that the stream's side and the dimension table's
 * side compare equal and fall into the same bucket even when their SQL types differ in width (an
 * {@code INT} stream column against a {@code BIGINT} key column): integers become {@code long},
 * strings {@code String}, decimals a {@code BigDecimal} without trailing zeros.
 */
final class LookupKey {
    private final List<Object> values;

    private LookupKey(List<Object> values) {
        this.values = values;
    }

    /** @param internalValues the key's values in Flink's internal representation ({@code StringData}, ...) */
    static LookupKey of(Object... internalValues) {
        List<Object> normalized = new ArrayList<>(internalValues.length);
        for (Object value : internalValues) {
            normalized.add(normalize(value));
        }
        return new LookupKey(Collections.unmodifiableList(normalized));
    }

    /** A NULL never equals anything in SQL, so a key holding one matches no dimension row. */
    boolean hasNull() {
        return values.contains(null);
    }

    /**
     * The bucket, in {@code [0, buckets)}, whose lookup-join instance holds this key. The same on every
     * JVM (no identity hashes), since the stream's partitioner and each instance's loader must agree.
     */
    int bucket(int buckets) {
        return Math.floorMod(MathUtils.murmurHash(hashCode()), buckets);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LookupKey key && values.equals(key.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    private static Object normalize(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof StringData string) {
            return string.toString();
        }
        if (value instanceof DecimalData decimal) {
            return normalizeDecimal(decimal.toBigDecimal());
        }
        if (value instanceof BigDecimal decimal) {
            return normalizeDecimal(decimal);
        }
        if (value instanceof byte[] bytes) {
            // arrays hash by identity; a list of their bytes hashes by content
            List<Byte> content = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                content.add(b);
            }
            return content;
        }
        return value;
    }

    private static BigDecimal normalizeDecimal(BigDecimal decimal) {
        return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }
}
