-- Gold layer: order metrics per customer, and a segment per customer.

CREATE OR REFRESH MATERIALIZED VIEW enriched_customers
COMMENT 'Customer data with order metrics'
TBLPROPERTIES ('quality' = 'gold')
AS SELECT c.customer_id,
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
