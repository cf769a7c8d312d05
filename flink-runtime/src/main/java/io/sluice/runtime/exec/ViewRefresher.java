package io.sluice.runtime.exec;

import io.sluice.core.model.Flow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the materialized views of a continuous run fresh by recomputing them: in a thread of its
 * own, one pass after another, every view in dependency order, each recomputed when its
 * definition or an input changed since its last refresh (every input commit counts). Passes are
 * at least one checkpoint interval apart, since the inputs change at most that often.
 */
final class ViewRefresher {
  private final FlowExecution execution;
  private final List<Flow> views;
  private final Duration interval;
  private final ConcurrentLinkedQueue<FlowResult> reported = new ConcurrentLinkedQueue<>();
  private final Map<String, FlowResult> latest = new LinkedHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;

  ViewRefresher(FlowExecution execution, List<Flow> views, Duration interval) {
    this.execution = execution;
    this.views = List.copyOf(views);
    this.interval = interval;
    this.thread = new Thread(this::loop, "sluice-views");
    this.thread.setDaemon(true);
    if (!views.isEmpty()) {
      thread.start();
    }
  }

  boolean hasViews() {
    return !views.isEmpty();
  }

  private void loop() {
    try {
      do {
        for (Flow v : views) {
          if (closing.getCount() == 0) {
            return;
          }
          FlowResult r = execution.run(v);
          synchronized (latest) {
            if (r.status() != FlowStatus.UP_TO_DATE || !latest.containsKey(v.name())) {
              latest.put(v.name(), r);
            }
          }
          if (r.status() != FlowStatus.UP_TO_DATE) {
            reported.add(r);
          }
        }
      } while (!closing.await(interval.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A refresh that ran (not one that found nothing to do) since the last call, if any. */
  Optional<FlowResult> poll() {
    return Optional.ofNullable(reported.poll());
  }

  /**
   * Lets the current refresh finish, stops refreshing, and returns what is left to report: the
   * refreshes not polled yet, then each view that never ran with its newest result.
   */
  List<FlowResult> close() {
    closing.countDown();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<FlowResult> rest = new ArrayList<>(reported);
    reported.clear();
    synchronized (latest) {
      latest.values().stream().filter(r -> rest.stream().noneMatch(x -> x.flow().equals(r.flow())))
          .filter(r -> r.status() == FlowStatus.UP_TO_DATE)
          .forEach(rest::add);
    }
    return rest;
  }
}
