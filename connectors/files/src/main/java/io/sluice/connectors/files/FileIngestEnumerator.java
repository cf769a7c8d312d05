package io.sluice.connectors.files;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands files to readers one at a time, oldest first, each path once for the life of the source
 * state (a file modified after it was processed is not read again). Lists the location at start
 * and, when unbounded, again every discovery interval. Paces assignment to at most
 * {@code maxFilesPerTrigger} files between two checkpoints, and marks the catch-up marker once the
 * files present at (re)start have all been read (see {@link CatchUpTracker}).
 */
final class FileIngestEnumerator implements SplitEnumerator<FileSplit, EnumeratorState> {
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestEnumerator.class);

  private final SplitEnumeratorContext<FileSplit> context;
  private final SourceSettings settings;
  private final Set<String> processed;
  private final Deque<FileSplit> pending = new ArrayDeque<>();
  private final Set<String> pendingPaths = new HashSet<>();
  private final Set<Integer> waitingReaders = new LinkedHashSet<>();
  private final CatchUpTracker catchUp = new CatchUpTracker();
  private int assignedSinceCheckpoint;
  private boolean listed;
  private boolean caughtUp;

  FileIngestEnumerator(
      SplitEnumeratorContext<FileSplit> context, SourceSettings settings, EnumeratorState state) {
    this.context = context;
    this.settings = settings;
    this.processed = new HashSet<>(state.processedPaths());
    for (FileSplit split : state.pending()) {
      pending.add(split);
      pendingPaths.add(split.path());
    }
  }

  @Override
  public void start() {
    if (context.metricGroup() != null) {
      // The backlog: files found and not handed to a reader yet (read by the run's progress).
      context.metricGroup().gauge("pendingFiles", () -> (long) pendingPaths.size());
    }
    FileDiscovery files = settings.read().files();
    if (settings.isBounded()) {
      context.callAsync(files::list, this::onListing);
    } else {
      context.callAsync(files::list, this::onListing, 0L, settings.discoveryInterval().toMillis());
    }
  }

  private void onListing(List<FileSplit> files, Throwable error) {
    if (error != null) {
      throw new FlinkRuntimeException(
          "Cannot list files in " + settings.read().files().location() + ": " + error.getMessage()
              + ". Check that the location is readable.", error);
    }
    for (FileSplit file : files) {
      if (!processed.contains(file.path()) && pendingPaths.add(file.path())) {
        pending.add(file);
      }
    }
    if (!listed) {
      listed = true;
      catchUp.setTargets(pendingPaths);
      LOG.info("Listed {}: {} files to read", settings.read().files().location(), pending.size());
    }
    assignPending();
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    waitingReaders.add(subtaskId);
    catchUp.readerAsked(subtaskId);
    assignPending();
  }

  @Override
  public void addSplitsBack(List<FileSplit> splits, int subtaskId) {
    List<String> paths = new ArrayList<>();
    for (int i = splits.size() - 1; i >= 0; i--) {
      FileSplit split = splits.get(i);
      pending.addFirst(split);
      pendingPaths.add(split.path());
      processed.remove(split.path());
      paths.add(split.path());
    }
    waitingReaders.remove(subtaskId);
    catchUp.splitsReturned(subtaskId, paths);
  }

  /**
   * A reader registered, for the first time or after a failure. Until it asks for a split (which it
   * does once it holds none, after finishing any split restored from a checkpoint) it is busy.
   */
  @Override
  public void addReader(int subtaskId) {
    waitingReaders.remove(subtaskId);
    catchUp.readerStarted(subtaskId);
  }

  @Override
  public EnumeratorState snapshotState(long checkpointId) {
    EnumeratorState state = new EnumeratorState(Set.copyOf(processed), List.copyOf(pending));
    assignedSinceCheckpoint = 0;
    if (!waitingReaders.isEmpty() && !pending.isEmpty()) {
      // After this checkpoint, so that the new assignments belong to the next one.
      context.runInCoordinatorThread(this::assignPending);
    }
    return state;
  }

  private void assignPending() {
    waitingReaders.retainAll(context.registeredReaders().keySet()); // failed since they asked
    Iterator<Integer> readers = waitingReaders.iterator();
    while (readers.hasNext() && !pending.isEmpty() && mayAssign()) {
      int reader = readers.next();
      readers.remove();
      FileSplit split = pending.poll();
      pendingPaths.remove(split.path());
      processed.add(split.path());
      assignedSinceCheckpoint++;
      context.assignSplit(split, reader);
      catchUp.assigned(split.path(), reader);
    }
    if (settings.isBounded() && listed && pending.isEmpty()) {
      waitingReaders.forEach(context::signalNoMoreSplits);
      waitingReaders.clear();
    }
    markIfCaughtUp();
  }

  private boolean mayAssign() {
    return settings.isBounded()
        || settings.maxFilesPerTrigger() <= 0
        || assignedSinceCheckpoint < settings.maxFilesPerTrigger();
  }

  private void markIfCaughtUp() {
    if (!caughtUp && catchUp.isCaughtUp(context.currentParallelism())) {
      caughtUp = true;
      settings.marker().mark();
      LOG.info("Caught up with {}: every file present at start has been read",
          settings.read().files().location());
    }
  }

  @Override
  public void close() {}
}
