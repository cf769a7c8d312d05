package io.sluice.runtime.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.files.ReadColumns;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

/** What the planner prunes reaches the source's {@link ReadColumns}; the source itself stays as it was. */
class PrunableInputTest {
  private static final RowType TYPE = RowType.of(new org.apache.flink.table.types.logical.LogicalType[] {
      new BigIntType(), new VarCharType(VarCharType.MAX_LENGTH), new IntType()}, new String[] {"id", "name", "qty"});

  private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
      new Configuration().set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH));
  private final StreamTableEnvironment tEnv = StreamTableEnvironment.create(env,
      EnvironmentSettings.newInstance().inBatchMode().build());
  private final ReadColumns columns = ReadColumns.collecting();
  private final DataStream<RowData> source = env.fromData(List.<RowData>of(
          GenericRowData.of(1L, StringData.fromString("a"), 5), GenericRowData.of(2L, StringData.fromString("b"), 7)),
      InternalTypeInfo.of(TYPE)).uid("flow/source/in").name("source: in");

  private Table input() {
    return InputCatalog.registerIn(tEnv).register(tEnv, "in", new PrunableInput(source, TYPE, columns, true,
        "flow/source/in"));
  }

  @Test
  void theSourceReadsOnlyTheColumnsTheQueriesUse() throws Exception {
    tEnv.createTemporaryView("t", input());

    List<RowData> rows = collect(tEnv.sqlQuery("SELECT qty * 2 AS q FROM t WHERE id > 1"));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getInt(0)).isEqualTo(14);
    assertThat(columns.toString()).isEqualTo("columns [id, qty]");
  }

  @Test
  void everyScanAddsItsColumnsAndASelectStarReadsAll() {
    tEnv.createTemporaryView("t", input());
    translate(tEnv.sqlQuery("SELECT name FROM t"));
    assertThat(columns.toString()).isEqualTo("columns [name]");

    translate(tEnv.sqlQuery("SELECT * FROM t"));
    assertThat(columns.toString()).isEqualTo("columns [name, id, qty]");
  }

  @Test
  void theSourceKeepsItsUidAndNameAndTwoScansOfTheSameColumnsGetDistinctUids() {
    tEnv.createTemporaryView("t", input());
    translate(tEnv.sqlQuery("SELECT name FROM t"));
    translate(tEnv.sqlQuery("SELECT name FROM t"));
    StreamGraph graph = env.getStreamGraph(false);

    Set<String> uids = new java.util.HashSet<>();
    StreamSupport.stream(graph.getStreamNodes().spliterator(), false)
        .forEach(node -> uids.add(node.getTransformationUID()));
    assertThat(source.getTransformation().getUid()).isEqualTo("flow/source/in");
    assertThat(source.getTransformation().getName()).isEqualTo("source: in");
    assertThat(uids).contains("flow/source/in", "flow/source/in/columns/name", "flow/source/in/columns/name#2");
  }

  private DataStream<RowData> translate(Table table) {
    DataStream<RowData> out = tEnv.toDataStream(table,
        table.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
    out.sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>()).uid("sink-" + System.nanoTime());
    return out;
  }

  private List<RowData> collect(Table table) throws Exception {
    List<RowData> rows = new java.util.ArrayList<>();
    DataStream<RowData> stream = tEnv.toDataStream(table,
        table.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
    try (org.apache.flink.util.CloseableIterator<RowData> it = stream.executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
