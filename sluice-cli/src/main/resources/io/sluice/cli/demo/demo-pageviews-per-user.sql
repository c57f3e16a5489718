-- Sluice demo (b): a continuous GROUP BY. Each user's count is updated in place: the topic is an
-- upsert log keyed by user, so Bob's count goes 1, then 2, and a reader keeps the latest per key.

CREATE TABLE clicks (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT,
  ip         STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_clicks',
  'connection' = 'local-kafka',
  'properties.group.id' = 'demo-pageviews-per-user',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE pageviews_per_user (
  user_name STRING,
  `views`   BIGINT,
  PRIMARY KEY (user_name) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'demo_pageviews_per_user',
  'connection' = 'local-kafka',
  'key.format' = 'json',
  'value.format' = 'json'
);

INSERT INTO pageviews_per_user
SELECT user_name, COUNT(*) AS `views`
FROM clicks
GROUP BY user_name;
