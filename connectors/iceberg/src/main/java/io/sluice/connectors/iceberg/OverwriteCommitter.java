package io.sluice.connectors.iceberg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.io.WriteResult;

/**
 * Collects the writers' data files and, when every writer has finished, commits them in one
 * snapshot that removes every other data file of the table ({@code overwriteByRowFilter(true)}):
 * readers see the old content or the new, never a mix. The summary records the Flink job id
 * under the key Iceberg's own sink uses. Parallelism 1.
 */
final class OverwriteCommitter extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<byte[], Void>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  static final String FLINK_JOB_ID = "flink.job-id";

  private final TableLoader loader;
  private transient List<DataFile> files;

  OverwriteCommitter(TableLoader loader) {
    this.loader = loader;
  }

  static IllegalStateException noCheckpoints() {
    return new IllegalStateException("Cannot checkpoint an Iceberg overwrite: it keeps its files "
        + "in memory until the input ends. Run the job in BATCH runtime mode.");
  }

  @Override
  public void open() throws Exception {
    super.open();
    files = new ArrayList<>();
  }

  @Override
  public void processElement(StreamRecord<byte[]> element) throws Exception {
    WriteResult result =
        InstantiationUtil.deserializeObject(element.getValue(), getUserCodeClassloader());
    files.addAll(Arrays.asList(result.dataFiles()));
  }

  @Override
  public void endInput() throws Exception {
    loader.open();
    Table table = loader.loadTable();
    OverwriteFiles overwrite = table.newOverwrite()
        .overwriteByRowFilter(Expressions.alwaysTrue());
    files.forEach(overwrite::addFile);
    overwrite.set(FLINK_JOB_ID, getRuntimeContext().getJobInfo().getJobId().toString());
    overwrite.commit();
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    throw noCheckpoints();
  }

  @Override
  public void close() throws Exception {
    try {
      loader.close();
    } finally {
      super.close();
    }
  }
}
