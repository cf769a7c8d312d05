package io.sluice.connectors.kafka;

import io.sluice.connectors.progress.CatchUpMarker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Builds an unbounded Kafka source of rows. Set the bootstrap servers, the topics (a
 * comma-separated list or a pattern) and how to read values: {@code json} with a schema, {@code
 * debezium-json} (Debezium change events) with the table's columns as schema, {@code avro} with an
 * Avro schema, {@code raw} (alias {@code string}) as one {@code value} STRING column, or {@code
 * binary} as one {@code value} BYTES column. JSON, Debezium and Avro rows end with a
 * rescued-data column (default {@code _rescued_data}) that keeps whatever did not fit, with its
 * topic, partition and offset. Then optionally a {@code key} column (STRING, or BYTES with {@link
 * #keyFormat} binary) and metadata columns ({@code topic}, {@code partition}, {@code offset},
 * {@code timestamp} TIMESTAMP_LTZ(3), {@code timestampType}, {@code headers}).
 *
 * <p>Reads with {@code isolation.level=read_committed} unless {@code kafka.isolation.level} says
 * otherwise. {@code startingOffsets} (default {@code latest}) applies only to a source without
 * state: a restored source continues from the offsets in its checkpoint or savepoint. With a
 * {@link CatchUpMarker} the source marks it once it has read every partition up to its end offset
 * of the moment the job (re)started, and goes on reading. The same settings can be given as
 * Spark-like options, see {@link #options(Map)}.
 */
public final class KafkaInput {
  public static final String DEFAULT_RESCUED_COLUMN = "_rescued_data";

  private String bootstrapServers;
  private Subscription subscription;
  private String startingOffsets = "latest";
  private String groupId;
  private final Map<String, String> kafkaProperties = new LinkedHashMap<>();
  private String valueFormat = "json";
  private RowType schema;
  private String avroSchema;
  private boolean includeKey;
  private boolean keyAsBytes;
  private final List<String> metadataColumns = new ArrayList<>();
  private boolean headersAsJson;
  private String rescuedColumn = DEFAULT_RESCUED_COLUMN;
  private CatchUpMarker marker = CatchUpMarker.none();

  private KafkaInput() {}

  public static KafkaInput builder() {
    return new KafkaInput();
  }

  /**
   * Applies Spark-like options: {@code kafka.bootstrap.servers}, {@code topic} (or {@code
   * subscribe}), {@code topicPattern} (or {@code subscribePattern}), {@code startingOffsets},
   * {@code groupId}, {@code valueFormat}, {@code avroSchema}, {@code includeKey}, {@code
   * keyFormat}, {@code metadataColumns} (comma-separated), {@code headersType} (map or string),
   * {@code rescuedDataColumn}, and any other {@code kafka.*} key as a consumer property. Unknown
   * keys are rejected with the list of known ones.
   */
  public KafkaInput options(Map<String, String> options) {
    InputOptions.apply(options, this);
    return this;
  }

  /** {@code host:port[,host:port...]} */
  public KafkaInput bootstrapServers(String servers) {
    this.bootstrapServers = servers;
    return this;
  }

  /** Comma-separated topic names. */
  public KafkaInput topics(String topics) {
    this.subscription = Subscription.topics(topics);
    return this;
  }

  /** Every topic whose whole name matches this Java regular expression. */
  public KafkaInput topicPattern(String regex) {
    this.subscription = Subscription.pattern(regex);
    return this;
  }

  /** earliest, latest, epoch milliseconds, or JSON {@code {"topic":{"0":23}}}. */
  public KafkaInput startingOffsets(String offsets) {
    this.startingOffsets = offsets;
    return this;
  }

  /** The consumer group: offsets are committed to it on checkpoints (for monitoring only). */
  public KafkaInput groupId(String id) {
    this.groupId = id;
    return this;
  }

  /** A Kafka consumer property, without the {@code kafka.} prefix of the options. */
  public KafkaInput kafkaProperty(String key, String value) {
    kafkaProperties.put(key, value);
    return this;
  }

  /**
   * json (default), debezium-json (change events: the table's columns from the schema, then {@code
   * _op}, {@code _ts_ms}, {@code _source}; tombstones skipped), avro, raw or string (a STRING
   * column), binary (a BYTES column).
   */
  public KafkaInput valueFormat(String format) {
    this.valueFormat = format.trim().toLowerCase(Locale.ROOT);
    return this;
  }

  /** The value columns of the json format; the table's columns of debezium-json. */
  public KafkaInput schema(RowType columns) {
    this.schema = columns;
    return this;
  }

  /** The Avro record schema (JSON) the values of the avro format were written with. */
  public KafkaInput avroSchema(String schemaJson) {
    this.avroSchema = schemaJson;
    return this;
  }

  public KafkaInput includeKey(boolean include) {
    this.includeKey = include;
    return this;
  }

  /** The key column's type: {@code string} (default, UTF-8 text) or {@code binary} (BYTES). */
  public KafkaInput keyFormat(String format) {
    switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "string":
        this.keyAsBytes = false;
        return this;
      case "binary":
        this.keyAsBytes = true;
        return this;
      default:
        throw new IllegalArgumentException("Cannot read Kafka keys as '" + format
            + "': unknown format. Use string or binary.");
    }
  }

  /** Some of topic, partition, offset, timestamp, headers; added in the order given. */
  public KafkaInput metadataColumns(List<String> names) {
    metadataColumns.clear();
    metadataColumns.addAll(names);
    return this;
  }

  /** Headers as a JSON object of UTF-8 texts (STRING) instead of MAP&lt;STRING, BYTES&gt;. */
  public KafkaInput headersAsJson(boolean json) {
    this.headersAsJson = json;
    return this;
  }

  public KafkaInput rescuedDataColumn(String name) {
    this.rescuedColumn = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Marked once the records present at (re)start have been read; none for continuous runs. */
  public KafkaInput catchUpMarker(CatchUpMarker catchUpMarker) {
    this.marker = Objects.requireNonNull(catchUpMarker, "catchUpMarker");
    return this;
  }

  /** The type of the produced rows; validates the value format settings. */
  public RowType producedType() {
    return deserializer().producedType();
  }

  /** The source; validates every setting. */
  public Source<RowData, ?, ?> build() {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Cannot build a Kafka source: no bootstrap servers."
          + " Set kafka.bootstrap.servers to host:port[,host:port...].");
    }
    if (subscription == null) {
      throw new IllegalArgumentException("Cannot build a Kafka source: no topics."
          + " Set topic (comma-separated names) or topicPattern.");
    }
    OffsetsInitializer starting = StartingOffsets.parse(startingOffsets);
    return new KafkaRowSource(
        ConsumerProperties.resolve(bootstrapServers, groupId, kafkaProperties, starting),
        subscription, starting, deserializer(), marker);
  }

  private RowDeserializer deserializer() {
    List<MetadataColumn> metadata = new ArrayList<>();
    for (String name : metadataColumns) {
      metadata.add(MetadataColumn.named(name, headersAsJson));
    }
    return new RowDeserializer(value(), includeKey, keyAsBytes, metadata);
  }

  private ValueFormat value() {
    switch (valueFormat) {
      case "json":
        if (schema == null) {
          throw new IllegalArgumentException("Cannot read Kafka values as json: no schema."
              + " Declare the value columns, or read them with valueFormat raw.");
        }
        return new JsonValues(schema, rescuedColumn);
      case "debezium-json":
        if (schema == null) {
          throw new IllegalArgumentException("Cannot read Kafka values as debezium-json: no schema."
              + " Declare the table's columns, for example id BIGINT, name STRING.");
        }
        return JsonValues.debezium(schema, rescuedColumn);
      case "avro":
        if (avroSchema == null) {
          throw new IllegalArgumentException("Cannot read Kafka values as avro: no Avro schema."
              + " Set avroSchema to the record schema (JSON) the values were written with.");
        }
        return new AvroValues(avroSchema, rescuedColumn);
      case "raw":
      case "string":
        return new RawValues();
      case "binary":
        return new BinaryValues();
      default:
        throw new IllegalArgumentException("Cannot read Kafka values as '" + valueFormat
            + "': unknown format. Use json, debezium-json, avro, raw, string or binary.");
    }
  }
}
