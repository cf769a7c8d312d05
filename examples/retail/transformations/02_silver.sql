-- Silver layer: validated orders (incremental) and one row per customer (recomputed).
-- Expectations: no ON VIOLATION keeps the row and counts it (warn); DROP ROW removes it;
-- QUARANTINE moves it, with the names of the expectations it failed, to <table>_quarantine.

CREATE OR REFRESH STREAMING TABLE cleaned_orders (
  CONSTRAINT valid_order_id    EXPECT (order_id IS NOT NULL)    ON VIOLATION DROP ROW,
  CONSTRAINT valid_customer_id EXPECT (customer_id IS NOT NULL) ON VIOLATION QUARANTINE,
  CONSTRAINT positive_amount   EXPECT (order_amount > 0)        ON VIOLATION QUARANTINE,
  CONSTRAINT `known status`    EXPECT (status IN ("shipped", "delivered", "returned"))
)
COMMENT 'Orders with an id, a customer and a positive amount'
TBLPROPERTIES ('quality' = 'silver')
AS SELECT order_id, customer_id, order_date, order_amount, status
FROM STREAM(raw_orders);

CREATE OR REFRESH MATERIALIZED VIEW cleaned_customers (
  CONSTRAINT valid_customer_id EXPECT (customer_id IS NOT NULL) ON VIOLATION DROP ROW,
  CONSTRAINT valid_email EXPECT (email RLIKE '^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$') ON VIOLATION QUARANTINE
)
COMMENT 'The latest version of each customer, with a valid email'
TBLPROPERTIES ('quality' = 'silver')
AS SELECT customer_id, email, first_name, last_name, country, updated_at
FROM (
  SELECT *,
         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS version_rank
  FROM raw_customers
)
WHERE version_rank = 1;
