package io.sluice.connectors.delta;

import io.delta.kernel.Transaction;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;

/**
 * Parallel writer of a {@link DeltaSink}: buffers rows per partition, writes a Parquet file
 * whenever a buffer holds {@code targetFileRows} rows, and before each checkpoint barrier (and at
 * the end of the input) writes what is left and sends every file written since the previous
 * barrier to the committer, tagged with the checkpoint id ({@link
 * DeltaCommittable#END_OF_INPUT} at the end of the input).
 *
 * <p>The writer keeps no state: all its files are handed to the committer before the barrier, so
 * they are in the committer's snapshot of that checkpoint. After a failure, rows after the last
 * checkpoint are replayed into new files; files of the failed attempt stay unreferenced.
 */
final class DeltaWriterOperator extends AbstractStreamOperator<byte[]>
    implements OneInputStreamOperator<RowData, byte[]>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final DeltaSinkConfig config;

  private transient DataFileWriter files;
  private transient PartitionValues partitioner;
  private transient RowDataSerializer rowSerializer;
  private transient Map<Map<String, String>, List<RowData>> buffers;
  private transient List<DeltaCommittable> written;
  private transient LongCounter rowsWritten;

  DeltaWriterOperator(DeltaSinkConfig config) {
    this.config = config;
    this.chainingStrategy = ChainingStrategy.ALWAYS; // chain to the input, like other sinks
  }

  @Override
  public void open() throws Exception {
    super.open();
    Engine engine = config.newEngine();
    Transaction transaction = new WriteTransactions(config, engine).forWriters();
    files = new DataFileWriter(engine, transaction, config.rowType());
    partitioner = new PartitionValues(config.rowType(), transaction.getPartitionColumns(engine));
    rowSerializer = new RowDataSerializer(config.rowType());
    buffers = new LinkedHashMap<>();
    written = new ArrayList<>();
    rowsWritten = new LongCounter();
    getRuntimeContext().addAccumulator(config.rowsWrittenAccumulator(), rowsWritten);
  }

  @Override
  public void processElement(StreamRecord<RowData> element) throws Exception {
    RowData row = rowSerializer.copy(element.getValue());
    Map<String, String> partition = partitioner.of(row);
    List<RowData> buffer = buffers.computeIfAbsent(partition, p -> new ArrayList<>());
    buffer.add(row);
    if (buffer.size() >= config.targetFileRows()) {
      writeBuffer(partition, buffers.remove(partition));
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flush(checkpointId);
  }

  @Override
  public void endInput() throws Exception {
    flush(DeltaCommittable.END_OF_INPUT);
  }

  private void flush(long checkpointId) throws IOException {
    for (Map.Entry<Map<String, String>, List<RowData>> buffer : buffers.entrySet()) {
      writeBuffer(buffer.getKey(), buffer.getValue());
    }
    buffers.clear();
    for (DeltaCommittable file : written) {
      output.collect(new StreamRecord<>(
          DeltaCommittableSerializer.INSTANCE.toBytes(file.withCheckpointId(checkpointId))));
    }
    written.clear();
  }

  private void writeBuffer(Map<String, String> partition, List<RowData> rows) {
    try {
      for (DeltaCommittable file : files.write(partition, rows)) {
        written.add(file);
        rowsWritten.add(file.rowCount());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(
          "Cannot write a data file of Delta table %s (partition %s): %s", config.tablePath(),
          partition, e.getMessage()), e);
    }
  }
}
