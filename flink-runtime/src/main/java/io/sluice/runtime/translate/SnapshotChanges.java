package io.sluice.runtime.translate;

import io.sluice.core.model.ChangeSpec;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.cdc.SnapshotDiffer;
import io.sluice.runtime.plan.FlowPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;

/**
 * AUTO CDC FROM SNAPSHOT: the flow's query gives snapshot rows (the source's columns, then the
 * version of a versioned series if SEQUENCE BY is given); {@link SnapshotDiffer} turns them into
 * change events of the shape an AUTO CDC flow's query has ({@code __sluice_seq_0}, the version,
 * and {@code __sluice_delete}), which the flow then applies like any other changes. A source
 * without a version is one snapshot per update, versioned by the update's time
 * (TIMESTAMP_LTZ(3), so SCD type 2's {@code __START_AT} / {@code __END_AT} are times).
 */
final class SnapshotChanges {
  static final LogicalType UPDATE_TIME = new LocalZonedTimestampType(false, 3);

  private SnapshotChanges() {}

  /** The spec of the change events the differ emits: a sequence and a delete flag. */
  static ChangeSpec eventSpec(ChangeSpec snapshot) {
    return new ChangeSpec(snapshot.keys(), 1, false, true, false, snapshot.columns(), snapshot.scdType(),
        snapshot.trackHistory());
  }

  /** The differ's output type, or a problem if the flow cannot diff snapshots. */
  static Optional<RowType> eventType(ChangeSpec spec, RowType query, FlowPlan plan, TranslationContext ctx,
      List<Problem> problems) {
    if (ctx.continuous()) {
      problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, plan.flow().location(),
          "Cannot run AUTO CDC FROM SNAPSHOT flow '" + plan.name() + "' continuously: a snapshot is complete"
              + " only when a triggered update has read all of it",
          "Run the pipeline in triggered mode (on a schedule), or feed change events to AUTO CDC."));
      return Optional.empty();
    }
    if (spec.sequenceFields() > 1) {
      problems.add(Problem.error(ErrorCode.QUERY_INVALID, plan.flow().location(),
          "Cannot diff the snapshots of flow '" + plan.name() + "': SEQUENCE BY STRUCT(...) is not a version",
          "Give one column that holds each snapshot's version."));
      return Optional.empty();
    }
    int sources = spec.sequenceFields() == 0 ? query.getFieldCount() : query.getFieldCount() - 1;
    RowType source = new RowType(query.getFields().subList(0, sources));
    return Optional.of(SnapshotDiffer.outputType(source, versionType(spec, query)));
  }

  static LogicalType versionType(ChangeSpec spec, RowType query) {
    return spec.sequenceFields() == 0 ? UPDATE_TIME : query.getTypeAt(query.getFieldCount() - 1);
  }

  /** The change events of the snapshots in {@code rows}, keyed by the flow's keys. */
  static DataStream<RowData> diff(DataStream<RowData> rows, ChangeColumns c, ChangeSpec spec, RowType query,
      String flow, String applierUid, java.util.Optional<io.sluice.connectors.progress.PublishGate> gate) {
    int sources = c.source().getFieldCount();
    LogicalType version = versionType(spec, query);
    int versionField = spec.sequenceFields() == 0 ? -1 : sources;
    Long fixed = versionField < 0 ? System.currentTimeMillis() : null;
    DataStream<RowData> versions = rows.flatMap(new DistinctVersions(versionField, version),
            InternalTypeInfo.of(RowType.of(version)))
        .uid(flow + "/cdc/snapshot-versions").name("snapshot versions: " + flow).broadcast();
    return rows.keyBy(io.sluice.runtime.cdc.ChangeKeys.keySelector(c.keyFields(), c.keyTypes()),
            io.sluice.runtime.cdc.ChangeKeys.keyType(c.keyTypes()))
        .connect(versions)
        .transform("diff snapshots: " + flow, InternalTypeInfo.of(SnapshotDiffer.outputType(c.source(), version)),
            new SnapshotDiffer(c.source().getChildren().toArray(LogicalType[]::new), c.layout().valueFields(),
                versionField, version, fixed, flow, gate.orElse(null)))
        .uid(applierUid + "/snapshots");
  }

  /** Each version once per subtask (none for a source without versions). */
  private static final class DistinctVersions extends RichFlatMapFunction<RowData, RowData> {
    private final int field;
    private final LogicalType type;
    private transient Set<Object> seen;
    private transient RowData.FieldGetter getter;

    DistinctVersions(int field, LogicalType type) {
      this.field = field;
      this.type = type;
    }

    @Override
    public void flatMap(RowData row, Collector<RowData> out) {
      if (field < 0) {
        return;
      }
      if (seen == null) {
        seen = new HashSet<>();
        getter = RowData.createFieldGetter(type.copy(true), field);
      }
      Object version = getter.getFieldOrNull(row);
      if (version != null && seen.add(version)) {
        out.collect(GenericRowData.of(version));
      }
    }
  }
}
