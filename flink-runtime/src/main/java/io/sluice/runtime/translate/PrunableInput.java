package io.sluice.runtime.translate;

import io.sluice.connectors.files.ReadColumns;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A flow input (a file source) as a table whose unused columns the planner prunes: the columns a
 * scan keeps are added to the source's {@link ReadColumns}, so its reader decodes only what some
 * scan of the flow uses, and each scan gets the source's rows narrowed to its columns by a
 * stateless map. All scans share the one source, whose UID (and so its progress in savepoints)
 * does not depend on the columns.
 */
final class PrunableInput implements ScanTableSource, SupportsProjectionPushDown {
  private final DataStream<RowData> rows;
  private final RowType type;
  private final ReadColumns columns;
  private final boolean bounded;
  private final String uid;
  private final java.util.Set<String> scanUids;
  private int[] projection;

  PrunableInput(DataStream<RowData> rows, RowType type, ReadColumns columns, boolean bounded, String uid) {
    this(rows, type, columns, bounded, uid, new java.util.HashSet<>(), null);
  }

  private PrunableInput(DataStream<RowData> rows, RowType type, ReadColumns columns, boolean bounded, String uid,
      java.util.Set<String> scanUids, int[] projection) {
    this.rows = rows;
    this.type = type;
    this.columns = columns;
    this.bounded = bounded;
    this.uid = uid;
    this.scanUids = scanUids;
    this.projection = projection;
  }

  RowType type() {
    return type;
  }

  @Override
  public ChangelogMode getChangelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
    return new DataStreamScanProvider() {
      @Override
      public DataStream<RowData> produceDataStream(ProviderContext provider, StreamExecutionEnvironment env) {
        return scan();
      }

      @Override
      public boolean isBounded() {
        return bounded;
      }
    };
  }

  /**
   * The source's rows narrowed to this scan's columns, always through a map of its own: the planner
   * renames (and may re-UID) the transformation a provider returns, which must not be the source's.
   */
  private DataStream<RowData> scan() {
    int[] positions = projection != null ? projection : java.util.stream.IntStream.range(0, type.getFieldCount()).toArray();
    List<String> names = Arrays.stream(positions).mapToObj(i -> type.getFieldNames().get(i)).toList();
    columns.add(names);
    RowType narrowed = new RowType(Arrays.stream(positions).mapToObj(i -> type.getFields().get(i)).toList());
    RowData.FieldGetter[] getters = Arrays.stream(positions)
        .mapToObj(i -> RowData.createFieldGetter(type.getTypeAt(i), i)).toArray(RowData.FieldGetter[]::new);
    return rows.map(new Narrow(getters)).returns(InternalTypeInfo.of(narrowed))
        .uid(scanUid(uid + "/columns/" + String.join(",", names))).name("columns");
  }

  /** A scan's map UID: the second scan of the same columns (a self-join the planner kept apart) gets "#2". */
  private String scanUid(String base) {
    String candidate = base;
    for (int n = 2; !scanUids.add(candidate); n++) {
      candidate = base + "#" + n;
    }
    return candidate;
  }

  @Override
  public boolean supportsNestedProjection() {
    return false;
  }

  @Override
  public void applyProjection(int[][] projectedFields, DataType producedDataType) {
    projection = Arrays.stream(projectedFields).mapToInt(path -> path[0]).toArray();
  }

  @Override
  public DynamicTableSource copy() {
    return new PrunableInput(rows, type, columns, bounded, uid, scanUids, projection);
  }

  @Override
  public String asSummaryString() {
    return "sluice input " + uid;
  }

  /** The columns the getters read, of each row. */
  private record Narrow(RowData.FieldGetter[] getters) implements MapFunction<RowData, RowData> {
    @Override
    public RowData map(RowData row) {
      GenericRowData out = new GenericRowData(row.getRowKind(), getters.length);
      for (int i = 0; i < getters.length; i++) {
        out.setField(i, getters[i].getFieldOrNull(row));
      }
      return out;
    }
  }
}
