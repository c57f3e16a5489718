package io.sluice.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;

/**
 * The in-memory catalog of one compilation. When a table is created with {@code 'connection' = 'name'},
 * the option is replaced by the registered connection's connector options, so stored SQL never holds
 * addresses or secrets. Options written in the table itself win over the connection's.
 */
public final class ConnectionExpandingCatalog extends GenericInMemoryCatalog {
    public static final String CONNECTION_OPTION = "connection";

    private final ConnectionResolver resolver;
    private final KafkaSinkDefaults kafkaSinkDefaults;
    private final Set<String> secretValues = new HashSet<>();

    /** @param jobName the job being compiled, e.g. {@code orders v3}; names its Kafka transactions */
    public ConnectionExpandingCatalog(String name, String defaultDatabase, ConnectionResolver resolver, String jobName) {
        super(name, defaultDatabase);
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.kafkaSinkDefaults = new KafkaSinkDefaults(jobName);
    }

    @Override
    public void createTable(ObjectPath tablePath, CatalogBaseTable table, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException, CatalogException {
        super.createTable(tablePath, expand(tablePath, table), ignoreIfExists);
    }

    /** Values that must be masked wherever the compiler shows text to a user (plans, errors). */
    public Set<String> secretValues() {
        return Set.copyOf(secretValues);
    }

    private CatalogBaseTable expand(ObjectPath tablePath, CatalogBaseTable table) {
        if (!(table instanceof CatalogTable catalogTable)) {
            return table;
        }
        String connectionName = table.getOptions().get(CONNECTION_OPTION);
        if (connectionName == null) {
            Map<String, String> completed = kafkaSinkDefaults.apply(tablePath.getObjectName(), table.getOptions());
            return completed == table.getOptions() ? table : catalogTable.copy(completed);
        }
        ResolvedConnection connection = resolver.resolve(connectionName)
                .orElseThrow(() -> new UnknownConnectionException(tablePath.getObjectName(), connectionName));
        Map<String, String> options = new HashMap<>(connection.connectorOptions());
        options.putAll(table.getOptions());
        options.remove(CONNECTION_OPTION);
        secretValues.addAll(connection.secretValues());
        return catalogTable.copy(kafkaSinkDefaults.apply(tablePath.getObjectName(), options));
    }
}
