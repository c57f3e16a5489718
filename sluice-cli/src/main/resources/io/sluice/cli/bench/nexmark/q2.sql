-- q2 selection: the bids on a sample of auctions (auction id divisible by 123).
CREATE TABLE nexmark_q2 (
  auction BIGINT, price BIGINT
) WITH ('connector' = 'checksum');

INSERT INTO nexmark_q2
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
