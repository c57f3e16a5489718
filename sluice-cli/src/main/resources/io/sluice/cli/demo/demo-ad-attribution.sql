-- Sluice demo (d): an interval join. A click is attributed to the impressions of the same ad in
-- the 10 minutes before it; state older than that is dropped as the watermark advances.

CREATE TABLE ad_events (
  ad_id      BIGINT,
  event_type STRING,
  event_time TIMESTAMP(3),
  user_name  STRING,
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_ad_events',
  'connection' = 'local-kafka',
  'properties.group.id' = 'demo-ad-attribution',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE VIEW impressions AS
SELECT ad_id, user_name, event_time FROM ad_events WHERE event_type = 'impression';

CREATE VIEW ad_clicks AS
SELECT ad_id, user_name, event_time FROM ad_events WHERE event_type = 'click';

CREATE TABLE ad_attribution (
  ad_id           BIGINT,
  impression_user STRING,
  impression_time TIMESTAMP(3),
  click_user      STRING,
  click_time      TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_ad_attribution',
  'connection' = 'local-kafka',
  'format' = 'json'
);

-- Both sides keep their event-time attribute through the join; a sink accepts at most one,
-- so the times are written as plain timestamps.
INSERT INTO ad_attribution
SELECT i.ad_id,
       i.user_name,
       CAST(i.event_time AS TIMESTAMP(3)),
       c.user_name,
       CAST(c.event_time AS TIMESTAMP(3))
FROM impressions AS i
JOIN ad_clicks AS c
  ON c.ad_id = i.ad_id
 AND c.event_time BETWEEN i.event_time AND i.event_time + INTERVAL '10' MINUTE;
