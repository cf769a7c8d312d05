package io.sluice.connectors.iceberg;

import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Writes its rows into data files with Iceberg's Flink task writer (partitioned by the table's
 * spec, in the table's file format) and, when its input ends, emits the Java-serialized
 * {@link org.apache.iceberg.io.WriteResult} to the {@link OverwriteCommitter}. No state: only for
 * jobs without checkpoints (BATCH).
 */
final class OverwriteWriter extends AbstractStreamOperator<byte[]>
    implements OneInputStreamOperator<RowData, byte[]>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final TableLoader loader;
  private transient TaskWriter<RowData> writer;

  OverwriteWriter(TableLoader loader) {
    this.loader = loader;
  }

  @Override
  public void open() throws Exception {
    super.open();
    loader.open();
    Table table = loader.loadTable();
    FileFormat format = FileFormat.fromString(PropertyUtil.propertyAsString(table.properties(),
        TableProperties.DEFAULT_FILE_FORMAT, TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
    long targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    RowDataTaskWriterFactory factory = new RowDataTaskWriterFactory(table,
        FlinkSchemaUtil.convert(table.schema()), targetFileSize, format, table.properties(),
        null, false);
    factory.initialize(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
        getRuntimeContext().getTaskInfo().getAttemptNumber());
    writer = factory.create();
  }

  @Override
  public void processElement(StreamRecord<RowData> element) throws Exception {
    writer.write(element.getValue());
  }

  @Override
  public void endInput() throws Exception {
    output.collect(new StreamRecord<>(InstantiationUtil.serializeObject(writer.complete())));
    writer = null;
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    throw OverwriteCommitter.noCheckpoints();
  }

  @Override
  public void close() throws Exception {
    try {
      if (writer != null) {
        writer.abort(); // the input did not end: delete the files written so far
      }
    } finally {
      loader.close();
      super.close();
    }
  }
}
