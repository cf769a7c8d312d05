/**
 * PostgreSQL change data capture for Sluice: an unbounded source of change rows.
 *
 * <p>Public API: {@link io.sluice.connectors.cdc.postgres.PostgresCdcInput} (builds the source,
 * reads the tables' schemas, tells the row type), {@link
 * io.sluice.connectors.cdc.postgres.CapturedTable} (one table's columns, key and row type), {@link
 * io.sluice.connectors.cdc.postgres.MetadataColumn} (the columns every row ends with) and {@link
 * io.sluice.connectors.cdc.postgres.Startup}. Everything else is package-private.
 *
 * <p>The source is Flink CDC's {@code PostgresIncrementalSource}, with its splits, state and
 * serializers unchanged; {@code ChangeRowDeserializer} turns its Debezium records into rows of the
 * {@code UnionLayout}, with Flink CDC's value converters. {@code TableDiscovery} reads the catalog
 * over JDBC and {@code PostgresTypes} maps column types.
 */
package io.sluice.connectors.cdc.postgres;
