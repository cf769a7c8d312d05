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
 *
 * <p>Triggered runs ({@code PostgresCdcInput#catchUpMarker}): {@code CatchUpSource} is Flink CDC's
 * source with a {@code CatchUpEmitter}, whose {@code CatchUpPoint} marks the catch-up once the
 * stream has been read up to a logical decoding message written when the stream reader started;
 * {@code CatchUpReader} moves the slot only at checkpoints the publish gate lets through.
 */
package io.sluice.connectors.cdc.postgres;
