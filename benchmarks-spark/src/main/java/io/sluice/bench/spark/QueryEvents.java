package io.sluice.bench.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * What Spark's listener bus reports about W5's streaming queries, and waiting on it: which queries have
 * finished a first trigger (a progress or an idle event: sources opened, start offsets fixed), which
 * have terminated and why, and the sums of one named {@code Dataset.observe} over all batches (a
 * query's own {@code recentProgress} keeps only the last 100).
 */
final class QueryEvents extends StreamingQueryListener {
  private final String observation;
  private final Set<UUID> triggered = new HashSet<>();
  private final Map<UUID, String> terminated = new HashMap<>();
  private final Map<String, Long> totals = new HashMap<>();

  QueryEvents(String observation) {
    this.observation = observation;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public synchronized void onQueryProgress(QueryProgressEvent event) {
    triggered.add(event.progress().runId());
    Row metrics = event.progress().observedMetrics().get(observation);
    if (metrics != null) {
      for (String field : metrics.schema().fieldNames()) {
        totals.merge(field, metrics.<Long>getAs(field), Long::sum);
      }
    }
    notifyAll();
  }

  @Override
  public synchronized void onQueryIdle(QueryIdleEvent event) {
    triggered.add(event.runId());
    notifyAll();
  }

  @Override
  public synchronized void onQueryTerminated(QueryTerminatedEvent event) {
    terminated.put(event.runId(), event.exception().isDefined() ? event.exception().get() : "stopped");
    notifyAll();
  }

  /** The sum of the observation's {@code field} over every batch reported so far (0 before any). */
  synchronized long total(String field) {
    return totals.getOrDefault(field, 0L);
  }

  /** Returns once every query has finished a trigger; fails if one terminates or the time runs out. */
  synchronized void awaitFirstTriggers(List<StreamingQuery> queries, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!queries.stream().allMatch(q -> triggered.contains(q.runId()))) {
      failIfTerminated(queries);
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("Cannot start W5: the queries did not finish a first trigger in "
            + timeout.toSeconds() + " s; is the Kafka broker reachable? (see the log on stderr)");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Returns once {@code file} exists, looking every 100 ms; fails as soon as a query terminates. */
  synchronized void awaitFile(Path file, List<StreamingQuery> queries) throws InterruptedException {
    while (!Files.exists(file)) {
      failIfTerminated(queries);
      wait(100);
    }
  }

  /** Returns once the query's termination (and so every event it posted before) has been delivered. */
  synchronized void awaitTerminated(StreamingQuery query, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!terminated.containsKey(query.runId())) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("Cannot count W5's rows: the listener bus did not report the end of "
            + query.name() + " in " + timeout.toSeconds() + " s");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private void failIfTerminated(List<StreamingQuery> queries) {
    for (StreamingQuery q : queries) {
      String why = terminated.get(q.runId());
      if (why != null || !q.isActive()) {
        throw new IllegalStateException("Cannot keep W5 running: query " + q.name() + " ended ("
            + (why != null ? why : q.exception().isDefined() ? q.exception().get().getMessage() : "stopped")
            + "); see the log on stderr");
      }
    }
  }
}
