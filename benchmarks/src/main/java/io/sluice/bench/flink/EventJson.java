package io.sluice.bench.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * W5's records as JSON values {@code {"id":n,"v":n,"sent_at":n}} (Jackson) and as rows
 * {@code (id, v, sent_at)} of BIGINTs, in both directions.
 */
final class EventJson {
  static final String[] COLUMNS = {"id", "v", "sent_at"};
  static final RowType ROW_TYPE = RowType.of(new LogicalType[] {new BigIntType(), new BigIntType(),
      new BigIntType()}, COLUMNS);
  /** The accumulator counting the records read. */
  static final String RECORDS_READ = "w5.records-read";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  /** Parses a value into a row and counts it; a value without the three fields fails the job. */
  static final class Parse extends RichMapFunction<String, RowData> {
    private final LongCounter read = new LongCounter();

    @Override
    public void open(OpenContext context) {
      getRuntimeContext().addAccumulator(RECORDS_READ, read);
    }

    @Override
    public RowData map(String value) throws IOException {
      read.add(1);
      JsonNode node = JSON.readTree(value);
      GenericRowData row = new GenericRowData(COLUMNS.length);
      for (int i = 0; i < COLUMNS.length; i++) {
        JsonNode field = node.get(COLUMNS[i]);
        if (field == null || !field.canConvertToLong()) {
          throw new IllegalArgumentException("Cannot read " + COLUMNS[i] + " of " + value
              + ": it must be a whole number. Send values as {\"id\":n,\"v\":n,\"sent_at\":n}.");
        }
        row.setField(i, field.asLong());
      }
      return row;
    }
  }

  /** Writes a row as its JSON value. */
  static final class Write implements SerializationSchema<RowData> {
    @Override
    public byte[] serialize(RowData row) {
      ObjectNode node = JSON.createObjectNode();
      for (int i = 0; i < COLUMNS.length; i++) {
        node.put(COLUMNS[i], row.getLong(i));
      }
      try {
        return JSON.writeValueAsBytes(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
