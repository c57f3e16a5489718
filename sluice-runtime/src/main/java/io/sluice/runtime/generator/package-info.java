/**
 * Deterministic data generators usable from SQL, for demos, tests and benchmarks (feature C7).
 *
 * <pre>{@code
 * CREATE TABLE clicks (
 *   event_time TIMESTAMP(3), user_name STRING, page_id INT, ip STRING,
 *   WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
 * ) WITH ('connector' = 'clickstream', 'rate' = '1000', 'out-of-orderness' = '5 s');
 *
 * CREATE TABLE ads (
 *   ad_id BIGINT, event_type STRING, user_name STRING, impression_id BIGINT, event_time TIMESTAMP(3),
 *   WATERMARK FOR event_time AS event_time
 * ) WITH ('connector' = 'ad_events', 'events' = '100000', 'click-ratio' = '0.2');
 * }</pre>
 *
 * <p>Event {@code i} is computed from the options and {@code i} alone ({@link
 * io.sluice.runtime.generator.ClickstreamGenerator}, {@link
 * io.sluice.runtime.generator.AdEventGenerator}), so every run and every parallelism yields the
 * same events, and a test can compute the expected rows without Flink. The options are listed, with
 * defaults and meaning, in {@link io.sluice.runtime.generator.GeneratorOptions}. A table may
 * declare any subset of a connector's columns, in any order; {@code event_time} may be {@code
 * TIMESTAMP(3)} or {@code TIMESTAMP_LTZ(3)}, and {@code start-time} is read as UTC.
 */
package io.sluice.runtime.generator;
