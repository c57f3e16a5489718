package io.sluice.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.sluice.sql.preview.ChangelogRow;
import io.sluice.sql.preview.PreviewException;
import io.sluice.sql.preview.PreviewRequest;
import io.sluice.sql.preview.PreviewResult;
import io.sluice.sql.preview.SinkPreview;

class SqlPreviewerTest {
    private final SqlPreviewer previewer = new SqlPreviewer(name -> Optional.empty());

    /** The Kafka options never matter: typed rows take the source's place. */
    private static final String SCRIPT = """
            CREATE TABLE clicks (
              user_name STRING, page INT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
            ) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'properties.bootstrap.servers' = '127.0.0.1:1', 'properties.group.id' = 'g',
                    'format' = 'json');
            CREATE TABLE per_user (user_name STRING, n BIGINT, PRIMARY KEY (user_name) NOT ENFORCED)
              WITH ('connector' = 'blackhole');
            CREATE TABLE per_window (window_start TIMESTAMP(3), page INT, n BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO per_user SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
            INSERT INTO per_window
              SELECT window_start, page, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
              GROUP BY window_start, window_end, page;
            """;

    private record Click(String user, int page, int second) {
        String json() {
            return "{\"user_name\":\"%s\",\"page\":%d,\"ts\":\"2026-11-27 10:00:%02d\"}".formatted(user, page, second);
        }
    }

    @Test
    void typedRowsGiveEachInsertItsChangelogAndFinalTable() {
        // out of order: the row at second 9 comes after second 11 but within the 2 s delay of the
        // watermark; the row at second 3 comes after second 15, its window has fired and it is dropped
        List<Click> clicks = List.of(new Click("ann", 1, 1), new Click("bob", 1, 4), new Click("ann", 2, 8),
                new Click("ann", 1, 11), new Click("bob", 1, 9), new Click("cid", 2, 15), new Click("bob", 2, 13),
                new Click("ann", 1, 3));
        PreviewResult result = previewer.preview(new PreviewRequest(SCRIPT, 100,
                Map.of("clicks", clicks.stream().map(Click::json).toList()), Duration.ofSeconds(60), 1000));

        SinkPreview perUser = result.sinks().get(0);
        assertEquals("per_user", perUser.table());
        assertEquals(List.of("user_name", "EXPR$1"), perUser.columns());
        assertTrue(perUser.complete());
        assertEquals(userChangelog(clicks), perUser.changelog());
        assertEquals(List.of(List.of("ann", 4L), List.of("bob", 3L), List.of("cid", 1L)), sorted(perUser.finalRows()));

        SinkPreview perWindow = result.sinks().get(1);
        assertEquals("per_window", perWindow.table());
        assertEquals(windowCounts(clicks, 2), sorted(perWindow.finalRows()));
        assertTrue(perWindow.changelog().stream().allMatch(change -> change.kind().equals("+I")));
    }

    @Test
    void aRowThatDoesNotFitItsTableIsNamed() {
        PreviewException error = assertThrows(PreviewException.class, () -> previewer.preview(new PreviewRequest(SCRIPT, 100,
                Map.of("clicks", List.of(new Click("ann", 1, 1).json(), "{\"user_name\": \"bob\", \"page\": \"x\"}")),
                Duration.ofSeconds(60), 1000)));
        assertTrue(error.getMessage().contains("line 9") && error.getMessage().contains("sample row 2"), error.getMessage());
    }

    @Test
    void anUnboundedSourceStopsAtTheTimeout() {
        String script = """
                CREATE TABLE ticks (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5',
                  'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '1000000');
                CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO sink SELECT n FROM ticks;
                """;
        // a datagen sequence is bounded by its end, which the preview caps at the record count
        SinkPreview ticks = previewer.preview(new PreviewRequest(script, 7, Map.of(), Duration.ofSeconds(60), 1000)).sinks().get(0);
        assertEquals(7, ticks.changelog().size(), ticks.toString());
        assertTrue(ticks.complete());
    }

    @Test
    void scriptErrorsKeepTheirPosition() {
        SqlScriptException error = assertThrows(SqlScriptException.class,
                () -> previewer.preview(PreviewRequest.of(SCRIPT.replace("COUNT(*) FROM clicks GROUP", "COUNT(*) FROM clickz GROUP"))));
        assertEquals(9, error.errors().get(0).line(), error.errors().toString());
        assertFalse(error.errors().get(0).message().isEmpty());
    }

    /** Oracle: a running count per user emits +I for a user's first row, then -U/+U pairs. */
    private static List<ChangelogRow> userChangelog(List<Click> clicks) {
        Map<String, Long> counts = new TreeMap<>();
        List<ChangelogRow> changes = new ArrayList<>();
        for (Click click : clicks) {
            Long before = counts.get(click.user());
            long after = before == null ? 1 : before + 1;
            if (before != null) {
                changes.add(new ChangelogRow("-U", List.of(click.user(), before)));
            }
            changes.add(new ChangelogRow(before == null ? "+I" : "+U", List.of(click.user(), after)));
            counts.put(click.user(), after);
        }
        return changes;
    }

    /** Oracle: rows whose window had closed (watermark = max second seen - delay) when they came are dropped. */
    private static List<List<Object>> windowCounts(List<Click> clicks, int delaySeconds) {
        Map<String, Long> counts = new TreeMap<>();
        int maxSecond = 0;
        for (Click click : clicks) {
            int windowEnd = (click.second() / 10 + 1) * 10;
            if (maxSecond - delaySeconds < windowEnd - 0.001) {
                counts.merge((click.second() / 10 * 10) + "|" + click.page(), 1L, Long::sum);
            }
            maxSecond = Math.max(maxSecond, click.second());
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\\|");
            rows.add(List.of("2026-11-27T10:00:%02d".formatted(Integer.parseInt(parts[0])).replace(":00:00", ":00"),
                    Integer.parseInt(parts[1]), n));
        });
        return sorted(rows);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }
}
