-- LEFT JOIN whose right side arrives late: every bid with its bidder's name and city, where the
-- people come from a second, rate-limited source. A bid whose bidder has not arrived yet goes out
-- with NULLs, and is retracted and sent again once the person arrives. Sluice's outer-join cache
-- (sluice.retraction.outer-join-cache-interval, 2 min by default) holds the padded bid instead, so
-- a bidder arriving within the interval gives one joined row and nothing to retract.
CREATE TABLE late_people (
  event_type INT,
  person ${person_type}
) WITH (
  'connector' = 'nexmark',
  'events' = '${events}',
  'seed' = '${seed}',
  'interval' = '1 ms',
  'rate' = '${late_rate}'
);

CREATE TABLE bids_with_bidder (
  auction BIGINT, bidder BIGINT, price BIGINT, name STRING, city STRING
) WITH ('connector' = 'checksum');

INSERT INTO bids_with_bidder
SELECT B.auction, B.bidder, B.price, P.name, P.city
FROM bid AS B
LEFT JOIN (SELECT person.id, person.name, person.city FROM late_people WHERE event_type = 0) AS P
  ON B.bidder = P.id;
