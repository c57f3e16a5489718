package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** Turns the sequence number of {@code DataGeneratorSource} into the row of that event. */
final class EventRowFunction<E> implements GeneratorFunction<Long, RowData> {

    private static final long serialVersionUID = 1L;

    private final EventGenerator<E> generator;
    private final List<GeneratorColumn.Value<E>> values;

    EventRowFunction(EventGenerator<E> generator, List<GeneratorColumn<E>> columns) {
        this.generator = requireNonNull(generator, "generator is null");
        this.values = columns.stream().map(GeneratorColumn::value).toList();
    }

    @Override
    public RowData map(Long index) {
        E event = generator.event(index);
        GenericRowData row = new GenericRowData(values.size());
        for (int i = 0; i < values.size(); i++) {
            row.setField(i, values.get(i).of(event));
        }
        return row;
    }
}
