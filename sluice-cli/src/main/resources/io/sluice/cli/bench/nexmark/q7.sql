-- q7 highest bid: per 10 s tumbling window, the bids with the window's highest price.
CREATE TABLE nexmark_q7 (
  auction BIGINT, price BIGINT, bidder BIGINT, date_time TIMESTAMP(3), extra STRING
) WITH ('connector' = 'checksum');

INSERT INTO nexmark_q7
SELECT B.auction, B.price, B.bidder, B.date_time, B.extra
FROM bid B
JOIN (
  SELECT MAX(price) AS maxprice, window_end AS date_time
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY window_start, window_end
) B1
ON B.price = B1.maxprice
WHERE B.date_time BETWEEN B1.date_time - INTERVAL '10' SECOND AND B1.date_time;
