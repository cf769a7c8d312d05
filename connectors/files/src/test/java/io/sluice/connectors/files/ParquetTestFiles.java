package io.sluice.connectors.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes small Parquet files for tests with Parquet's example object model. */
final class ParquetTestFiles {
  static final MessageType ORDERS =
      MessageTypeParser.parseMessageType(
          "message orders {\n"
              + "  required int64 id;\n"
              + "  optional binary name (STRING);\n"
              + "  optional int32 day (DATE);\n"
              + "  optional int64 ts (TIMESTAMP(MICROS,false));\n"
              + "  optional int64 ltz (TIMESTAMP(MILLIS,true));\n"
              + "  optional int64 amount (DECIMAL(10,2));\n"
              + "  optional double score;\n"
              + "  optional boolean flag;\n"
              + "  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }\n"
              + "  optional group attrs (MAP) { repeated group key_value {\n"
              + "    required binary key (STRING); optional int32 value; } }\n"
              + "  optional group address { optional binary city (STRING); optional int32 zip; }\n"
              + "  optional binary note (STRING);\n"
              + "}");

  private ParquetTestFiles() {}

  /** Writes {@code rows} records; {@code fill} sets the fields of record i. */
  static void write(Path file, MessageType schema, int rows, int rowsPerGroup, BiConsumer<Integer, Group> fill)
      throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withRowGroupRowCountLimit(rowsPerGroup)
            .build()) {
      for (int i = 0; i < rows; i++) {
        Group group = groups.newGroup();
        fill.accept(i, group);
        writer.write(group);
      }
    }
  }

  /** An order with every field set; the note says which record it is. */
  static void order(int i, Group g) {
    g.add("id", (long) i);
    g.add("name", "order-" + i);
    g.add("day", 19_000 + i);
    g.add("ts", 1_700_000_000_123_456L);
    g.add("ltz", 1_700_000_000_123L);
    g.add("amount", 1234L + i);
    g.add("score", 0.5 * i);
    g.add("flag", i % 2 == 0);
    Group tags = g.addGroup("tags");
    tags.addGroup("list").add("element", "a");
    tags.addGroup("list");
    Group attrs = g.addGroup("attrs");
    attrs.addGroup("key_value").append("key", "k").append("value", 7);
    g.addGroup("address").append("city", "Oslo").append("zip", 150);
    g.add("note", "n" + i);
  }
}
