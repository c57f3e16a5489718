-- q4 average price per category: the winning (highest) bid of each auction within its open
-- interval, averaged per category (an aggregation over an updating aggregation).
CREATE TABLE nexmark_q4 (
  id BIGINT, final BIGINT
) WITH ('connector' = 'checksum');

INSERT INTO nexmark_q4
SELECT Q.category, AVG(Q.final)
FROM (
  SELECT MAX(B.price) AS final, A.category
  FROM auction A, bid B
  WHERE A.id = B.auction AND B.date_time BETWEEN A.date_time AND A.expires
  GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
