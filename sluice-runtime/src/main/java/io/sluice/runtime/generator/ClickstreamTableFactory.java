package io.sluice.runtime.generator;

import java.util.List;
import java.util.Set;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * {@code 'connector' = 'clickstream'}: page views with columns
 * {@code event_time TIMESTAMP(3), user_name STRING, page_id INT, ip STRING}.
 */
public final class ClickstreamTableFactory extends GeneratorTableFactory<ClickEvent> {

    public static final String IDENTIFIER = "clickstream";

    private static final GeneratorSchema<ClickEvent> SCHEMA = new GeneratorSchema<>(IDENTIFIER, List.of(
            new GeneratorColumn<>("event_time", List.of(DataTypes.TIMESTAMP(3), DataTypes.TIMESTAMP_LTZ(3)),
                    event -> TimestampData.fromEpochMillis(event.eventTimeMillis())),
            new GeneratorColumn<>("user_name", List.of(DataTypes.STRING()),
                    event -> StringData.fromString(event.userName())),
            new GeneratorColumn<>("page_id", List.of(DataTypes.INT()), ClickEvent::pageId),
            new GeneratorColumn<>("ip", List.of(DataTypes.STRING()), event -> StringData.fromString(event.ip()))));

    public ClickstreamTableFactory() {
        super(SCHEMA, Set.of(GeneratorOptions.PAGES));
    }

    @Override
    protected EventGenerator<ClickEvent> generator(GeneratorSettings settings, OptionReader options) {
        int pages = options.atLeast(options.get(GeneratorOptions.PAGES), GeneratorOptions.PAGES, 1);
        return new ClickstreamGenerator(settings.seed(), settings.users(), pages, settings.timing());
    }
}
