package io.sluice.connectors.cdc.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.testing.postgres.EmbeddedPostgres;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schema discovery over JDBC against a real PostgreSQL: types, keys, replica identity, errors. */
class TableDiscoveryITCase {
  @RegisterExtension static final EmbeddedPostgres postgres = new EmbeddedPostgres();

  @BeforeAll
  static void createTables() {
    postgres.execute(
        "CREATE SCHEMA shop",
        "CREATE TABLE shop.typed (a INT2, b INT4 NOT NULL, c INT8, d SERIAL, e BIGSERIAL,"
            + " f NUMERIC(12,3), g NUMERIC, h FLOAT4, i FLOAT8, j BOOLEAN, k DATE,"
            + " l TIMESTAMP, m TIMESTAMP(3), n TIMESTAMPTZ, o TIMESTAMPTZ(0), p BYTEA, q TEXT,"
            + " r VARCHAR(10), s CHAR(3), t UUID, u JSON, v JSONB,"
            + " w INT GENERATED ALWAYS AS (b * 2) STORED, PRIMARY KEY (c, b))",
        "ALTER TABLE shop.typed DROP COLUMN a",
        "ALTER TABLE shop.typed REPLICA IDENTITY FULL",
        "CREATE TABLE public.other (b INT PRIMARY KEY, x TEXT)",
        "CREATE TABLE public.clash (c INT PRIMARY KEY)",
        "CREATE TABLE public.nokey (id INT, x TEXT)",
        "CREATE TABLE public.arrays (id INT PRIMARY KEY, tags TEXT[])",
        "CREATE VIEW public.v AS SELECT 1 AS one");
  }


  @Test
  void mapsColumnTypesToFlinkTypes() {
    List<CapturedTable> tables = input("shop.typed").discoverTables();

    assertThat(tables).hasSize(1);
    CapturedTable typed = tables.get(0);
    assertThat(typed.qualifiedName()).isEqualTo("shop.typed");
    assertThat(typed.primaryKey()).containsExactly("c", "b");
    assertThat(typed.replicaIdentityFull()).isTrue();
    assertThat(typed.columns().getFields()).extracting(f -> f.getName() + " "
        + f.getType().asSummaryString()).containsExactly(
            "b INT NOT NULL", "c BIGINT NOT NULL", "d INT NOT NULL", "e BIGINT NOT NULL",
            "f DECIMAL(12, 3)", "g DECIMAL(38, 18)", "h FLOAT", "i DOUBLE", "j BOOLEAN",
            "k DATE", "l TIMESTAMP(6)", "m TIMESTAMP(3)", "n TIMESTAMP_LTZ(6)",
            "o TIMESTAMP_LTZ(0)", "p BYTES", "q STRING", "r STRING", "s STRING", "t STRING",
            "u STRING", "v STRING");
  }

  @Test
  void unionsTheColumnsOfSeveralTables() {
    PostgresCdcInput input = input("typed", "public.other").schemaList("shop", "public");
    assertThatThrownBy(input::producedType).hasMessageContaining("schema.table");

    RowType type = input("shop.typed", "public.other").producedType();
    assertThat(type.getFieldNames()).startsWith("b", "c").endsWith("x", "_op", "_lsn",
        "_commit_ts", "_table");
    assertThat(type.getTypeAt(0)).as("a key column of every table").extracting(
        LogicalType::isNullable).isEqualTo(false);
    assertThat(type.getTypeAt(1)).as("a key column of one table").extracting(
        LogicalType::isNullable).isEqualTo(true);
    assertThat(input("other").producedType())
        .isEqualTo(input("other").discoverTables().get(0).rowType());
  }

  @Test
  void expandsTablePatternsIntoTheTablesThatMatchNow() {
    assertThat(input("public.o*", "shop.*").expandTablePatterns().tables())
        .containsExactly("public.other", "shop.typed");
    assertThat(input("c*").expandTablePatterns().tables()).as("unqualified: in public")
        .containsExactly("public.clash");
    assertThat(input("public.other").expandTablePatterns().tables()).as("no pattern: as given")
        .containsExactly("public.other");
    assertThatThrownBy(() -> input("public.nothing_*").expandTablePatterns())
        .hasMessageContaining("has none").hasMessageContaining("public.nothing_*");
  }

  @Test
  void refusesWhatItCannotCapture() {
    assertThatThrownBy(() -> input("missing").discoverTables())
        .hasMessageContaining("Cannot capture table public.missing: it does not exist");
    assertThatThrownBy(() -> input("v").discoverTables())
        .hasMessageContaining("public.v: it is not a table");
    assertThatThrownBy(() -> input("nokey").discoverTables())
        .hasMessageContaining("public.nokey: it has no primary key");
    assertThatThrownBy(() -> input("arrays").discoverTables())
        .hasMessageContaining("column public.arrays.tags of type text[]: not supported");
    assertThatThrownBy(() -> input("shop.typed", "clash").producedType())
        .hasMessageContaining("column c is BIGINT in shop.typed but INT in public.clash");
  }

  @Test
  void neverShowsThePassword() {
    PostgresCdcInput input = input("other").password("Wr0ng-Secret");

    assertThatThrownBy(input::discoverTables)
        .hasMessageContaining("Cannot read the captured tables from postgresql://127.0.0.1:"
            + postgres.port() + "/" + postgres.database() + " as " + postgres.user())
        .hasMessageContaining("password authentication failed")
        .satisfies(e -> assertThat(stackText(e)).doesNotContain("Wr0ng-Secret"));
    assertThat(input.toString()).contains("password=****").doesNotContain("Wr0ng-Secret");
  }

  private static PostgresCdcInput input(String... tables) {
    return PostgresCdcInput.builder()
        .hostname(postgres.host())
        .port(postgres.port())
        .database(postgres.database())
        .username(postgres.user())
        .password(postgres.password())
        .tableList(tables)
        .slotName("unused");
  }

  private static String stackText(Throwable error) {
    java.io.StringWriter text = new java.io.StringWriter();
    error.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
