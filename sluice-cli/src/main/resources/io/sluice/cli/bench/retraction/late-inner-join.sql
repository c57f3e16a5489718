-- The late join of late-left-join.sql as an INNER JOIN: a bid goes out only once its bidder has
-- arrived, so nothing is padded with NULLs or retracted. Shows what the outer-join cache costs
-- where it does not apply (nothing: it is only put after outer joins) and what mini-batch does to a join.
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
JOIN (SELECT person.id, person.name, person.city FROM late_people WHERE event_type = 0) AS P
  ON B.bidder = P.id;
