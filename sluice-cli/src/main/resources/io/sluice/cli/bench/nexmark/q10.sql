-- q10 log to file system: every bid with the day and minute it would be partitioned by. The
-- benchmark writes files; here the rows go to the checksum sink, so the query measures the
-- formatting, not a file system.
CREATE TABLE nexmark_q10 (
  auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3), extra STRING,
  dt STRING, hm STRING
) WITH ('connector' = 'checksum');

INSERT INTO nexmark_q10
SELECT auction, bidder, price, date_time, extra,
       DATE_FORMAT(date_time, 'yyyy-MM-dd'), DATE_FORMAT(date_time, 'HH:mm')
FROM bid;
