-- Two-level aggregation: bids per bidder, then how many bidders have each bid count. Every new bid
-- changes one bidder's count, which retracts the bidder from one group and adds it to the next;
-- hot bidders make this happen on nearly every event.
CREATE TABLE bidders_per_count (
  bid_count BIGINT, bidders BIGINT
) WITH ('connector' = 'checksum');

INSERT INTO bidders_per_count
SELECT bid_count, COUNT(*) AS bidders
FROM (SELECT bidder, COUNT(*) AS bid_count FROM bid GROUP BY bidder)
GROUP BY bid_count;
