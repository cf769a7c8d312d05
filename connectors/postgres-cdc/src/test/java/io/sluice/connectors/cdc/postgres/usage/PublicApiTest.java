package io.sluice.connectors.cdc.postgres.usage;


import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.cdc.postgres.CapturedTable;
import io.sluice.connectors.cdc.postgres.MetadataColumn;
import io.sluice.connectors.cdc.postgres.PostgresCdcInput;
import io.sluice.connectors.cdc.postgres.Startup;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.connectors.progress.PublishGate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** Uses the connector from another package, through its public API only. */
class PublicApiTest {
  @Test
  void wiresASourceFromAPlannedSchema() {
    // what a planner keeps from discoverTables(), so the job reads the schema it planned with
    CapturedTable orders = new CapturedTable("public", "orders", new RowType(false, List.of(
        new RowType.RowField("id", new BigIntType(false)),
        new RowType.RowField("status", VarCharType.STRING_TYPE))), List.of("id"), false);
    PostgresCdcInput input = PostgresCdcInput.builder()
        .options(Map.of("hostname", "db.invalid", "database-name", "shop", "username", "cdc",
            "password", "s3cret", "slot.name", "sluice_orders"))
        .startup(Startup.INITIAL)
        .capturedTables(List.of(orders));
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

    DataStream<RowData> rows = env.fromSource(input.build(), WatermarkStrategy.noWatermarks(),
        "orders-cdc").uid("flow-source");

    assertThat(rows.getType()).isEqualTo(InternalTypeInfo.of(orders.rowType()));
    assertThat(input.producedType()).isEqualTo(orders.rowType());
    assertThat(orders.rowType().getFieldNames()).containsExactly("id", "status",
        MetadataColumn.OP.columnName(), MetadataColumn.LSN.columnName(),
        MetadataColumn.COMMIT_TS.columnName(), MetadataColumn.TABLE.columnName());
  }

  @Test
  void wiresASourceForATriggeredRun() throws Exception {
    CapturedTable items = new CapturedTable("public", "items", new RowType(false, List.of(
        new RowType.RowField("id", new BigIntType(false)))), List.of("id"), false);
    PostgresCdcInput input = PostgresCdcInput.builder()
        .options(Map.of("hostname", "db.invalid", "database-name", "shop", "username", "cdc",
            "slot.name", "sluice_items"))
        .capturedTables(List.of(items))
        .catchUpMarker(CatchUpMarker.at("file:///tmp/update-1/caught-up/items"))
        .slotCommitGate(PublishGate.at("file:///tmp/update-1/publish/items"));

    Source<RowData, ?, ?> source = input.build();

    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(InstantiationUtil.clone(source)).as("serializable into the job graph").isNotNull();
  }
}
