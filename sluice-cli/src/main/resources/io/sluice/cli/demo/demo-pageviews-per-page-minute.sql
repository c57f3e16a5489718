-- Sluice demo (c): a 1-minute tumbling window on event time. A window's count is written once,
-- when the watermark (the latest click time minus 5 seconds of allowed disorder) passes its end.

CREATE TABLE clicks (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT,
  ip         STRING,
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_clicks',
  'connection' = 'local-kafka',
  'properties.group.id' = 'demo-pageviews-per-page-minute',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE pageviews_per_page_minute (
  page_id      INT,
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  `views`      BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_pageviews_per_page_minute',
  'connection' = 'local-kafka',
  'format' = 'json'
);

INSERT INTO pageviews_per_page_minute
SELECT page_id, window_start, window_end, COUNT(*) AS `views`
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY page_id, window_start, window_end;
