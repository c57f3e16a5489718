package io.sluice.runtime.lookup;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

import org.apache.flink.table.types.logical.RowType;

/** What a {@code 'connector' = 'jdbc-bucketed'} table says about its database table and its loading. */
record DimensionTableOptions(String url, String tableName, Optional<String> username, Optional<String> password,
        Optional<String> driver, int fetchSize, Duration refreshInterval) {

    DimensionTableOptions {
        requireNonNull(url, "url is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(refreshInterval, "refreshInterval is null");
    }

    DimensionTable table(RowType rowType, int[] keyFields) {
        return new DimensionTable(url, tableName, username, password, driver, rowType, keyFields, fetchSize);
    }
}
