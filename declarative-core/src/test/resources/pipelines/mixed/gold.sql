CREATE MATERIALIZED VIEW big_orders AS SELECT * FROM orders WHERE amount >= ${min_amount};
