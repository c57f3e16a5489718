import { declaredTables } from './sqlSchema';

describe('declaredTables', () => {
  it('lists the columns of each CREATE TABLE, skipping keys and watermarks', () => {
    const script = `
      -- a comment mentioning CREATE TABLE nothing (x INT)
      CREATE TABLE clicks (
        event_time TIMESTAMP(3),
        user_name  STRING,
        tags MAP<STRING, DECIMAL(10, 2)>,
        \`page id\` INT,
        WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
      ) WITH ('connector' = 'clickstream', 'rate' = '10');
      CREATE TEMPORARY TABLE IF NOT EXISTS counts (user_name STRING, n BIGINT, PRIMARY KEY (user_name) NOT ENFORCED)
        WITH ('connector' = 'upsert-kafka');
      CREATE VIEW active AS SELECT user_name FROM clicks;
      INSERT INTO counts SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;`;
    expect(declaredTables(script)).toEqual({
      clicks: ['event_time', 'user_name', 'tags', 'page id'],
      counts: ['user_name', 'n'],
      active: [],
    });
  });

  it('keeps going when the script is half written', () => {
    expect(declaredTables('CREATE TABLE t (a INT, b')).toEqual({ t: ['a'] });
  });
});
