-- q14 calculation: bids between 1,000,000 and 50,000,000 (in euros) classified by time of day,
-- with the number of 'c' characters in extra. The benchmark counts them with a user-defined
-- function; built-in functions compute the same count here.
CREATE TABLE nexmark_q14 (
  auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), bidTimeType STRING, date_time TIMESTAMP(3),
  extra STRING, c_counts INT
) WITH ('connector' = 'checksum');

INSERT INTO nexmark_q14
SELECT auction, bidder, 0.908 * price AS price,
       CASE
         WHEN HOUR(date_time) >= 8 AND HOUR(date_time) <= 18 THEN 'dayTime'
         WHEN HOUR(date_time) <= 6 OR HOUR(date_time) >= 20 THEN 'nightTime'
         ELSE 'otherTime'
       END AS bidTimeType,
       date_time, extra,
       CHAR_LENGTH(extra) - CHAR_LENGTH(REPLACE(extra, 'c', '')) AS c_counts
FROM bid
WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000;
