package io.sluice.runtime.jdbc;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * SQL for MySQL and MariaDB: backtick identifiers, {@code LIMIT n}, and upserts as
 * {@code INSERT ... ON DUPLICATE KEY UPDATE}, which makes replays after a failure idempotent.
 */
final class MySqlDialect extends AbstractDialect {
    private static final long serialVersionUID = 1L;

    // DECIMAL holds up to 65 digits; DATETIME/TIMESTAMP keep at most microseconds
    private static final int MAX_DECIMAL_PRECISION = 65;
    private static final int MAX_TIMESTAMP_PRECISION = 6;

    @Override
    public String dialectName() {
        return "MySQL";
    }

    @Override
    public Optional<String> defaultDriverName() {
        // MariaDB's driver accepts both URL schemes (jdbc:mysql: with permitMysqlScheme)
        return Optional.of("org.mariadb.jdbc.Driver");
    }

    @Override
    public JdbcDialectConverter getRowConverter(RowType rowType) {
        return new MySqlDialectConverter(rowType);
    }

    @Override
    public String getLimitClause(long limit) {
        return "LIMIT " + limit;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public Optional<String> getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields) {
        String updates = Arrays.stream(fieldNames)
                .map(this::quoteIdentifier)
                .map(field -> field + " = VALUES(" + field + ")")
                .collect(Collectors.joining(", "));
        return Optional.of(getInsertIntoStatement(tableName, fieldNames) + " ON DUPLICATE KEY UPDATE " + updates);
    }

    @Override
    public Optional<Range> decimalPrecisionRange() {
        return Optional.of(Range.of(1, MAX_DECIMAL_PRECISION));
    }

    @Override
    public Optional<Range> timestampPrecisionRange() {
        return Optional.of(Range.of(0, MAX_TIMESTAMP_PRECISION));
    }

    @Override
    public Set<LogicalTypeRoot> supportedTypes() {
        return EnumSet.of(
                LogicalTypeRoot.CHAR, LogicalTypeRoot.VARCHAR, LogicalTypeRoot.BOOLEAN,
                LogicalTypeRoot.VARBINARY, LogicalTypeRoot.BINARY, LogicalTypeRoot.DECIMAL,
                LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT, LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT,
                LogicalTypeRoot.FLOAT, LogicalTypeRoot.DOUBLE, LogicalTypeRoot.DATE,
                LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE, LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    }
}
