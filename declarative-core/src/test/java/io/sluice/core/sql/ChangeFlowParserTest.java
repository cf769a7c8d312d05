package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.ChangeSpec;
import io.sluice.core.model.ColumnSelection;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import org.junit.jupiter.api.Test;

class ChangeFlowParserTest {

  @Test
  void parsesEveryClauseOfAutoCdcIntoTheFlowsQueryAndSpec() {
    Parsed parsed = Parsed.sql("""
        CREATE STREAMING TABLE customers;
        CREATE FLOW apply AS AUTO CDC INTO customers
        FROM STREAM(cdc_feed)
        KEYS (id, `region`)
        IGNORE NULL UPDATES
        APPLY AS DELETE WHEN op = "DELETE"
        APPLY AS TRUNCATE WHEN op = 'TRUNCATE'
        SEQUENCE BY STRUCT(ts, seq_no)
        COLUMNS * EXCEPT (op, _rescued_data)
        STORED AS SCD TYPE 2
        TRACK HISTORY ON * EXCEPT (updated_at);
        """);

    assertThat(parsed.problems()).isEmpty();
    QueryFlow flow = parsed.flow("apply");
    assertThat(flow.target()).isEqualTo("customers");
    ChangeSpec spec = flow.changes().orElseThrow();
    assertThat(spec.keys()).containsExactly("id", "region");
    assertThat(spec.sequenceFields()).isEqualTo(2);
    assertThat(spec.ignoreNullUpdates()).isTrue();
    assertThat(spec.deleteWhen()).isTrue();
    assertThat(spec.truncateWhen()).isTrue();
    assertThat(spec.scdType()).isEqualTo(2);
    assertThat(spec.columns()).isEqualTo(new ColumnSelection(ColumnSelection.Mode.EXCEPT,
        java.util.List.of("op", "_rescued_data")));
    assertThat(spec.trackHistory().includes("updated_at")).isFalse();
    assertThat(spec.trackHistory().includes("name")).isTrue();
    String sql = flow.query().sql().text();
    assertThat(sql).startsWith("SELECT *, ts AS `__sluice_seq_0`, seq_no AS `__sluice_seq_1`,"
        + " (op = 'DELETE') AS `__sluice_delete`, (op = 'TRUNCATE') AS `__sluice_truncate` FROM ");
    assertThat(flow.query().references()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("cdc_feed");
      assertThat(r.streaming()).isTrue();
    });
  }

  @Test
  void theOlderStatementFormNamesItsFlowAfterTheTargetAndDefaultsToScdType1() {
    Parsed parsed = Parsed.sql("""
        CREATE OR REFRESH STREAMING LIVE TABLE target;
        APPLY CHANGES INTO LIVE.target FROM stream(LIVE.changes) KEYS (userId)
        APPLY AS DELETE WHEN operation = "DELETE" SEQUENCE BY sequenceNum
        COLUMNS * EXCEPT (operation, sequenceNum);
        """);

    assertThat(parsed.problems()).isEmpty();
    QueryFlow flow = parsed.flow("target");
    ChangeSpec spec = flow.changes().orElseThrow();
    assertThat(spec.scdType()).isEqualTo(1);
    assertThat(spec.sequenceFields()).isEqualTo(1);
    assertThat(spec.columns().includes("operation")).isFalse();
    assertThat(flow.query().references()).extracting(Reference::name).containsExactly("changes");
  }

  @Test
  void reportsAMissingSequenceAndARepeatedClauseAtTheirPlace() {
    Parsed parsed = Parsed.sql("""
        CREATE FLOW a AS AUTO CDC INTO t FROM STREAM(s) KEYS (id);
        CREATE FLOW b AS AUTO CDC INTO t FROM STREAM(s) KEYS (id) SEQUENCE BY ts SEQUENCE BY ts;
        CREATE FLOW c AS AUTO CDC INTO t FROM STREAM(s) KEYS (id) SEQUENCE BY ts STORED AS SCD TYPE 3;
        """);

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:57", "SQL_SYNTAX@2:74", "SQL_SYNTAX@3:93");
  }

  @Test
  void fromSnapshotReadsTheSourceAsIsWithAnOptionalVersion() {
    Parsed parsed = Parsed.sql("""
        CREATE STREAMING TABLE customers;
        AUTO CDC INTO customers FROM SNAPSHOT crm.customers KEYS (id) STORED AS SCD TYPE 2;
        CREATE STREAMING TABLE prices;
        AUTO CDC INTO prices FROM SNAPSHOT STREAM(price_files) KEYS (sku) SEQUENCE BY snapshot_date
          COLUMNS * EXCEPT (snapshot_date);
        """);

    assertThat(parsed.problems()).isEmpty();
    QueryFlow customers = parsed.flow("customers");
    ChangeSpec periodic = customers.changes().orElseThrow();
    assertThat(periodic.fromSnapshot()).isTrue();
    assertThat(periodic.sequenceFields()).isZero();
    assertThat(periodic.scdType()).isEqualTo(2);
    assertThat(customers.query().sql().text()).startsWith("SELECT * FROM ");
    assertThat(customers.query().references()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("crm.customers");
      assertThat(r.streaming()).isFalse();
    });

    QueryFlow prices = parsed.flow("prices");
    assertThat(prices.changes().orElseThrow().sequenceFields()).isEqualTo(1);
    assertThat(prices.query().sql().text()).startsWith("SELECT *, snapshot_date AS `__sluice_seq_0` FROM ");
    assertThat(prices.query().references()).singleElement().satisfies(r -> assertThat(r.streaming()).isTrue());
  }

  @Test
  void changeClausesAreRejectedWithFromSnapshot() {
    Parsed parsed = Parsed.sql("""
        CREATE FLOW a AS AUTO CDC INTO t FROM SNAPSHOT s KEYS (id) APPLY AS DELETE WHEN op = 'D';
        CREATE FLOW b AS AUTO CDC FROM SNAPSHOT s INTO t KEYS (id);
        CREATE FLOW c AS AUTO CDC INTO t FROM snapshot KEYS (id) SEQUENCE BY ts;
        """);

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:39", "SQL_SYNTAX@2:27");
    assertThat(parsed.flow("c").changes().orElseThrow().fromSnapshot()).as("a table named snapshot").isFalse();
  }
}
