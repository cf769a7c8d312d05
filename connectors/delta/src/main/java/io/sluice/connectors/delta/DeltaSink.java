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
 */
public final class DeltaSink {
  private DeltaSink() {}

  public static Builder builder(String tablePath, RowType rowType) {
    return new Builder(tablePath, rowType);
  }

  /** Name of the accumulator counting rows the writers put into data files. */
  public static String rowsWrittenAccumulator(String uidPrefix) {
    return "sluice.rows-written." + uidPrefix;
  }

  /** Name of the accumulator counting rows in files committed by this run of the job. */
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

    /** Partition columns; for an append they may be left out (the table's are used). */
    /**
     * Defers publishing: completed checkpoints keep their files pending until the gate is open
     * for them; the first one allowed commits everything pending in one transaction (a triggered
     * update then becomes visible at once, and not at all if it fails).
     */
    public Builder publishGate(PublishGate publishGate) {
      this.gate = java.util.Objects.requireNonNull(publishGate, "publishGate");
      return this;
    }

    public Builder partitionColumns(List<String> columns) {
      this.partitionColumns = List.copyOf(columns);
      return this;
    }

    public Builder mode(WriteMode writeMode) {
      this.mode = Objects.requireNonNull(writeMode, "mode");
      return this;
    }

    /** Kernel transaction application id; required for appends from jobs with checkpoints. */
    public Builder applicationId(String id) {
      this.applicationId = id;
      return this;
    }

    /** Prefix of the operator uids ({@code <prefix>/writer}, {@code <prefix>/committer}). */
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

    /** Adds writer, committer and a terminal discarding sink after {@code input}. */
    public DataStreamSink<Void> build(DataStream<RowData> input) {
      DeltaSinkConfig config = config();
      SingleOutputStreamOperator<byte[]> files = input
          .transform("Delta writer " + uidPrefix,
              PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
              new DeltaWriterOperator(config))
          .uid(uidPrefix + "/writer");
      int parallelism = writerParallelism > 0 ? writerParallelism : input.getParallelism();
      if (parallelism > 0) {
        files.setParallelism(parallelism);
      }
      SingleOutputStreamOperator<Void> committed = files
          .transform("Delta committer " + uidPrefix, Types.VOID,
              new DeltaCommitterOperator(config))
          .uid(uidPrefix + "/committer")
          .setParallelism(1)
          .setMaxParallelism(1);
      return committed.sinkTo(new DiscardingSink<>())
          .uid(uidPrefix + "/end")
          .name("Delta commits done " + uidPrefix)
          .setParallelism(1);
    }

    DeltaSinkConfig config() {
      if (uidPrefix == null || uidPrefix.isBlank()) {
        throw new IllegalArgumentException(String.format(
            "Cannot build a Delta sink for %s without a uidPrefix: operator uids keep its state "
                + "across restores. Pass a prefix unique in the job, such as the flow name.",
            tablePath));
      }
      if (mode == WriteMode.APPEND && (applicationId == null || applicationId.isBlank())) {
        throw new IllegalArgumentException(String.format(
            "Cannot build an appending Delta sink for %s without an applicationId: commits are "
                + "made idempotent with it. Pass one naming the pipeline, flow and lineage.",
            tablePath));
      }
      DeltaTypes.toKernel(rowType); // fails early on unsupported types
      new PartitionValues(rowType, partitionColumns); // and on unknown partition columns
      return new DeltaSinkConfig(tablePath, rowType, partitionColumns, mode, applicationId,
          uidPrefix, targetFileRows, targetFileBytes, gate);
    }
  }
}
