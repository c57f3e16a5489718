package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeUtils;

/** A column a generator can fill, with the SQL types a table may declare for it. */
public final class GeneratorColumn<E> {

    /** Extracts the column's value from an event, in Flink's internal data format. */
    @FunctionalInterface
    public interface Value<E> extends Serializable {
        Object of(E event);
    }

    private final String name;
    private final List<LogicalType> acceptedTypes;
    private final Value<E> value;

    /** {@code types} lists the accepted SQL types, the usual one first; nullability is ignored. */
    public GeneratorColumn(String name, List<DataType> types, Value<E> value) {
        this.name = requireNonNull(name, "name is null");
        this.acceptedTypes = types.stream().map(type -> type.getLogicalType().copy(true)).toList();
        this.value = requireNonNull(value, "value is null");
        if (acceptedTypes.isEmpty()) {
            throw new IllegalArgumentException("column " + name + " accepts no type");
        }
    }

    String name() {
        return name;
    }

    Value<E> value() {
        return value;
    }

    /** Whether a table may declare this column with {@code declared}, e.g. as a rowtime attribute. */
    boolean accepts(LogicalType declared) {
        return acceptedTypes.contains(LogicalTypeUtils.removeTimeAttributes(declared).copy(true));
    }

    /** How the column is declared, e.g. {@code event_time TIMESTAMP(3) | TIMESTAMP_LTZ(3)}. */
    String declaration() {
        return name + " " + String.join(" | ", acceptedTypes.stream().map(LogicalType::asSummaryString).toList());
    }
}
