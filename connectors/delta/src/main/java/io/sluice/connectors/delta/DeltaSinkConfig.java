package io.sluice.connectors.delta;

import io.sluice.connectors.progress.PublishGate;
import io.delta.kernel.engine.Engine;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.RowType;

/**
 * Everything the sink's operators need, fixed when the job graph is built.
 *
 * @param tablePath the Delta table's path
 * @param rowType type of the rows written, in table column order
 * @param partitionColumns partition columns for an overwrite; otherwise empty or the table's
 * @param mode append, overwrite or snapshot
 * @param applicationId Kernel transaction application id of streaming appends and of snapshots
 *     (null otherwise)
 * @param uidPrefix prefix of operator uids and accumulator names
 * @param targetFileRows rows buffered per partition before a writer rolls a file
 * @param targetFileBytes Parquet size at which Kernel starts a new file, 0 for Kernel's default
 * @param gate from which checkpoint on completed checkpoints publish (always, unless the driver
 *     defers publishing to the end of a triggered run)
 */
record DeltaSinkConfig(
    String tablePath,
    RowType rowType,
    List<String> partitionColumns,
    WriteMode mode,
    String applicationId,
    String uidPrefix,
    int targetFileRows,
    long targetFileBytes,
    PublishGate gate) implements Serializable {

  private static final String TARGET_FILE_SIZE =
      "delta.kernel.default.parquet.writer.targetMaxFileSize";

  Engine newEngine() {
    return DeltaTable.newEngine(targetFileBytes > 0
        ? Map.of(TARGET_FILE_SIZE, Long.toString(targetFileBytes)) : Map.of());
  }

  String rowsWrittenAccumulator() {
    return DeltaSink.rowsWrittenAccumulator(uidPrefix);
  }

  String rowsCommittedAccumulator() {
    return DeltaSink.rowsCommittedAccumulator(uidPrefix);
  }
}
