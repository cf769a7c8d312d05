CREATE STREAMING TABLE orders
AS SELECT * FROM STREAM read_files('data', format => 'json', schema => 'id BIGINT, amount DOUBLE');

CREATE STREAMING TABLE big_orders AS
SELECT id, amount
FROM STREAM(ordres)
WHERE amount > 100;

CREATE MATERIALIZED VIEW totals AS
SELECT COUNT(*) AS n,
       SUM(amont) AS total
FROM orders;
