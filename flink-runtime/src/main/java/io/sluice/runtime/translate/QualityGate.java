package io.sluice.runtime.translate;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.connectors.progress.PublishGate;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Quarantine;
import io.sluice.expectations.ExpectationSet;
import io.sluice.expectations.Expectations;
import io.sluice.runtime.plan.FlowPlan;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Puts a dataset's expectations operator into a flow's job: rows that pass (or only warn) go on,
 * dropped rows end there, quarantined rows go to the dataset's quarantine table (appended by
 * streaming flows, replaced by materialized views, like the dataset itself).
 */
final class QualityGate {
  private QualityGate() {}

  /** The schema of a dataset's quarantine table: its columns (all nullable) and the reasons. */
  static RowType quarantineSchema(RowType stored) {
    return Expectations.quarantineType(StorageTypes.ofQuery(stored));
  }

  /** Records the quarantine table's schema, so that the update sets the table up. */
  static void plan(TranslationContext ctx, Dataset dataset, RowType stored) {
    Quarantine.tableOf(dataset).ifPresent(q -> ctx.recordSchema(q, quarantineSchema(stored)));
  }

  static DataStream<RowData> apply(TranslationContext ctx, FlowPlan plan, Dataset dataset, ExpectationSet set,
      DataStream<RowData> checked, Optional<PublishGate> gate) {
    SingleOutputStreamOperator<RowData> kept =
        Expectations.apply(checked, set, plan.name() + "/expectations/" + dataset.name());
    Quarantine.tableOf(dataset).ifPresent(table -> {
      RowType schema = ctx.schema(table).orElseGet(() -> quarantineSchema(set.dataType()));
      WriteMode mode = plan.kind().bounded() && plan.kind() != io.sluice.runtime.plan.FlowKind.ONCE
          ? WriteMode.OVERWRITE : WriteMode.APPEND;
      ctx.sinks().writeTable(kept.getSideOutput(Expectations.quarantineTag(set)), plan, table, schema, mode, gate);
    });
    return kept;
  }
}
