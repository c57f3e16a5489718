-- Running visit statistics per user, from the example jar (upload it as 'example-udfs' first).
CREATE FUNCTION url_host AS 'io.sluice.examples.udfs.UrlHost' USING JAR 'example-udfs';
CREATE FUNCTION visit_stats AS 'io.sluice.examples.udfs.VisitStats' USING JAR 'example-udfs';

CREATE TABLE visits (user_name STRING, url STRING, duration_ms BIGINT) WITH (
  'connector' = 'kafka', 'topic' = 'visits', 'connection' = 'local-kafka',
  'properties.group.id' = 'visit-stats', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');

CREATE TABLE visit_stats_out (user_name STRING, visits BIGINT, total_ms BIGINT, longest_ms BIGINT,
  distinct_hosts INT, previous_host STRING) WITH (
  'connector' = 'kafka', 'topic' = 'visit_stats', 'connection' = 'local-kafka', 'format' = 'json');

CREATE VIEW visits_with_host AS SELECT user_name, url_host(url) AS host, duration_ms FROM visits;

INSERT INTO visit_stats_out
  SELECT user_name, visits, total_ms, longest_ms, distinct_hosts, previous_host
  FROM TABLE(visit_stats(input => TABLE visits_with_host PARTITION BY user_name));
