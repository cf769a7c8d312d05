package io.sluice.connectors.delta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the files of a Delta table one at a time to readers that ask for work.
 *
 * <p>Discovery runs off the coordinator thread ({@link SplitDiscovery}); its results are applied
 * here only if they start from the version enumerated last, so an overlapping periodic run can
 * never enumerate a version twice. A bounded source lists the snapshot once and then tells idle
 * readers there is no more. A continuous source keeps polling for new commits.
 *
 * <p><b>Catch-up.</b> The target is the latest table version seen by the first discovery after
 * the enumerator (re)started. The source has caught up when every version up to the target is
 * enumerated, no split is pending, and every reader is waiting for work: a reader asks only after
 * it finished all its splits, including those restored from its own state. Then the marker is
 * set, once; polling continues.
 */
final class DeltaSplitEnumerator implements SplitEnumerator<DeltaSplit, DeltaEnumeratorState> {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaSplitEnumerator.class);

  private final SplitEnumeratorContext<DeltaSplit> context;
  private final DeltaSource source;
  private final ArrayDeque<DeltaSplit> pending;
  private final Set<Integer> waiting = new LinkedHashSet<>();
  private volatile long lastEnumeratedVersion;
  private long catchUpTarget = -1;
  private boolean caughtUp;
  private SplitDiscovery discovery;

  DeltaSplitEnumerator(SplitEnumeratorContext<DeltaSplit> context, DeltaSource source,
      DeltaEnumeratorState state) {
    this.context = context;
    this.source = source;
    this.pending = new ArrayDeque<>(state.pending());
    this.lastEnumeratedVersion = state.lastEnumeratedVersion();
  }

  @Override
  public void start() {
    discovery = new SplitDiscovery(source.tablePath(), DeltaTable.newEngine(Map.of()));
    if (source.isContinuous()) {
      long interval = source.pollInterval().toMillis();
      context.callAsync(this::discover, this::apply, 0L, interval);
    } else if (lastEnumeratedVersion < 0) {
      context.callAsync(this::discover, this::apply);
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    waiting.add(subtaskId);
    assignPending();
  }

  @Override
  public void addSplitsBack(List<DeltaSplit> splits, int subtaskId) {
    List<DeltaSplit> back = new ArrayList<>(splits);
    for (int i = back.size() - 1; i >= 0; i--) {
      pending.addFirst(back.get(i));
    }
    assignPending();
  }

  @Override
  public void addReader(int subtaskId) {
    waiting.remove(subtaskId); // a re-registered reader asks again once it has started
  }

  @Override
  public DeltaEnumeratorState snapshotState(long checkpointId) {
    return new DeltaEnumeratorState(lastEnumeratedVersion, List.copyOf(pending));
  }

  @Override
  public void close() {}

  private SplitDiscovery.Result discover() {
    return discovery.discover(lastEnumeratedVersion);
  }

  private void apply(SplitDiscovery.Result result, Throwable error) {
    if (error != null) {
      throw new FlinkRuntimeException(error.getMessage(), error);
    }
    if (result.afterVersion() != lastEnumeratedVersion) {
      return; // an overlapping discovery already covered these versions
    }
    if (catchUpTarget < 0) {
      catchUpTarget = result.toVersion();
      LOG.info("Delta source {} catches up to version {}", source.tablePath(), catchUpTarget);
    }
    pending.addAll(result.splits());
    lastEnumeratedVersion = result.toVersion();
    assignPending();
  }

  private void assignPending() {
    Iterator<Integer> readers = waiting.iterator();
    while (readers.hasNext() && !pending.isEmpty()) {
      int reader = readers.next();
      if (context.registeredReaders().containsKey(reader)) {
        context.assignSplit(pending.poll(), reader);
        readers.remove();
      }
    }
    if (pending.isEmpty() && lastEnumeratedVersion >= 0) {
      if (!source.isContinuous()) {
        waiting.forEach(context::signalNoMoreSplits);
        waiting.clear();
      } else {
        markIfCaughtUp();
      }
    }
  }

  private void markIfCaughtUp() {
    if (!caughtUp && catchUpTarget >= 0 && lastEnumeratedVersion >= catchUpTarget
        && waiting.size() == context.currentParallelism()) {
      source.catchUpMarker().mark();
      caughtUp = true;
      LOG.info("Delta source {} caught up with version {}", source.tablePath(), catchUpTarget);
    }
  }
}
