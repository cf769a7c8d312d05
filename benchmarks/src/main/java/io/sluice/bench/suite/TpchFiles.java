package io.sluice.bench.suite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes one part of a TPC-H table as JSON lines (numbers as JSON numbers, dates as
 * {@code "YYYY-MM-DD"}) and, optionally, as a Parquet file (INT64 DECIMAL(15,2), INT32 DATE,
 * UTF-8 strings; Snappy), in one pass over the generator. Returns the rows written.
 */
final class TpchFiles {
  private static final JsonFactory JSON = new JsonFactory();

  private TpchFiles() {}

  static <T> long write(TpchTable<T> table, Iterable<T> rows, Path json, Path parquet) throws IOException {
    MessageType schema = parquetSchema(table);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    long n = 0;
    try (OutputStream out = json == null ? OutputStream.nullOutputStream() : Files.newOutputStream(json);
        JsonGenerator g = JSON.createGenerator(out);
        ParquetWriter<Group> p = parquet == null ? null : parquetWriter(parquet, schema)) {
      g.setRootValueSeparator(null);
      for (T row : rows) {
        if (json != null) {
          writeJson(table, row, g);
        }
        if (p != null) {
          p.write(group(table, row, groups));
        }
        n++;
      }
    }
    return n;
  }

  private static <T> void writeJson(TpchTable<T> table, T row, JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (TpchTable.Column<T> c : table.columns()) {
      Object v = c.value().apply(row);
      g.writeFieldName(c.name());
      switch (c.kind()) {
        case BIGINT -> g.writeNumber((Long) v);
        case INT -> g.writeNumber((Integer) v);
        case DECIMAL -> g.writeNumber(BigDecimal.valueOf((Long) v, 2));
        case DATE -> g.writeString(LocalDate.ofEpochDay((Integer) v).toString());
        case STRING -> g.writeString((String) v);
        default -> throw new IllegalStateException("unknown kind " + c.kind());
      }
    }
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private static <T> Group group(TpchTable<T> table, T row, SimpleGroupFactory groups) {
    Group group = groups.newGroup();
    for (TpchTable.Column<T> c : table.columns()) {
      Object v = c.value().apply(row);
      switch (c.kind()) {
        case BIGINT, DECIMAL -> group.add(c.name(), (Long) v);
        case INT, DATE -> group.add(c.name(), (Integer) v);
        case STRING -> group.add(c.name(), (String) v);
        default -> throw new IllegalStateException("unknown kind " + c.kind());
      }
    }
    return group;
  }

  static MessageType parquetSchema(TpchTable<?> table) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (TpchTable.Column<?> c : table.columns()) {
      switch (c.kind()) {
        case BIGINT -> b.required(PrimitiveTypeName.INT64).named(c.name());
        case INT -> b.required(PrimitiveTypeName.INT32).named(c.name());
        case DECIMAL -> b.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(2, 15))
            .named(c.name());
        case DATE -> b.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
        case STRING -> b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
        default -> throw new IllegalStateException("unknown kind " + c.kind());
      }
    }
    return b.named(table.name());
  }

  private static ParquetWriter<Group> parquetWriter(Path file, MessageType schema) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
  }
}
