-- Sluice demo (a): ETL with a filter. Every click on page 8212 goes to its own topic.

CREATE TABLE clicks (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT,
  ip         STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_clicks',
  'connection' = 'local-kafka',
  'properties.group.id' = 'demo-etl-filter',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE clicks_8212 (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT,
  ip         STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_clicks_8212',
  'connection' = 'local-kafka',
  'format' = 'json'
);

INSERT INTO clicks_8212
SELECT * FROM clicks WHERE page_id = 8212;
