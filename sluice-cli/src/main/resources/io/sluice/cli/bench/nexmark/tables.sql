-- The Nexmark source as the benchmark defines it: one stream of events (event_type 0 = person,
-- 1 = auction, 2 = bid), each carrying its own kind as a nested row, and the three kinds as views.
-- ${events} and ${seed} are filled in by `sluice bench nexmark`. One event per millisecond of event
-- time, up to 1 s out of order; the watermark allows 4 s, so no event is late and the results do
-- not depend on how the subtasks interleave.
CREATE TABLE nexmark (
  ${columns},
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark',
  'events' = '${events}',
  'seed' = '${seed}',
  'interval' = '1 ms',
  'out-of-orderness' = '1 s'
);

CREATE VIEW person AS
SELECT person.id, person.name, person.emailAddress, person.creditCard, person.city, person.state,
       date_time, person.extra
FROM nexmark WHERE event_type = 0;

CREATE VIEW auction AS
SELECT auction.id, auction.itemName, auction.description, auction.initialBid, auction.reserve,
       date_time, auction.expires, auction.seller, auction.category, auction.extra
FROM nexmark WHERE event_type = 1;

CREATE VIEW bid AS
SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, date_time, bid.extra
FROM nexmark WHERE event_type = 2;
