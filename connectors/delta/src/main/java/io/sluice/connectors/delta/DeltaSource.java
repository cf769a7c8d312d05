package io.sluice.connectors.delta;

import io.sluice.connectors.progress.CatchUpMarker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads a Delta table as Flink rows (type {@link #rowType()}, the table's schema when the source
 * was built), either its latest snapshot (bounded) or its snapshot followed by every later
 * appended file (unbounded). Partition columns and deletion vectors are applied by Kernel.
 *
 * <p>State survives checkpoints: the last enumerated table version, the files not yet assigned,
 * and per file being read the number of rows already emitted, so a restore neither loses nor
 * repeats rows. An incremental source fails when a later commit removes data (an overwrite,
 * delete or update upstream), since appending its files again would duplicate rows.
 */
public final class DeltaSource
    implements Source<RowData, DeltaSplit, DeltaEnumeratorState>, ResultTypeQueryable<RowData> {
  private static final long serialVersionUID = 1L;

  private final String tablePath;
  private final RowType rowType;
  private final boolean continuous;
  private final CatchUpMarker catchUpMarker;
  private final Duration pollInterval;

  private DeltaSource(String tablePath, boolean continuous, CatchUpMarker catchUpMarker,
      Duration pollInterval) {
    this.tablePath = Objects.requireNonNull(tablePath, "tablePath");
    this.rowType = DeltaTable.forPath(tablePath).schema();
    this.continuous = continuous;
    this.catchUpMarker = Objects.requireNonNull(catchUpMarker, "catchUpMarker");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** The table's latest snapshot when the job starts; bounded. The table must exist. */
  public static DeltaSource snapshot(String tablePath) {
    return new DeltaSource(tablePath, false, CatchUpMarker.none(), Duration.ZERO);
  }

  /**
   * The table's snapshot when the job first starts, then the files of every later commit in
   * version order, polling for commits every {@code pollInterval}; unbounded. {@code marker} is
   * set once everything up to the latest version at (re)start has been emitted.
   */
  public static DeltaSource incremental(String tablePath, CatchUpMarker marker,
      Duration pollInterval) {
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException(
          "Cannot poll Delta table " + tablePath + " every " + pollInterval + ": use a positive "
              + "interval such as 1 second.");
    }
    return new DeltaSource(tablePath, true, marker, pollInterval);
  }

  /** The type of the rows produced: the table's schema when the source was built. */
  public RowType rowType() {
    return rowType;
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return InternalTypeInfo.of(rowType);
  }

  @Override
  public Boundedness getBoundedness() {
    return continuous ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<RowData, DeltaSplit> createReader(SourceReaderContext readerContext) {
    return new DeltaSourceReader(readerContext, this);
  }

  @Override
  public SplitEnumerator<DeltaSplit, DeltaEnumeratorState> createEnumerator(
      SplitEnumeratorContext<DeltaSplit> enumContext) {
    return new DeltaSplitEnumerator(enumContext, this, new DeltaEnumeratorState(-1L, List.of()));
  }

  @Override
  public SplitEnumerator<DeltaSplit, DeltaEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<DeltaSplit> enumContext, DeltaEnumeratorState checkpoint) {
    return new DeltaSplitEnumerator(enumContext, this, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<DeltaSplit> getSplitSerializer() {
    return DeltaSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<DeltaEnumeratorState> getEnumeratorCheckpointSerializer() {
    return new DeltaEnumeratorStateSerializer();
  }

  String tablePath() {
    return tablePath;
  }

  boolean isContinuous() {
    return continuous;
  }

  CatchUpMarker catchUpMarker() {
    return catchUpMarker;
  }

  Duration pollInterval() {
    return pollInterval;
  }
}
