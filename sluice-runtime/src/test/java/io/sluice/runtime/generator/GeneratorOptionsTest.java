package io.sluice.runtime.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.ValidationException;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    @Test
    void invalidValuesAreRejectedNamingOptionAndConnector() {
        assertRejected("clickstream", "rate", Map.of("rate", "-5"), "must be a number >= 0");
        assertRejected("clickstream", "events", Map.of("events", "0"), "at least 1");
        assertRejected("clickstream", "users", Map.of("users", "0"), "at least 1");
        assertRejected("clickstream", "pages", Map.of("pages", "-1"), "at least 1");
        assertRejected("clickstream", "interval", Map.of("interval", "0 ms"), "at least 1 ms");
        assertRejected("clickstream", "late-fraction", Map.of("late-fraction", "1.5"), "between 0 and 1");
        assertRejected("clickstream", "start-time", Map.of("start-time", "yesterday"), "yyyy-MM-dd HH:mm:ss");
        assertRejected("clickstream", "seed", Map.of("seed", "abc"), "abc");
        assertRejected("ad_events", "click-ratio", Map.of("click-ratio", "1"), "below 1");
        assertRejected("ad_events", "ads", Map.of("ads", "0"), "at least 1");
        assertRejected("ad_events", "click-delay", Map.of("out-of-orderness", "10 s", "interval", "10"),
                "at least 'out-of-orderness' plus one 'interval' (10010 ms)");
    }

    @Test
    void everyOptionHasADescriptionAndTheFactoriesShareTheCommonOnes() {
        ClickstreamTableFactory clicks = new ClickstreamTableFactory();
        AdEventsTableFactory ads = new AdEventsTableFactory();
        for (ConfigOption<?> option : GeneratorOptions.COMMON) {
            assertTrue(clicks.optionalOptions().contains(option), option.key());
            assertTrue(ads.optionalOptions().contains(option), option.key());
        }
        assertTrue(clicks.optionalOptions().contains(GeneratorOptions.PAGES));
        assertFalse(ads.optionalOptions().contains(GeneratorOptions.PAGES));
        assertTrue(ads.optionalOptions().contains(GeneratorOptions.CLICK_RATIO));
        for (ConfigOption<?> option : ads.optionalOptions()) {
            assertFalse(option.description().toString().isBlank(), option.key());
        }
        for (ConfigOption<?> option : clicks.optionalOptions()) {
            assertFalse(option.description().toString().isBlank(), option.key());
        }
        assertTrue(clicks.requiredOptions().isEmpty());
    }

    private static void assertRejected(String connector, String option, Map<String, String> options, String reason) {
        GeneratorTableFactory<?> factory =
                connector.equals("clickstream") ? new ClickstreamTableFactory() : new AdEventsTableFactory();
        assertEquals(connector, factory.factoryIdentifier());
        ValidationException error = assertThrows(ValidationException.class, () -> factory.generatorFor(options));
        assertTrue(error.getMessage().contains("option '" + option + "' of connector '" + connector + "'"),
                error.getMessage());
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }
}
