package io.sluice.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.sql.SqlScript;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoJobsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T18:30:30.700Z");
    private static final Pattern TOPIC = Pattern.compile("'topic' = '([^']+)'");

    @Test
    void feedStartsOneMinuteBeforeNowInUtc() {
        String feed = DemoJobs.script(DemoJobs.FEED, NOW).text();
        assertTrue(feed.contains("'start-time' = '2026-11-27 18:29:30'"), feed);
        assertTrue(feed.contains("'connector' = 'clickstream'"), feed);
        assertTrue(feed.contains("'connector' = 'ad_events'"), feed);
        assertFalse(feed.contains("${"), feed);
    }

    @Test
    void everyJobHasItsScriptNamedAfterIt() {
        for (DemoJob job : DemoJobs.all()) {
            SqlScript script = DemoJobs.script(job, NOW);
            assertEquals(job.name() + ".sql", script.source());
            assertTrue(script.text().contains("INSERT INTO"), job.name());
        }
    }

    @Test
    void jobsUseTheCatalogConnectionNotAddresses() {
        for (DemoJob job : DemoJobs.all()) {
            String sql = DemoJobs.script(job, NOW).text();
            assertTrue(sql.contains("'connection' = 'local-kafka'"), job.name());
            assertFalse(sql.contains("bootstrap.servers"), job.name());
        }
    }

    @Test
    void everyTopicTheScriptsUseIsCreatedAndEveryOutputIsWritten() {
        Set<String> used = new HashSet<>();
        for (DemoJob job : DemoJobs.all()) {
            Matcher matcher = TOPIC.matcher(DemoJobs.script(job, NOW).text());
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
            if (job.outputTopic() != null) {
                assertTrue(DemoJobs.script(job, NOW).text().contains("'topic' = '" + job.outputTopic() + "'"), job.name());
            }
        }
        assertEquals(Set.copyOf(DemoJobs.TOPICS), used);
    }

    @Test
    void needsOneSlotPerJob() {
        assertEquals(5, DemoJobs.SLOTS_NEEDED);
        assertEquals(1, DemoJobs.SETTINGS.parallelism());
        assertEquals(List.of("demo-feed", "demo-etl-filter", "demo-pageviews-per-user", "demo-pageviews-per-page-minute",
                "demo-ad-attribution"), DemoJobs.all().stream().map(DemoJob::name).toList());
        assertTrue(DemoJobs.isDemoJob("demo-feed"));
        assertFalse(DemoJobs.isDemoJob("clicks-etl"));
    }
}
