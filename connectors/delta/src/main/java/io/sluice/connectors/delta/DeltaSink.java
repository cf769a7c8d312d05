package io.sluice.connectors.delta;

import io.sluice.connectors.progress.PublishGate;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Writes a stream of rows to a Delta table with exactly-once commits: parallel writers produce
 * Parquet files, one committer commits them (see {@link DeltaCommitterOperator} for how and under
 * which assumptions).
 *
 * <pre>{@code
 * DeltaSink.builder("file:///data/tables/orders", rowType)
 *     .applicationId(pipeline + "/" + flow + "/" + lineage)
 *     .uidPrefix("orders")
 *     .build(rows);
 * }</pre>
 *
 * <p>A materialized view maintained by a streaming job keeps its table equal to the query's
 * changelog with {@link WriteMode#SNAPSHOT} (see {@link DeltaSnapshotCommitterOperator}):
 *
 * <pre>{@code
 * DeltaSink.builder("file:///data/tables/totals", rowType)
 *     .mode(WriteMode.SNAPSHOT)
 *     .applicationId(pipeline + "/" + flow + "/" + lineage)
 *     .uidPrefix("totals")
 *     .build(changelog);
 * }</pre>
 */
public final class DeltaSink {
  private DeltaSink() {}

  public static Builder builder(String tablePath, RowType rowType) {
    return new Builder(tablePath, rowType);
  }

  /**
   * Name of the accumulator counting rows the writers put into data files (with {@link
   * WriteMode#SNAPSHOT}, every rewrite of a writer's part counts again).
   */
  public static String rowsWrittenAccumulator(String uidPrefix) {
    return "sluice.rows-written." + uidPrefix;
  }

  /**
   * Name of the accumulator counting rows in files committed by this run of the job; with {@link
   * WriteMode#SNAPSHOT}, the number of rows in the table after this run's last commit (0 if the
   * run committed nothing).
   */
  public static String rowsCommittedAccumulator(String uidPrefix) {
    return "sluice.rows-committed." + uidPrefix;
  }

  /** Options of a {@link DeltaSink}; only the table path and the row type are required. */
  public static final class Builder {
    private final String tablePath;
    private final RowType rowType;
    private List<String> partitionColumns = List.of();
    private WriteMode mode = WriteMode.APPEND;
    private String applicationId;
    private String uidPrefix;
    private int targetFileRows = 100_000;
    private long targetFileBytes;
    private int writerParallelism = -1;
    private PublishGate gate = PublishGate.always();

    private Builder(String tablePath, RowType rowType) {
      this.tablePath = Objects.requireNonNull(tablePath, "tablePath");
      this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    /**
     * Defers publishing: completed checkpoints keep their files pending until the gate is open
     * for them; the first one allowed commits everything pending in one transaction (a triggered
     * update then becomes visible at once, and not at all if it fails). With {@link
     * WriteMode#SNAPSHOT} only the newest pending content is committed.
     */
    public Builder publishGate(PublishGate publishGate) {
      this.gate = java.util.Objects.requireNonNull(publishGate, "publishGate");
      return this;
    }

    /**
     * Partition columns; for an append or a snapshot they may be left out (the table's are
     * used).
     */
    public Builder partitionColumns(List<String> columns) {
      this.partitionColumns = List.copyOf(columns);
      return this;
    }

    public Builder mode(WriteMode writeMode) {
      this.mode = Objects.requireNonNull(writeMode, "mode");
      return this;
    }

    /**
     * Kernel transaction application id; required for appends and snapshots (commits record the
     * checkpoint id under it). Use a new one whenever the job starts without its state.
     */
    public Builder applicationId(String id) {
      this.applicationId = id;
      return this;
    }

    /**
     * Prefix of the operator uids ({@code <prefix>/writer}, {@code <prefix>/committer}, {@code
     * <prefix>/end}) and of the accumulator names.
     */
    public Builder uidPrefix(String prefix) {
      this.uidPrefix = prefix;
      return this;
    }

    /** Rows a writer buffers per partition before it writes a file (default 100,000). */
    public Builder targetFileRows(int rows) {
      if (rows <= 0) {
        throw new IllegalArgumentException(
            "Cannot use targetFileRows " + rows + ": use 1 or more");
      }
      this.targetFileRows = rows;
      return this;
    }

    /** Parquet size in bytes at which a file is closed and the next one started. */
    public Builder targetFileSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException(
            "Cannot use targetFileSize " + bytes + ": use 1 or more");
      }
      this.targetFileBytes = bytes;
      return this;
    }

    /** Parallelism of the writers; defaults to the input's. */
    public Builder writerParallelism(int parallelism) {
      this.writerParallelism = parallelism;
      return this;
    }

    /**
     * Adds writer, committer and a terminal discarding sink after {@code input}. With {@link
     * WriteMode#SNAPSHOT} the input is a changelog and is first keyed by row content.
     */
    public DataStreamSink<Void> build(DataStream<RowData> input) {
      DeltaSinkConfig config = config();
      SingleOutputStreamOperator<byte[]> files = config.mode() == WriteMode.SNAPSHOT
          ? snapshotWriters(input, config) : writers(input, config);
      int parallelism = writerParallelism > 0 ? writerParallelism : input.getParallelism();
      if (parallelism > 0) {
        files.setParallelism(parallelism);
      }
      SingleOutputStreamOperator<Void> committed = files
          .transform("Delta committer " + uidPrefix, Types.VOID, config.mode() == WriteMode.SNAPSHOT
              ? new DeltaSnapshotCommitterOperator(config) : new DeltaCommitterOperator(config))
          .uid(uidPrefix + "/committer")
          .setParallelism(1)
          .setMaxParallelism(1);
      return committed.sinkTo(new DiscardingSink<>())
          .uid(uidPrefix + "/end")
          .name("Delta commits done " + uidPrefix)
          .setParallelism(1);
    }

    private static SingleOutputStreamOperator<byte[]> writers(DataStream<RowData> input,
        DeltaSinkConfig config) {
      return input
          .transform("Delta writer " + config.uidPrefix(),
              PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
              new DeltaWriterOperator(config))
          .uid(config.uidPrefix() + "/writer");
    }

    private static SingleOutputStreamOperator<byte[]> snapshotWriters(DataStream<RowData> input,
        DeltaSinkConfig config) {
      RowContentKey key = new RowContentKey(config.rowType());
      return input.keyBy(key, key.keyType())
          .transform("Delta snapshot writer " + config.uidPrefix(),
              PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
              new DeltaSnapshotWriterOperator(config))
          .uid(config.uidPrefix() + "/writer");
    }

    DeltaSinkConfig config() {
      if (uidPrefix == null || uidPrefix.isBlank()) {
        throw new IllegalArgumentException(String.format(
            "Cannot build a Delta sink for %s without a uidPrefix: operator uids keep its state "
                + "across restores. Pass a prefix unique in the job, such as the flow name.",
            tablePath));
      }
      if (mode != WriteMode.OVERWRITE && (applicationId == null || applicationId.isBlank())) {
        throw new IllegalArgumentException(String.format(
            "Cannot build %s Delta sink for %s without an applicationId: commits are "
                + "made idempotent with it. Pass one naming the pipeline, flow and lineage.",
            mode == WriteMode.APPEND ? "an appending" : "a snapshot", tablePath));
      }
      DeltaTypes.toKernel(rowType); // fails early on unsupported types
      new PartitionValues(rowType, partitionColumns); // and on unknown partition columns
      return new DeltaSinkConfig(tablePath, rowType, partitionColumns, mode, applicationId,
          uidPrefix, targetFileRows, targetFileBytes, gate);
    }
  }
}
