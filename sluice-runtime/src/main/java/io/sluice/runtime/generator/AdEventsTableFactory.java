package io.sluice.runtime.generator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * {@code 'connector' = 'ad_events'}: ad impressions and clicks with columns
 * {@code ad_id BIGINT, event_type STRING, user_name STRING, impression_id BIGINT,
 * event_time TIMESTAMP(3)}; a click carries the impression_id of the impression it follows.
 */
public final class AdEventsTableFactory extends GeneratorTableFactory<AdEvent> {

    public static final String IDENTIFIER = "ad_events";

    private static final GeneratorSchema<AdEvent> SCHEMA = new GeneratorSchema<>(IDENTIFIER, List.of(
            new GeneratorColumn<>("ad_id", List.of(DataTypes.BIGINT()), AdEvent::adId),
            new GeneratorColumn<>("event_type", List.of(DataTypes.STRING()),
                    event -> StringData.fromString(event.type().sqlName())),
            new GeneratorColumn<>("user_name", List.of(DataTypes.STRING()),
                    event -> StringData.fromString(event.userName())),
            new GeneratorColumn<>("impression_id", List.of(DataTypes.BIGINT()), AdEvent::impressionIndex),
            new GeneratorColumn<>("event_time", List.of(DataTypes.TIMESTAMP(3), DataTypes.TIMESTAMP_LTZ(3)),
                    event -> TimestampData.fromEpochMillis(event.eventTimeMillis()))));

    public AdEventsTableFactory() {
        super(SCHEMA, Set.of(GeneratorOptions.ADS, GeneratorOptions.CLICK_RATIO, GeneratorOptions.CLICK_DELAY));
    }

    @Override
    protected EventGenerator<AdEvent> generator(GeneratorSettings settings, OptionReader options) {
        int ads = options.atLeast(options.get(GeneratorOptions.ADS), GeneratorOptions.ADS, 1);
        double clickRatio = options.get(GeneratorOptions.CLICK_RATIO);
        if (!(clickRatio >= 0 && clickRatio < 1)) {
            throw options.invalid(GeneratorOptions.CLICK_RATIO, clickRatio, "it must be at least 0 and below 1");
        }
        Duration clickDelay = options.get(GeneratorOptions.CLICK_DELAY);
        Duration minimum = AdEventGenerator.minimumClickDelay(settings.timing());
        if (clickDelay.compareTo(minimum) < 0) {
            throw options.invalid(GeneratorOptions.CLICK_DELAY, clickDelay, "it must be at least 'out-of-orderness' plus "
                    + "one 'interval' (" + minimum.toMillis() + " ms), so that a click comes after its impression");
        }
        return new AdEventGenerator(settings.seed(), ads, settings.users(), clickRatio, clickDelay, settings.timing());
    }
}
