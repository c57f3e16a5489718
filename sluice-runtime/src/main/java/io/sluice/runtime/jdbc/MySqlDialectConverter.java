package io.sluice.runtime.jdbc;

import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialectConverter;
import org.apache.flink.table.types.logical.RowType;

/** Rows to and from MySQL/MariaDB: the connector's standard JDBC type mapping fits them. */
final class MySqlDialectConverter extends AbstractDialectConverter {
    private static final long serialVersionUID = 1L;

    MySqlDialectConverter(RowType rowType) {
        super(rowType);
    }

    @Override
    public String converterName() {
        return "MySQL";
    }
}
