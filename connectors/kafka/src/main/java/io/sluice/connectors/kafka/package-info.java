/**
 * Kafka for Sluice: an unbounded source of rows and an exactly-once sink.
 *
 * <p>Public API: {@link io.sluice.connectors.kafka.KafkaInput} (builds the source and tells its
 * row type) and {@link io.sluice.connectors.kafka.KafkaOutput} (adds the sink). Everything else is
 * package-private.
 *
 * <p>The source is Flink's {@code KafkaSource}, with its splits, state and serializers unchanged;
 * for triggered runs {@code CatchUpReader} and {@code CatchUpEnumerator} add the catch-up signal.
 * Values become rows through a {@code ValueFormat} ({@code JsonValues}, {@code AvroValues}, {@code
 * RawValues}) in {@code RowDeserializer}; the sink is Flink's {@code KafkaSink} with {@code
 * RowSerializer}.
 */
package io.sluice.connectors.kafka;
