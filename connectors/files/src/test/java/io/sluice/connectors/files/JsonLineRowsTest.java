package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** A JSON line gives the same row on the fast way as parsed into a map and converted. */
class JsonLineRowsTest {
  private static final RowType SCHEMA = FileSchemaInference.parseSchema("id BIGINT, name STRING,"
      + " amount DECIMAL(10, 2), day DATE, ok BOOLEAN, score DOUBLE, n INT, tags ARRAY<STRING>");
  private static final List<String> FLAT = List.of(
      "{\"id\":1,\"name\":\"a\",\"amount\":12.34,\"day\":\"2024-01-02\",\"ok\":true,\"score\":1.5,\"n\":3}",
      "{\"id\":null,\"name\":null}",
      "{ \"n\" : -7 , \"score\" : 1 , \"amount\" : 5 }",
      "{\"id\":1,\"id\":2}",
      "{}");
  private static final List<String> OTHERS = List.of(
      "{\"id\":\"x\"}",
      "{\"id\":1,\"extra\":2}",
      "{\"id\":1,\"tags\":[\"a\",null]}",
      "{\"id\":1} trailing",
      "[1,2]",
      "{\"id\":99999999999999999999}",
      "{\"n\":2147483648}",
      "{\"amount\":123456789012.5}",
      "{\"day\":\"2024-13-01\"}",
      "{\"ok\":\"yes\"}",
      "{\"name\":{\"first\":\"a\"}}",
      "{\"id\":1,",
      "\"text\"");

  @Test
  void everyLineGivesTheRowOfTheGeneralWay() {
    for (boolean rescue : List.of(true, false)) {
      RecordConverter converter = new RecordConverter(SCHEMA, rescue);
      for (String line : concat(FLAT, OTHERS)) {
        assertSame(converter, line);
      }
    }
  }

  @Test
  void flatLinesOfKnownColumnsTakeTheFastWayAndOthersDoNot() {
    RowValueConverter columns = new RowValueConverter(SCHEMA);
    for (String line : FLAT) {
      assertThat(columns.fromFlatJson(line, null, 9)).as(line).isNotNull();
    }
    for (String line : OTHERS) {
      assertThat(columns.fromFlatJson(line, null, 9)).as(line).isNull();
    }
  }

  @Test
  void withASelectionOtherFieldsAreSkippedOnBothWays() {
    RecordConverter converter = new RecordConverter(SCHEMA, true, Optional.of(Set.of("id", "n")));
    for (String line : concat(FLAT, OTHERS)) {
      assertSame(converter, line);
    }
    boolean[] idAndN = {true, false, false, false, false, false, true, false};
    assertThat(new RowValueConverter(SCHEMA).fromFlatJson("{\"id\":1,\"extra\":{\"a\":[1]},\"name\":{}}", idAndN, 9))
        .isNotNull();
  }

  private static void assertSame(RecordConverter converter, String line) {
    Object general = result(() -> converter.convert(JsonLinesRecords.parse(line), "f.json"));
    Object fast = result(() -> converter.convertJsonLine(line, "f.json"));
    assertThat(fast).as(line).isEqualTo(general);
  }

  private static Object result(java.util.function.Supplier<RowData> conversion) {
    Throwable failure = catchThrowable(() -> conversion.get());
    return failure != null ? failure.getClass() + ": " + failure.getMessage() : conversion.get();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
