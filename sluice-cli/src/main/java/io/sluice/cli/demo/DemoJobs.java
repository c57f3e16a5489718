package io.sluice.cli.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.cli.jobs.JobSettings;
import io.sluice.cli.sql.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** What the demo creates: its topics, the feed job and the four jobs that read the feed. */
public final class DemoJobs {
    public static final List<String> TOPICS = List.of(
            "demo_clicks", "demo_ad_events", "demo_clicks_8212",
            "demo_pageviews_per_user", "demo_pageviews_per_page_minute", "demo_ad_attribution");

    public static final DemoJob FEED = new DemoJob("demo-feed",
            "generates clicks (20/s) and ad events (10/s) into demo_clicks and demo_ad_events", null);

    public static final List<DemoJob> JOBS = List.of(
            new DemoJob("demo-etl-filter", "ETL: the clicks on page 8212", "demo_clicks_8212"),
            new DemoJob("demo-pageviews-per-user",
                    "continuous GROUP BY: page views per user, updated in place (upsert)", "demo_pageviews_per_user"),
            new DemoJob("demo-pageviews-per-page-minute",
                    "1-minute tumbling window: page views per page and minute", "demo_pageviews_per_page_minute"),
            new DemoJob("demo-ad-attribution",
                    "interval join: ad clicks within 10 minutes after an impression", "demo_ad_attribution"));

    /** Every demo job runs with parallelism 1, i.e. in one task slot. */
    public static final JobSettings SETTINGS = JobSettings.of(1, Duration.ofSeconds(10), null);

    public static final int SLOTS_NEEDED = 1 + JOBS.size();

    // event time starts a minute before the demo and then advances with the wall clock
    private static final Duration FEED_HEAD_START = Duration.ofMinutes(1);
    private static final DateTimeFormatter START_TIME_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private DemoJobs() {}

    /** The feed first, then the jobs that read it. */
    public static List<DemoJob> all() {
        return Stream.concat(Stream.of(FEED), JOBS.stream()).toList();
    }

    public static boolean isDemoJob(String name) {
        return all().stream().anyMatch(job -> job.name().equals(name));
    }

    /** The job's SQL, with the feed's start time set from {@code now}. */
    public static SqlScript script(DemoJob job, Instant now) {
        String startTime = START_TIME_FORMAT.format(now.minus(FEED_HEAD_START).truncatedTo(ChronoUnit.SECONDS));
        String resource = job.name() + ".sql";
        return new SqlScript(resource, read(resource).replace("${START_TIME}", startTime));
    }

    private static String read(String resource) {
        try (InputStream in = DemoJobs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + resource + " is missing from the CLI jar");
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + resource, e);
        }
    }
}
