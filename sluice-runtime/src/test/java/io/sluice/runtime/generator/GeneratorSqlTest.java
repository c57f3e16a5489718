package io.sluice.runtime.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the connectors through SQL on a local MiniCluster and compares with the pure generators. */
class GeneratorSqlTest {

    private static final String CLICKS_COLUMNS = "event_time TIMESTAMP(3), user_name STRING, page_id INT, ip STRING";
    private static final String ADS_COLUMNS =
            "ad_id BIGINT, event_type STRING, user_name STRING, impression_id BIGINT, event_time TIMESTAMP(3)";

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void clickstreamRowsEqualThePureGenerator(int parallelism) throws Exception {
        Map<String, String> options = Map.of("events", "1000", "seed", "7");
        TableEnvironment tables = tables(parallelism);
        tables.executeSql(createTable("clicks", CLICKS_COLUMNS, "clickstream", options));

        List<Row> rows = collect(tables, "SELECT * FROM clicks");

        List<Row> expected = clickRows(options, 1000);
        if (parallelism == 1) {
            assertEquals(expected, rows);
        } else {
            assertEquals(multiset(expected), multiset(rows));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void adEventRowsEqualThePureGeneratorForAnyColumnSubset(int parallelism) throws Exception {
        Map<String, String> options =
                Map.of("events", "3000", "seed", "9", "click-ratio", "0.3", "out-of-orderness", "1 s");
        TableEnvironment tables = tables(parallelism);
        tables.executeSql(createTable("ads", "event_time TIMESTAMP_LTZ(3), impression_id BIGINT, ad_id BIGINT, "
                + "event_type STRING", "ad_events", options));

        List<Row> rows = collect(tables, "SELECT * FROM ads");

        EventGenerator<AdEvent> generator = new AdEventsTableFactory().generatorFor(options);
        List<Row> expected = new ArrayList<>();
        for (long i = 0; i < 3000; i++) {
            AdEvent event = generator.event(i);
            expected.add(Row.of(Instant.ofEpochMilli(event.eventTimeMillis()), event.impressionIndex(), event.adId(),
                    event.type().sqlName()));
        }
        assertEquals(multiset(expected), multiset(rows));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumblingWindowCountsOverDdlWatermarkEqualTheOracle(int parallelism) throws Exception {
        Map<String, String> options =
                Map.of("events", "1000", "seed", "7", "interval", "100", "out-of-orderness", "4 s");
        TableEnvironment tables = tables(parallelism);
        tables.executeSql(createTable("clicks",
                CLICKS_COLUMNS + ", WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND", "clickstream", options));

        List<Row> rows = collect(tables, "SELECT window_start, COUNT(*) AS page_views "
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND)) "
                + "GROUP BY window_start, window_end");

        EventGenerator<ClickEvent> generator = new ClickstreamTableFactory().generatorFor(options);
        Map<LocalDateTime, Long> expected = new TreeMap<>();
        for (long i = 0; i < 1000; i++) {
            long windowStart = Math.floorDiv(generator.event(i).eventTimeMillis(), 10_000L) * 10_000L;
            expected.merge(time(windowStart), 1L, Long::sum);
        }
        Map<LocalDateTime, Long> actual = new TreeMap<>();
        for (Row row : rows) {
            assertEquals(null, actual.put((LocalDateTime) row.getField(0), (Long) row.getField(1)), "window twice");
        }
        assertEquals(expected, actual);
        assertTrue(expected.size() >= 10, "windows: " + expected.size());
    }

    @Test
    void filterOnLandingPageSelectsItsShareOfRows() throws Exception {
        Map<String, String> options = Map.of("events", "5000");
        TableEnvironment tables = tables(2);
        tables.executeSql(createTable("clicks", CLICKS_COLUMNS, "clickstream", options));

        List<Row> rows = collect(tables, "SELECT COUNT(*) FROM clicks WHERE page_id = 8212");

        EventGenerator<ClickEvent> generator = new ClickstreamTableFactory().generatorFor(options);
        long expected = 0;
        for (long i = 0; i < 5000; i++) {
            expected += generator.event(i).pageId() == 8212 ? 1 : 0;
        }
        assertTrue(expected > 300, "landing page views: " + expected);
        assertEquals(expected, rows.get(rows.size() - 1).getField(0));
    }

    @Test
    void unboundedSourceEmitsEventsInIndexOrderWhateverTheParallelism() throws Exception {
        Map<String, String> options = Map.of("seed", "13", "rate", "2000");
        TableEnvironment tables = tables(2);
        tables.executeSql(createTable("clicks", CLICKS_COLUMNS, "clickstream", options));

        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = tables.executeSql("SELECT * FROM clicks").collect()) {
            while (rows.size() < 50 && iterator.hasNext()) {
                rows.add(iterator.next());
            }
        }

        assertEquals(clickRows(options, 50), rows);
    }

    @Test
    void unboundedSourceIsRejectedInBatchMode() {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(createTable("clicks", CLICKS_COLUMNS, "clickstream", Map.of()));

        Exception error = assertThrows(Exception.class, () -> batch.explainSql("SELECT * FROM clicks"));
        assertTrue(messages(error).contains("unbounded"), messages(error));
    }

    @Test
    void invalidOptionValueFailsNamingTheOption() {
        String error = planningError("clickstream", CLICKS_COLUMNS, Map.of("events", "10", "rate", "-5"));
        assertTrue(error.contains(
                "Invalid value '-5.0' for option 'rate' of connector 'clickstream': it must be a number >= 0"), error);
    }

    @Test
    void unparsableOptionValueFailsNamingTheOption() {
        String error = planningError("clickstream", CLICKS_COLUMNS, Map.of("seed", "forty-two"));
        assertTrue(error.contains("'seed'") && error.contains("forty-two"), error);
    }

    @Test
    void unknownOptionIsRejected() {
        String error = planningError("clickstream", CLICKS_COLUMNS, Map.of("click-ratio", "0.2"));
        assertTrue(error.contains("Unsupported options") && error.contains("click-ratio"), error);
    }

    @Test
    void undeclaredColumnFailsListingTheColumns() {
        String error = planningError("clickstream", "event_time TIMESTAMP(3), url STRING", Map.of());
        assertTrue(error.contains("Connector 'clickstream' has no column 'url'. Declare only these columns: "
                + "event_time TIMESTAMP(3) | TIMESTAMP_LTZ(3), user_name STRING, page_id INT, ip STRING."), error);
    }

    @Test
    void mistypedColumnFailsNamingTheExpectedType() {
        String error = planningError("ad_events", "ad_id INT", Map.of());
        assertTrue(error.contains(
                "Column 'ad_id' of connector 'ad_events' is declared as INT, but must be declared as ad_id BIGINT."),
                error);
    }

    /** The messages of the ValidationException and its causes that planning a scan of the table raises. */
    private static String planningError(String connector, String columns, Map<String, String> options) {
        TableEnvironment tables = tables(1);
        tables.executeSql(createTable("generated", columns, connector, options));
        return messages(assertThrows(ValidationException.class, () -> tables.explainSql("SELECT * FROM generated")));
    }

    private static TableEnvironment tables(int parallelism) {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return TableEnvironment.create(
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(configuration).build());
    }

    private static String createTable(String name, String columns, String connector, Map<String, String> options) {
        String with = options.entrySet().stream()
                .map(option -> String.format(", '%s' = '%s'", option.getKey(), option.getValue()))
                .collect(Collectors.joining());
        return String.format("CREATE TABLE %s (%s) WITH ('connector' = '%s'%s)", name, columns, connector, with);
    }

    private static List<Row> collect(TableEnvironment tables, String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = tables.executeSql(query).collect()) {
            iterator.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** The rows of the first {@code count} events, as the pure generator computes them. */
    private static List<Row> clickRows(Map<String, String> options, int count) {
        EventGenerator<ClickEvent> generator = new ClickstreamTableFactory().generatorFor(options);
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            ClickEvent event = generator.event(i);
            rows.add(Row.of(time(event.eventTimeMillis()), event.userName(), event.pageId(), event.ip()));
        }
        return rows;
    }

    private static LocalDateTime time(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static Map<Row, Long> multiset(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
    }

    private static String messages(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }
}
