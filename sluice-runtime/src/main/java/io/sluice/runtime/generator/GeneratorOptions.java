package io.sluice.runtime.generator;

import java.time.Duration;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The WITH options of the generator connectors; their descriptions are the user documentation. */
public final class GeneratorOptions {

    public static final long DEFAULT_RATE = 100;
    public static final String DEFAULT_START_TIME = "2026-01-01 00:00:00";

    public static final ConfigOption<Long> SEED = ConfigOptions.key("seed")
            .longType()
            .defaultValue(42L)
            .withDescription("Seed of the pseudo-random data. The same options produce the same events in every run "
                    + "and at every parallelism.");

    public static final ConfigOption<Double> RATE = ConfigOptions.key("rate")
            .doubleType()
            .noDefaultValue()
            .withDescription("Events per second, across all subtasks; 0 means as fast as possible. Defaults to "
                    + DEFAULT_RATE + " for an unbounded source and to 0 when 'events' is set.");

    public static final ConfigOption<Long> EVENTS = ConfigOptions.key("events")
            .longType()
            .noDefaultValue()
            .withDescription("Number of events. When set, the source is bounded and emits exactly this many events; "
                    + "otherwise it is unbounded and runs in a single subtask, so that its event time advances "
                    + "as one stream.");

    public static final ConfigOption<String> START_TIME = ConfigOptions.key("start-time")
            .stringType()
            .defaultValue(DEFAULT_START_TIME)
            .withDescription("Event time of the first event, 'yyyy-MM-dd HH:mm:ss' in UTC. The fixed default keeps "
                    + "the output deterministic; demos that want current timestamps set it to the current time.");

    public static final ConfigOption<Duration> INTERVAL = ConfigOptions.key("interval")
            .durationType()
            .noDefaultValue()
            .withDescription("Event time between consecutive events (a plain number is milliseconds), at least "
                    + "1 ms. Defaults to 1000 / rate ms, or to 1000 / " + DEFAULT_RATE
                    + " ms when the rate is unlimited, so event time runs about as fast as wall-clock time.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = ConfigOptions.key("out-of-orderness")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("Each event's time is shifted back by a pseudo-random amount in [0, out-of-orderness), "
                    + "so a watermark of 'event_time - out-of-orderness' sees no late events.");

    public static final ConfigOption<Double> LATE_FRACTION = ConfigOptions.key("late-fraction")
            .doubleType()
            .defaultValue(0.0)
            .withDescription("Fraction (0 to 1) of events shifted back by out-of-orderness plus "
                    + EventTiming.LATE_MARGIN.toMinutes()
                    + " minute, which makes them late for a watermark of 'event_time - out-of-orderness'.");

    public static final ConfigOption<Integer> USERS = ConfigOptions.key("users")
            .intType()
            .defaultValue(1000)
            .withDescription("Number of distinct users (user_0 .. user_<users - 1>); each has a fixed 10.x.y.z address.");

    public static final ConfigOption<Integer> PAGES = ConfigOptions.key("pages")
            .intType()
            .defaultValue(100)
            .withDescription("clickstream: number of distinct pages, with ids from " + ClickstreamGenerator.FIRST_PAGE_ID
                    + " upwards. Popularity falls off with the id; page " + ClickstreamGenerator.FIRST_PAGE_ID
                    + " gets about 1 / sqrt(pages) of the views.");

    public static final ConfigOption<Integer> ADS = ConfigOptions.key("ads")
            .intType()
            .defaultValue(100)
            .withDescription("ad_events: number of distinct ads, with ids 1 .. ads.");

    public static final ConfigOption<Double> CLICK_RATIO = ConfigOptions.key("click-ratio")
            .doubleType()
            .defaultValue(0.1)
            .withDescription("ad_events: share of events that are clicks, in [0, 1). Every click refers to an earlier "
                    + "impression of the same ad by the same user.");

    public static final ConfigOption<Duration> CLICK_DELAY = ConfigOptions.key("click-delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("ad_events: longest gap between an impression and its click, before the out-of-orderness "
                    + "shift; at least out-of-orderness plus one interval. A click that is not late comes after its "
                    + "impression and less than click-delay + out-of-orderness later.");

    /** Options every generator connector accepts. */
    static final Set<ConfigOption<?>> COMMON = Set.of(
            SEED, RATE, EVENTS, START_TIME, INTERVAL, OUT_OF_ORDERNESS, LATE_FRACTION, USERS);

    private GeneratorOptions() {}
}
