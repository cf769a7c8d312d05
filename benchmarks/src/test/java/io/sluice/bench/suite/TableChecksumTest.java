package io.sluice.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delta tables written by hand (Parquet files and a one-commit log), read back by the checksum. */
class TableChecksumTest {
  private static final MessageType SCHEMA = Types.buildMessage()
      .required(PrimitiveTypeName.INT64).named("id")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
      .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(2, 15)).named("amount")
      .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("day")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("_meta")
      .named("t");
  private static final String DELTA_SCHEMA = "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":["
      + field("id", "long") + "," + field("name", "string") + "," + field("amount", "decimal(15,2)") + ","
      + field("day", "date") + "," + field("_meta", "string") + "]}";

  @TempDir Path dir;

  private record R(long id, String name, long cents, int day, String meta) {}

  private final R a = new R(1, "ann", 150, 19_000, "x");
  private final R b = new R(2, null, 2_000, 19_001, "y");
  private final R c = new R(3, "cy", 5, 19_002, null);

  @Test
  void sameRowsInAnotherOrderAndOtherFilesGiveTheSameChecksum() throws IOException {
    TableChecksum one = TableChecksum.of(table("one", List.of(List.of(a, b), List.of(c))));
    TableChecksum two = TableChecksum.of(table("two", List.of(List.of(c, a), List.of(b))));
    assertThat(one.rows()).isEqualTo(3);
    assertThat(two).isEqualTo(one);
  }

  @Test
  void oneChangedValueChangesTheChecksum() throws IOException {
    TableChecksum one = TableChecksum.of(table("one", List.of(List.of(a, b, c))));
    TableChecksum two = TableChecksum.of(table("two", List.of(List.of(a, b, new R(3, "cy", 6, 19_002, null)))));
    assertThat(two.rows()).isEqualTo(one.rows());
    assertThat(two.checksum()).isNotEqualTo(one.checksum());
  }

  @Test
  void underscoreColumnsAreLeftOut() throws IOException {
    TableChecksum one = TableChecksum.of(table("one", List.of(List.of(a, b, c))));
    TableChecksum two = TableChecksum.of(table("two", List.of(List.of(new R(1, "ann", 150, 19_000, "other"), b, c))));
    assertThat(two).isEqualTo(one);
  }

  @Test
  void rowTextFollowsTheContract() throws IOException {
    TableChecksum table = TableChecksum.of(table("one", List.of(List.of(a, b))));
    // columns in name order: amount, day, id, name
    long expected = TableChecksum.hash("1.5|2022-01-08|1|ann") + TableChecksum.hash("20|2022-01-09|2|\\N");
    assertThat(table.checksum()).isEqualTo(java.util.HexFormat.of().toHexDigits(expected));
    assertThat(TableChecksum.text(new BigDecimal("20.00"))).isEqualTo("20");
  }

  private Path table(String name, List<List<R>> files) throws IOException {
    Path table = dir.resolve(name);
    Files.createDirectories(table.resolve("_delta_log"));
    StringBuilder log = new StringBuilder("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
        + "{\"metaData\":{\"id\":\"" + name + "\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
        + "\"schemaString\":\"" + DELTA_SCHEMA + "\",\"partitionColumns\":[],\"configuration\":{},"
        + "\"createdTime\":0}}\n");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    for (int f = 0; f < files.size(); f++) {
      Path file = table.resolve("part-" + f + ".parquet");
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
          .build()) {
        for (R r : files.get(f)) {
          Group g = groups.newGroup().append("id", r.id()).append("amount", r.cents()).append("day", r.day());
          if (r.name() != null) {
            g.add("name", r.name());
          }
          if (r.meta() != null) {
            g.add("_meta", r.meta());
          }
          w.write(g);
        }
      }
      log.append("{\"add\":{\"path\":\"").append(file.getFileName()).append("\",\"partitionValues\":{},\"size\":")
          .append(Files.size(file)).append(",\"modificationTime\":0,\"dataChange\":true}}\n");
    }
    Files.writeString(table.resolve("_delta_log/00000000000000000000.json"), log);
    return table;
  }

  private static String field(String name, String type) {
    return "{\\\"name\\\":\\\"" + name + "\\\",\\\"type\\\":\\\"" + type
        + "\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}";
  }
}
