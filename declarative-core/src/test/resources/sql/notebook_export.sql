-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Orders pipeline
-- MAGIC Bronze -> silver for the `orders` feed; see ${docs_url} for the runbook.

-- COMMAND ----------

SET pipelines.trigger.interval = 1 hour

-- COMMAND ----------

SET spark.sql.shuffle.partitions=8

-- COMMAND ----------

-- DBTITLE 1,Bronze
CREATE OR REFRESH STREAMING LIVE TABLE orders_bronze
COMMENT "Raw orders, as delivered"
TBLPROPERTIES ("quality" = "bronze", pipelines.reset.allowed = false, 'delta.logRetentionDuration' = "interval 30 days")
AS SELECT *, current_timestamp() AS ingested_at
FROM cloud_files("${source_root}/orders", "json", map("cloudFiles.inferColumnTypes", "true"))

-- COMMAND ----------

-- MAGIC %python
-- MAGIC display(spark.table("orders_bronze"))

-- COMMAND ----------

CREATE OR REFRESH STREAMING LIVE TABLE orders_silver (
  CONSTRAINT `valid order id` EXPECT (order_id IS NOT NULL) ON VIOLATION DROP ROW,
  CONSTRAINT 'positive amount' EXPECT (amount > 0) ON VIOLATION FAIL UPDATE,
  CONSTRAINT "known status" EXPECT (status IN ("NEW", "SHIPPED", "DELIVERED"))
)
COMMENT "Orders that passed the checks"
TBLPROPERTIES ("quality" = "silver")
AS SELECT o.order_id, o.amount, upper(o.status) AS status, o.customer_id
FROM STREAM(LIVE.orders_bronze) o

-- COMMAND ----------

CREATE OR REFRESH LIVE TABLE daily_revenue
COMMENT "Revenue per day"
AS SELECT CAST(ingested_at AS DATE) AS day, SUM(amount) AS revenue
FROM LIVE.orders_silver
GROUP BY CAST(ingested_at AS DATE)

-- COMMAND ----------

CREATE TEMPORARY LIVE VIEW big_orders
AS SELECT * FROM LIVE.orders_silver WHERE amount > 1000
