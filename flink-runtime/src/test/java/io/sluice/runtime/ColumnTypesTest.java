package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.types.ColumnTypes;
import org.junit.jupiter.api.Test;

class ColumnTypesTest {

  @Test
  void acceptsFlinkTypes() {
    assertThat(ColumnTypes.parse("DECIMAL(10, 2)").asSerializableString()).isEqualTo("DECIMAL(10, 2)");
    assertThat(ColumnTypes.parse("TIMESTAMP_LTZ(3)").asSerializableString()).isEqualTo("TIMESTAMP(3) WITH LOCAL TIME ZONE");
    assertThat(ColumnTypes.parse("ROW<a INT, b STRING>").asSerializableString())
        .isEqualTo("ROW<`a` INT, `b` VARCHAR(2147483647)>");
  }

  @Test
  void acceptsSparkSpellings() {
    assertThat(ColumnTypes.parse("long").asSerializableString()).isEqualTo("BIGINT");
    assertThat(ColumnTypes.parse("BINARY").asSerializableString()).isEqualTo("VARBINARY(2147483647)");
    assertThat(ColumnTypes.parse("TIMESTAMP_NTZ").asSerializableString()).isEqualTo("TIMESTAMP(6)");
    assertThat(ColumnTypes.parse("STRUCT<a: INTEGER, tags: ARRAY<STRING>>").asSerializableString())
        .isEqualTo("ROW<`a` INT, `tags` ARRAY<VARCHAR(2147483647)>>");
    assertThat(ColumnTypes.parse("MAP<STRING, LONG>").asSerializableString())
        .isEqualTo("MAP<VARCHAR(2147483647), BIGINT>");
  }

  @Test
  void explainsUnknownTypes() {
    assertThatThrownBy(() -> ColumnTypes.parse("NUMBERZ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot use type 'NUMBERZ'");
  }
}
