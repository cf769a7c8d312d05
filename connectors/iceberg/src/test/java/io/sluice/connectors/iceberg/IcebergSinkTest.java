package io.sluice.connectors.iceberg;

import static io.sluice.connectors.iceberg.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the sinks shape the job graph, and what they refuse; no cluster. */
class IcebergSinkTest {
  @TempDir Path dir;

  @Test
  void everyOperatorOfAnAppendHasAUidFromThePrefix() {
    String table = TestTables.uri(dir.resolve("t"));
    IcebergTable.forPath(table).create(ID_NAME, List.of("name"), Map.of());
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);

    IcebergSink.append(rows(env), table, "flow");

    assertThat(uids(env)).containsExactlyInAnyOrder(
        "rows", "flow-writer", "flow-committer", "flow-dummysink");
  }

  @Test
  void everyOperatorOfAnOverwriteHasAUidFromThePrefix() {
    String table = TestTables.create(dir.resolve("t"));
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH);

    IcebergSink.overwrite(rows(env), table, "mv");

    assertThat(uids(env)).containsExactlyInAnyOrder(
        "rows", "mv-writer", "mv-committer", "mv-end");
  }

  @Test
  void refusesToOverwriteFromAStreamingJob() {
    String table = TestTables.create(dir.resolve("t"));
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);

    assertThatThrownBy(() -> IcebergSink.overwrite(rows(env), table, "mv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot overwrite Iceberg table " + table + " from a STREAMING "
            + "job")
        .hasMessageEndingWith("Set execution.runtime-mode to BATCH, or append instead.");
  }

  @Test
  void refusesAMissingTableOrUidPrefix() {
    String missing = TestTables.uri(dir.resolve("missing"));
    String table = TestTables.create(dir.resolve("t"));
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);

    assertThatThrownBy(() -> IcebergSink.append(rows(env), missing, "flow"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot append to Iceberg table %s: it does not exist. Create it first with "
            + "IcebergTable.create (or replace).", missing);
    assertThatThrownBy(() -> IcebergSink.append(rows(env), table, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot build an Iceberg sink for " + table
            + " without a uidPrefix");
  }

  @Test
  void refusesRowsThatDoNotFitTheTable() {
    String table = TestTables.create(dir.resolve("t"));
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
    RowType other = (RowType) DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT()))
        .notNull().getLogicalType();
    DataStream<RowData> rows = env.fromData(InternalTypeInfo.of(other),
        (RowData) GenericRowData.of(1)).uid("rows");

    assertThatThrownBy(() -> IcebergSink.append(rows, table, "flow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write rows of type ROW<`id` INT> NOT NULL to Iceberg table %s: "
            + "column id is BIGINT in the table but INT in the definition; column name is in the "
            + "table but not in the definition. Produce the table's columns, or full-refresh the "
            + "dataset to change the table.", table);
  }

  @Test
  void everyOperatorOfAChangelogSinkHasAUidFromThePrefixAndRowsAreKeyedByTheEqualityColumns() {
    String table = TestTables.uri(dir.resolve("t"));
    IcebergTable.forPath(table).create(ID_NAME, List.of("name"), Map.of());
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);

    IcebergSink.applyChanges(rows(env), table, List.of("id"), "cdc");

    java.util.Collection<StreamNode> nodes = env.getStreamGraph().getStreamNodes();
    assertThat(nodes).extracting(StreamNode::getTransformationUID).containsExactlyInAnyOrder(
        "rows", "cdc-writer", "cdc-committer", "cdc-dummysink");
    StreamNode writer = nodes.stream()
        .filter(n -> "cdc-writer".equals(n.getTransformationUID())).findFirst().orElseThrow();
    assertThat(writer.getInEdges()).singleElement()
        .satisfies(edge -> assertThat(edge.getPartitioner().toString()).isEqualTo("HASH"));
  }

  @Test
  void refusesChangesToAFormatVersion1Table() {
    String table = TestTables.uri(dir.resolve("v1"));
    IcebergTable.forPath(table).create(ID_NAME, List.of(), Map.of("format-version", "1"));
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);

    assertThatThrownBy(() -> IcebergSink.applyChanges(rows(env), table, List.of("id"), "cdc"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot apply changes to Iceberg table " + table
            + ": it is format version 1, and row-level deletes need version 2.");
  }

  @Test
  void refusesEqualityColumnsIcebergCannotDeleteBy() {
    RowType doubles = (RowType) DataTypes.ROW(DataTypes.FIELD("id", DataTypes.DOUBLE()),
        DataTypes.FIELD("name", DataTypes.STRING())).notNull().getLogicalType();
    String table = TestTables.uri(dir.resolve("d"));
    IcebergTable.forPath(table).create(doubles, List.of(), Map.of());
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
    DataStream<RowData> rows = env.fromData(InternalTypeInfo.of(doubles),
        (RowData) GenericRowData.of(1.0, null)).uid("rows");

    assertThatThrownBy(() -> IcebergSink.applyChanges(rows, table, List.of("id"), "cdc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot apply changes to Iceberg table " + table
            + " by column id of type DOUBLE: Iceberg deletes rows by primitive columns other than "
            + "FLOAT and DOUBLE only.");
    assertThatThrownBy(() -> IcebergSink.applyChanges(rows, table, List.of("nope"), "cdc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot apply changes to Iceberg table %s by column nope: the table has no "
            + "top-level column of that name. Use some of id, name.", table);
    assertThatThrownBy(() -> IcebergSink.applyChanges(rows, table, List.of(), "cdc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot apply changes to Iceberg table " + table
            + " without equality columns");
  }

  private static StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRuntimeMode(mode);
    return env;
  }

  private static DataStream<RowData> rows(StreamExecutionEnvironment env) {
    return env.fromData(InternalTypeInfo.of(ID_NAME), TestTables.row(1, "a")).uid("rows");
  }

  /** The uid of every operator of the job; null would mean one has none. */
  private static List<String> uids(StreamExecutionEnvironment env) {
    return env.getStreamGraph().getStreamNodes().stream()
        .map(StreamNode::getTransformationUID)
        .collect(Collectors.toList());
  }
}
