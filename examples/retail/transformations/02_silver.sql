-- Silver layer: validated orders (incremental) and one row per customer (recomputed).

CREATE OR REFRESH STREAMING TABLE cleaned_orders
COMMENT 'Orders with an id, a customer and a positive amount'
TBLPROPERTIES ('quality' = 'silver')
AS SELECT order_id, customer_id, order_date, order_amount, status
FROM STREAM(raw_orders)
WHERE order_id IS NOT NULL
  AND customer_id IS NOT NULL
  AND order_amount > 0;

CREATE OR REFRESH MATERIALIZED VIEW cleaned_customers
COMMENT 'The latest version of each customer with a valid email'
TBLPROPERTIES ('quality' = 'silver')
AS SELECT customer_id, email, first_name, last_name, country, updated_at
FROM (
  SELECT *,
         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS version_rank
  FROM raw_customers
  WHERE customer_id IS NOT NULL
    AND email RLIKE '^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$'
)
WHERE version_rank = 1;
