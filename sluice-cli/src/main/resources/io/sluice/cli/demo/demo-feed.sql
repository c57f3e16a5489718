-- Sluice demo: the feed. Sluice's generators write clicks (20 per second) and ad events
-- (10 per second) into two Kafka topics, which the four demo jobs read.
-- `bin/sluice demo` sets 'start-time' (UTC) to one minute before it starts; from there event time
-- advances with the wall clock, clicks up to 3 seconds out of order.

CREATE TABLE clickstream (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT,
  ip         STRING
) WITH (
  'connector' = 'clickstream',
  'rate' = '20',
  'start-time' = '${START_TIME}',
  'out-of-orderness' = '3 s'
);

CREATE TABLE ad_event_generator (
  ad_id      BIGINT,
  event_type STRING,
  event_time TIMESTAMP(3),
  user_name  STRING
) WITH (
  'connector' = 'ad_events',
  'rate' = '10',
  'start-time' = '${START_TIME}'
);

CREATE TABLE clicks (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT,
  ip         STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_clicks',
  'connection' = 'local-kafka',
  'format' = 'json'
);

CREATE TABLE ad_events (
  ad_id      BIGINT,
  event_type STRING,
  event_time TIMESTAMP(3),
  user_name  STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'demo_ad_events',
  'connection' = 'local-kafka',
  'format' = 'json'
);

-- The two INSERTs of a script run as one Flink job (a statement set).
INSERT INTO clicks SELECT event_time, user_name, page_id, ip FROM clickstream;

INSERT INTO ad_events SELECT ad_id, event_type, event_time, user_name FROM ad_event_generator;
