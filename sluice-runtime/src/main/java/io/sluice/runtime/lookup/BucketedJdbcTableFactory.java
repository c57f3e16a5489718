package io.sluice.runtime.lookup;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.jdbc.core.table.JdbcConnectorOptions;
import org.apache.flink.connector.jdbc.core.table.JdbcDynamicTableFactory;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code 'connector' = 'jdbc-bucketed'}: a JDBC dimension table for lookup joins too big for every
 * instance of the join to cache whole. Each instance caches about 1/parallelism of it (the rows
 * whose key hashes to its subtask), and the stream is partitioned by the same hash of the lookup key
 * when the join carries Flink's {@code LOOKUP} hint with {@code 'shuffle' = 'true'}. Takes the JDBC
 * connector's connection options ({@code url}, {@code table-name}, {@code username}, {@code password},
 * {@code driver}), so a registered JDBC connection works through {@code 'connection'}.
 */
public final class BucketedJdbcTableFactory implements DynamicTableSourceFactory {
    public static final String IDENTIFIER = "jdbc-bucketed";

    public static final ConfigOption<Duration> REFRESH_INTERVAL = ConfigOptions.key("lookup.bucket.refresh-interval")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("How often each lookup-join instance reloads its bucket of the table in the background; "
                    + "lookups keep using the previous load until the new one is complete. 0 loads once.");

    public static final ConfigOption<Integer> FETCH_SIZE = ConfigOptions.key("lookup.bucket.fetch-size")
            .intType()
            .defaultValue(1000)
            .withDescription("Rows the database sends per round trip while an instance reads the table to load its bucket.");

    /** The JDBC connector's options this factory passes on to Flink's JDBC source (used for out-of-bucket keys). */
    private static final Set<ConfigOption<?>> JDBC_OPTIONS = Set.of(JdbcConnectorOptions.USERNAME,
            JdbcConnectorOptions.PASSWORD, JdbcConnectorOptions.DRIVER, JdbcConnectorOptions.LOOKUP_MAX_RETRIES,
            JdbcConnectorOptions.MAX_RETRY_TIMEOUT, JdbcConnectorOptions.COMPATIBLE_MODE);

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig config = helper.getOptions();
        Duration refreshInterval = config.get(REFRESH_INTERVAL);
        if (refreshInterval.isNegative()) {
            throw new ValidationException("'" + REFRESH_INTERVAL.key() + "' must not be negative, got " + refreshInterval);
        }
        int fetchSize = config.get(FETCH_SIZE);
        if (fetchSize < 1) {
            throw new ValidationException("'" + FETCH_SIZE.key() + "' must be at least 1, got " + fetchSize);
        }
        DimensionTableOptions options = new DimensionTableOptions(config.get(JdbcConnectorOptions.URL),
                config.get(JdbcConnectorOptions.TABLE_NAME), config.getOptional(JdbcConnectorOptions.USERNAME),
                config.getOptional(JdbcConnectorOptions.PASSWORD), config.getOptional(JdbcConnectorOptions.DRIVER),
                fetchSize, refreshInterval);
        return new BucketedJdbcTableSource(options, (RowType) context.getPhysicalRowDataType().getLogicalType(),
                jdbcSource(context));
    }

    /** Flink's own JDBC source of the same table without a cache: it answers keys of other buckets. */
    private static LookupTableSource jdbcSource(Context context) {
        Map<String, String> jdbcOptions = new HashMap<>(context.getCatalogTable().getOptions());
        jdbcOptions.remove(REFRESH_INTERVAL.key());
        jdbcOptions.remove(FETCH_SIZE.key());
        jdbcOptions.put(FactoryUtil.CONNECTOR.key(), JdbcDynamicTableFactory.IDENTIFIER);
        FactoryUtil.DefaultDynamicTableContext jdbcContext = new FactoryUtil.DefaultDynamicTableContext(
                context.getObjectIdentifier(), context.getCatalogTable().copy(jdbcOptions),
                context.getEnrichmentOptions(), context.getConfiguration(), context.getClassLoader(),
                context.isTemporary());
        return (LookupTableSource) new JdbcDynamicTableFactory().createDynamicTableSource(jdbcContext);
    }

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(JdbcConnectorOptions.URL, JdbcConnectorOptions.TABLE_NAME);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> optional = new HashSet<>(JDBC_OPTIONS);
        optional.add(REFRESH_INTERVAL);
        optional.add(FETCH_SIZE);
        return optional;
    }
}
