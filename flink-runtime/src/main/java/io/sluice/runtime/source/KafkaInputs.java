package io.sluice.runtime.source;

import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.connectors.kafka.KafkaInput;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.core.model.Reference;
import io.sluice.runtime.translate.Uids;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.table.data.RowData;

/**
 * Kafka topics read with {@code read_kafka(...)}: always as a stream. A triggered run reads what
 * the topics hold when it starts (the source marks its catch-up, see {@link InputSources}) and
 * stops; the offsets are in the flow's savepoint, so the next run, triggered or continuous,
 * continues from there. {@code startingOffsets} only applies to a flow without state.
 *
 * <p>The input's key (part of the source's UID) names the subscription only, so that editing the
 * query or the other arguments keeps the offsets.
 */
public final class KafkaInputs {
  /** The option of an input's spec that holds the JSON schema (not a connector option). */
  private static final String SCHEMA = "schema";

  private KafkaInputs() {}

  /**
   * Resolves a read_kafka reference of a flow and checks every argument, without connecting.
   * Throws {@link IllegalArgumentException} with a message for the user when it cannot be read.
   *
   * @param bounded whether the flow is a batch job (a materialized view's recompute, a backfill)
   */
  public static InputSpec resolve(Reference ref, String flow, boolean bounded) {
    if (bounded) {
      throw new IllegalArgumentException("Cannot read Kafka topics '" + ref.name() + "' in flow '"
          + flow + "': the flow runs as a batch job (a materialized view recomputed in a triggered"
          + " run, or INSERT INTO ONCE), and Kafka topics are read as streams. Read them into a"
          + " streaming table with STREAM read_kafka(...), and let this flow read that table.");
    }
    ReadKafkaOptions.Resolved resolved = ReadKafkaOptions.resolve(ref.options());
    Map<String, String> options = new HashMap<>(resolved.connector());
    resolved.schema().ifPresent(s -> options.put(SCHEMA, s));
    KafkaInput input = input(options, CatchUpMarker.none());
    input.build();
    return new InputSpec(InputKind.KAFKA, "kafka:" + ref.name(), input.producedType(), true,
        options, "kafka-" + Uids.key(ref.name()));
  }

  static Source<RowData, ?, ?> source(InputSpec spec, CatchUpMarker marker) {
    return input(spec.options(), marker).build();
  }

  private static KafkaInput input(Map<String, String> options, CatchUpMarker marker) {
    Map<String, String> connector = new HashMap<>(options);
    String schema = connector.remove(SCHEMA);
    KafkaInput input = KafkaInput.builder().options(connector).catchUpMarker(marker);
    if (schema != null) {
      input.schema(FileSchemaInference.parseSchema(schema));
    } else if ("json".equals(connector.get("valueFormat"))) {
      throw new IllegalArgumentException("Cannot read Kafka values as json: no schema. Add schema"
          + " => 'id BIGINT, name STRING, ...' with the value's fields (what does not fit goes to"
          + " _rescued_data), or leave valueFormat out to get the value as bytes.");
    } else if ("debezium-json".equals(connector.get("valueFormat"))) {
      throw new IllegalArgumentException("Cannot read Kafka values as debezium-json: no schema. Add"
          + " schema => 'id BIGINT, name STRING, ...' with the table's columns (the rows end with"
          + " _op, _ts_ms, _source and _rescued_data).");
    }
    return input;
  }
}
