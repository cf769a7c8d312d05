package io.sluice.connectors.cdc.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

/** Settings, validation and row layout, without a database. */
class PostgresCdcInputTest {
  private static final CapturedTable ORDERS = table("public", "orders",
      List.of("id"), new RowType.RowField("id", new BigIntType(false)),
      new RowType.RowField("customer", VarCharType.STRING_TYPE));
  private static final CapturedTable CUSTOMERS = table("public", "customers",
      List.of("id"), new RowType.RowField("id", new BigIntType(false)),
      new RowType.RowField("name", VarCharType.STRING_TYPE));

  @Test
  void appliesFlinkCdcOptionNames() {
    PostgresCdcInput input = PostgresCdcInput.builder().options(Map.of(
        "hostname", "db", "port", "6543", "database-name", "shop", "schema-name", "public",
        "table-name", "orders, customers", "username", "cdc", "password", "s3cret",
        "slot.name", "shop_slot", "decoding.plugin.name", "pgoutput",
        "scan.startup.mode", "latest-offset"));

    assertThat(input.toString()).isEqualTo("PostgresCdcInput[postgresql://db:6543/shop as cdc,"
        + " password=****, tables=[orders, customers], slot=shop_slot, startup=LATEST]");
  }

  @Test
  void rejectsUnknownOptionsAndBadValuesWithoutEchoingThePassword() {
    assertThatThrownBy(() -> PostgresCdcInput.builder().options(Map.of("host", "db")))
        .hasMessageContaining("option 'host': unknown. Use one of [database-name,");
    assertThatThrownBy(() -> PostgresCdcInput.builder().decodingPlugin("wal2json"))
        .hasMessageContaining("only pgoutput is supported");
    assertThatThrownBy(() -> Startup.parse("earliest"))
        .hasMessageContaining("Use initial (snapshot, then changes) or latest");
    assertThatThrownBy(() -> PostgresCdcInput.builder().options(Map.of("port", "x")))
        .hasMessageContaining("port='x'");
    assertThatThrownBy(() -> PostgresCdcInput.builder()
        .options(Map.of("heartbeat.interval.ms", "soon")))
        .hasMessageContaining("heartbeat.interval.ms='soon': give a duration such as 30s");
    assertThatThrownBy(() -> PostgresCdcInput.builder()
        .options(Map.of("heartbeat.interval.ms", "0")))
        .hasMessageContaining("heartbeat interval of PT0S: give a positive duration");
    assertThat(PostgresCdcInput.builder().options(Map.of("heartbeat.interval.ms", "500ms")))
        .isNotNull();
    assertThat(PostgresCdcInput.builder().password("s3cret").toString())
        .contains("password=****").doesNotContain("s3cret");
  }

  @Test
  void saysWhichSettingIsMissing() {
    assertThatThrownBy(() -> PostgresCdcInput.builder().build())
        .hasMessage("Cannot build a PostgreSQL CDC source: no hostname. Set hostname to the"
            + " server's host name.");
    PostgresCdcInput input = PostgresCdcInput.builder().hostname("db").database("shop")
        .username("cdc");
    assertThatThrownBy(input::build).hasMessageContaining("no tables");
    input.capturedTables(List.of(ORDERS));
    assertThatThrownBy(input::build).hasMessageContaining("no slot.name");
    assertThatThrownBy(() -> input.slotName("Shop-Slot").build())
        .hasMessageContaining("Cannot use 'Shop-Slot' as slot name");
    assertThatThrownBy(() -> input.tableList("a.b.c").build())
        .hasMessageContaining("give it as schema.table");
    assertThatThrownBy(() -> input.tableList("public.\"Odd\"").build())
        .hasMessageContaining("is not a plain identifier");
    assertThatThrownBy(() -> input.schemaList("shop").tableList("public.orders").build())
        .hasMessageContaining("its schema is not one of the schemas given [shop]");
    assertThatThrownBy(() -> input.schemaList().tableList("orders", "public.orders").build())
        .hasMessageContaining("twice");
  }

  @Test
  void buildsFromCapturedTablesWithoutConnecting() {
    PostgresCdcInput input = PostgresCdcInput.builder().hostname("nowhere.invalid")
        .database("shop").username("cdc").password("s3cret").slotName("shop")
        .capturedTables(List.of(ORDERS, CUSTOMERS));

    assertThat(input.build().toString()).isEqualTo("PostgresChangeSource[postgresql://"
        + "nowhere.invalid:5432/shop as cdc, tables=[public.orders, public.customers],"
        + " publication=shop]");
    assertThat(input.producedType().asSummaryString()).isEqualTo("ROW<`id` BIGINT NOT NULL,"
        + " `customer` STRING, `name` STRING, `_op` STRING NOT NULL, `_lsn` BIGINT NOT NULL,"
        + " `_commit_ts` TIMESTAMP_LTZ(3) NOT NULL, `_table` STRING NOT NULL> NOT NULL");
  }

  @Test
  void aTableRowIsItsColumnsThenTheMetadata() {
    assertThat(ORDERS.rowType().getFieldNames())
        .containsExactly("id", "customer", "_op", "_lsn", "_commit_ts", "_table");
    assertThat(UnionLayout.of(List.of(ORDERS)).rowType()).isEqualTo(ORDERS.rowType());
    UnionLayout union = UnionLayout.of(List.of(ORDERS, CUSTOMERS));
    assertThat(union.positions("public.customers")).containsExactly(0, 2);
    assertThat(union.position(MetadataColumn.TABLE)).isEqualTo(6);
  }

  @Test
  void refusesTablesItCannotOrderOrLayOut() {
    assertThatThrownBy(() -> table("public", "logs", List.of(),
        new RowType.RowField("line", VarCharType.STRING_TYPE)))
        .hasMessageContaining("public.logs: it has no primary key");
    assertThatThrownBy(() -> table("public", "odd", List.of("id"),
        new RowType.RowField("id", new IntType(false)),
        new RowType.RowField("_op", VarCharType.STRING_TYPE)))
        .hasMessageContaining("its column _op has the name of a metadata column");
    CapturedTable intIds = table("public", "small", List.of("id"),
        new RowType.RowField("id", new IntType(false)));
    assertThatThrownBy(() -> UnionLayout.of(List.of(ORDERS, intIds)))
        .hasMessageContaining("column id is BIGINT in public.orders but INT in public.small."
            + " Capture them with one source each.");
  }

  @Test
  void readsNumericPrecisionFromTheTypeModifier() {
    int numeric12x3 = (12 << 16 | 3) + 4;
    assertThat(PostgresTypes.toFlink("t.c", "numeric", numeric12x3, true))
        .isEqualTo(new DecimalType(12, 3));
    assertThat(PostgresTypes.toFlink("t.c", "numeric", -1, false))
        .isEqualTo(new DecimalType(false, 38, 18));
    assertThatThrownBy(() -> PostgresTypes.toFlink("t.c", "numeric", (40 << 16) + 4, true))
        .hasMessageContaining("numeric(40,0)");
    assertThatThrownBy(() -> PostgresTypes.toFlink("t.c", "point", -1, true))
        .hasMessageContaining("column t.c of type point: not supported");
  }

  private static CapturedTable table(String schema, String name, List<String> key,
      RowType.RowField... fields) {
    return new CapturedTable(schema, name, new RowType(false, List.of(fields)), key, false);
  }
}
