package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * A test sink with exactly-once output: records are staged per checkpoint in operator state and
 * published to {@link #COMMITTED} only once their checkpoint completes, idempotently by writer
 * subtask and checkpoint id (so a replay after a failure cannot publish twice, and records after the
 * last checkpoint are never published before being replayed).
 */
final class CommitOnCheckpoint extends RichMapFunction<String, String>
    implements CheckpointedFunction, CheckpointListener {
  static final Map<String, List<String>> COMMITTED = new ConcurrentHashMap<>();

  private transient List<String> pending;
  private transient TreeMap<String, List<String>> staged;
  private transient ListState<String> state;

  static List<String> committedRows() {
    List<String> rows = new ArrayList<>();
    COMMITTED.values().forEach(rows::addAll);
    return rows;
  }

  @Override
  public String map(String value) {
    pending.add(value);
    return value;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    String key = String.format("%d-%019d", getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
        context.getCheckpointId());
    staged.put(key, pending);
    pending = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    staged.forEach((k, rows) -> rows.forEach(row -> entries.add(k + "\t" + row)));
    entries.addAll(staged.keySet().stream().map(k -> k + "\t").toList());
    state.update(entries);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    String upTo = String.format("%d-%019d", subtask, checkpointId);
    publish(staged.headMap(upTo, true));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    pending = new ArrayList<>();
    staged = new TreeMap<>();
    state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("staged", String.class));
    for (String entry : state.get()) {
      int tab = entry.indexOf('\t');
      List<String> rows = staged.computeIfAbsent(entry.substring(0, tab), k -> new ArrayList<>());
      if (tab < entry.length() - 1) {
        rows.add(entry.substring(tab + 1));
      }
    }
    // Everything restored belongs to the checkpoint we restored from, which completed.
    publish(staged);
  }

  private static void publish(Map<String, List<String>> checkpoints) {
    checkpoints.forEach(COMMITTED::putIfAbsent);
    checkpoints.clear();
  }
}
