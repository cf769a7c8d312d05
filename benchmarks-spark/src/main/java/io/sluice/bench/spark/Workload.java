package io.sluice.bench.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One workload of benchmarks/WORKLOADS.md. Its timer starts just before its first Spark action and
 * stops when its last commit returns; the session is started before and stopped after.
 */
interface Workload {
  WorkloadResult run(SparkSession spark) throws Exception;
}
