-- Retail medallion pipeline: raw -> cleaned -> enriched -> segments.

-- Bronze: raw files, ingested incrementally.
CREATE OR REFRESH STREAMING TABLE raw_customers
COMMENT 'Raw customer data ingested from JSON files'
TBLPROPERTIES ('quality' = 'bronze')
AS SELECT * FROM STREAM read_files('/data/raw/customers/', format => 'json');

CREATE OR REFRESH STREAMING TABLE raw_orders
COMMENT 'Raw orders data ingested from Parquet files'
TBLPROPERTIES ('quality' = 'bronze')
AS SELECT * FROM STREAM read_files('/data/raw/orders/', format => 'parquet');

-- Silver: cleaned and validated.
CREATE OR REFRESH STREAMING TABLE cleaned_customers (
  CONSTRAINT valid_customer_id EXPECT (customer_id IS NOT NULL) ON VIOLATION DROP ROW,
  CONSTRAINT valid_email EXPECT (email IS NOT NULL AND email RLIKE '^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$') ON VIOLATION DROP ROW
)
COMMENT 'Cleaned and validated customer data with quality checks'
TBLPROPERTIES ('quality' = 'silver')
AS SELECT *, current_timestamp() AS processed_at
FROM STREAM(raw_customers);

CREATE OR REFRESH STREAMING TABLE cleaned_orders (
  CONSTRAINT valid_order_id EXPECT (order_id IS NOT NULL) ON VIOLATION DROP ROW,
  CONSTRAINT valid_customer_id EXPECT (customer_id IS NOT NULL) ON VIOLATION DROP ROW,
  CONSTRAINT valid_amount EXPECT (order_amount > 0) ON VIOLATION DROP ROW
)
COMMENT 'Cleaned orders data with quality checks'
TBLPROPERTIES ('quality' = 'silver')
AS SELECT * FROM STREAM(raw_orders);

-- Gold: enriched and aggregated.
CREATE OR REFRESH MATERIALIZED VIEW enriched_customers
COMMENT 'Enriched customer data with order metrics'
TBLPROPERTIES ('quality' = 'gold')
AS SELECT
  c.customer_id,
  c.email,
  c.first_name,
  c.last_name,
  COUNT(o.order_id) AS total_orders,
  COALESCE(SUM(o.order_amount), 0) AS lifetime_value,
  MAX(o.order_date) AS last_order_date
FROM cleaned_customers c
LEFT JOIN cleaned_orders o ON c.customer_id = o.customer_id
GROUP BY c.customer_id, c.email, c.first_name, c.last_name;

CREATE OR REFRESH MATERIALIZED VIEW customer_segments (
  CONSTRAINT has_segment EXPECT (segment IS NOT NULL)
)
COMMENT 'Customer segments based on lifetime value'
TBLPROPERTIES ('quality' = 'gold')
AS SELECT *,
  CASE
    WHEN lifetime_value >= 1000 THEN 'VIP'
    WHEN lifetime_value >= 500 THEN 'Premium'
    WHEN lifetime_value >= 100 THEN 'Regular'
    ELSE 'New'
  END AS segment
FROM enriched_customers;
