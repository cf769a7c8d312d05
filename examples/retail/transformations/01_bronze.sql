-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Bronze layer
-- MAGIC Raw files, ingested incrementally: every file is read once, whatever does not fit the
-- MAGIC schema lands in `_rescued_data` instead of being lost.

-- COMMAND ----------

CREATE OR REFRESH STREAMING TABLE raw_customers
COMMENT "Raw customer data ingested from JSON files"
TBLPROPERTIES ("quality" = "bronze")
AS SELECT * FROM STREAM read_files('${source_root}/customers', format => 'json')

-- COMMAND ----------

CREATE OR REFRESH STREAMING TABLE raw_orders
COMMENT "Raw orders ingested from CSV files"
TBLPROPERTIES ("quality" = "bronze")
AS SELECT * FROM STREAM read_files(
  '${source_root}/orders',
  format => 'csv',
  header => true,
  schema => 'order_id BIGINT, customer_id BIGINT, order_date DATE, order_amount DECIMAL(10, 2), status STRING'
)
