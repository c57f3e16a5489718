-- q20 expand bid with auction: bids on auctions of category 10, with the auction's details.
CREATE TABLE nexmark_q20 (
  auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, bid_date_time TIMESTAMP(3),
  bid_extra STRING, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,
  date_time TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING
) WITH ('connector' = 'checksum');

INSERT INTO nexmark_q20
SELECT B.auction, B.bidder, B.price, B.channel, B.url, B.date_time, B.extra,
       A.itemName, A.description, A.initialBid, A.reserve, A.date_time, A.expires, A.seller, A.category,
       A.extra
FROM bid AS B INNER JOIN auction AS A ON B.auction = A.id
WHERE A.category = 10;
