package io.sluice.runtime.sink;

import io.sluice.connectors.kafka.KafkaOutput;
import io.sluice.core.model.Sink;
import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.translate.TranslationContext;
import io.sluice.runtime.translate.Uids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Kafka sinks: {@code CREATE SINK s USING kafka OPTIONS ('kafka.bootstrap.servers' = '...',
 * 'topic' = 't')}, written exactly once with {@link KafkaOutput#exactlyOnce}.
 *
 * <p>Each row is one record whose value is the row (JSON, or Avro). The sink's Kafka transactions
 * commit when a checkpoint completes, in triggered runs too: Kafka has no publish gate, and holding
 * a transaction open for a whole run would stall every read_committed consumer of the partitions
 * and lose the run's rows if it outlived the transaction timeout. Instead a failed triggered run
 * resumes from its newest checkpoint, after what it already committed (see {@link
 * SinkTargets#commitsEachCheckpoint}).
 *
 * <p>Transactional ids start with {@code sluice/<pipeline>/<flow>/<sink>} (option {@code
 * transactionalIdPrefix} to change it): unique per flow and sink, and the same across runs and
 * lineages, so that a restarted or refreshed flow aborts what an earlier attempt left open.
 */
final class KafkaSinks {
  static final List<String> OPTIONS = List.of("kafka.bootstrap.servers", "topic", "valueFormat",
      "avroSchema", "keyColumn", "transactionalIdPrefix");
  /** Options that only name the format ({@code WITH ('connector' = 'kafka')}). */
  private static final List<String> FORMAT_OPTIONS = List.of("format", "connector");

  private KafkaSinks() {}

  static boolean isKafka(Sink sink) {
    return sink.format().toLowerCase(Locale.ROOT).equals("kafka");
  }

  /** What is wrong with a Kafka sink's options, found without connecting; empty if nothing. */
  static Optional<String> problem(Sink sink) {
    try {
      options(sink);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  static DataStreamSink<?> write(DataStream<RowData> rows, FlowPlan plan, RowType schema,
      TranslationContext ctx) {
    Sink sink = (Sink) plan.target();
    String uidPrefix = Uids.sink(plan.name(), sink.name());
    Map<String, String> options = options(sink);
    options.putIfAbsent("transactionalIdPrefix",
        "sluice/" + ctx.spec().name() + "/" + plan.name() + "/" + sink.name());
    DataStream<RowData> counted = rows
        .map(new CommittedRowCounter(TableSinks.committedRowsAccumulator(plan)), rows.getType())
        .uid(uidPrefix + "/count")
        .name("count: " + sink.name());
    return KafkaOutput.exactlyOnce(counted, schema, options, uidPrefix);
  }

  /**
   * The connector's options: known names matched without regard to case ({@code bootstrapServers}
   * for {@code kafka.bootstrap.servers}, as read_kafka names it), {@code kafka.*} producer
   * properties as written.
   */
  private static Map<String, String> options(Sink sink) {
    Map<String, String> options = new LinkedHashMap<>();
    sink.options().forEach((name, value) -> {
      String key = name.equalsIgnoreCase("bootstrapServers") ? "kafka.bootstrap.servers" : name;
      Optional<String> known = OPTIONS.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst();
      if (known.isPresent()) {
        options.put(known.get(), value);
      } else if (key.toLowerCase(Locale.ROOT).startsWith("kafka.")) {
        options.put("kafka." + key.substring("kafka.".length()), value);
      } else if (FORMAT_OPTIONS.stream().noneMatch(key::equalsIgnoreCase)) {
        throw new IllegalArgumentException("Cannot use option '" + name + "' of Kafka sink '"
            + sink.name() + "': unknown. Use " + String.join(", ", OPTIONS)
            + ", or a kafka.* producer property.");
      }
    });
    for (String required : List.of("kafka.bootstrap.servers", "topic")) {
      if (options.getOrDefault(required, "").isBlank()) {
        throw new IllegalArgumentException("Cannot write Kafka sink '" + sink.name() + "': option '"
            + required + "' is missing. Add '" + required + "' = '"
            + (required.equals("topic") ? "topic-name" : "host:9092") + "' to its options.");
      }
    }
    String format = options.getOrDefault("valueFormat", "json").trim().toLowerCase(Locale.ROOT);
    if (!format.equals("json") && !format.equals("avro")) {
      throw new IllegalArgumentException("Cannot write Kafka sink '" + sink.name() + "' as '"
          + format + "': unknown value format. Use 'valueFormat' = 'json' or 'avro'.");
    }
    return options;
  }
}
