package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The columns a generator connector can produce. A table declares any of them, in any order, so
 * a query reads only what it needs.
 */
public final class GeneratorSchema<E> {

    private final String connector;
    private final List<GeneratorColumn<E>> columns;

    public GeneratorSchema(String connector, List<GeneratorColumn<E>> columns) {
        this.connector = requireNonNull(connector, "connector is null");
        this.columns = List.copyOf(columns);
    }

    String connector() {
        return connector;
    }

    /** The columns of {@code physicalRowType}, in its order; fails on a column this connector lacks. */
    List<GeneratorColumn<E>> columnsOf(DataType physicalRowType) {
        RowType rowType = (RowType) physicalRowType.getLogicalType();
        List<GeneratorColumn<E>> selected = new ArrayList<>();
        for (RowType.RowField field : rowType.getFields()) {
            selected.add(column(field.getName(), field.getType()));
        }
        return List.copyOf(selected);
    }

    private GeneratorColumn<E> column(String name, LogicalType declared) {
        GeneratorColumn<E> column = columns.stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ValidationException(String.format(
                        "Connector '%s' has no column '%s'. Declare only these columns: %s.",
                        connector, name, describe())));
        if (!column.accepts(declared)) {
            throw new ValidationException(String.format(
                    "Column '%s' of connector '%s' is declared as %s, but must be declared as %s.",
                    name, connector, declared.asSummaryString(), column.declaration()));
        }
        return column;
    }

    private String describe() {
        return columns.stream().map(GeneratorColumn::declaration).collect(Collectors.joining(", "));
    }
}
