package io.sluice.cli;

import io.sluice.runtime.exec.FlowProgress;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The progress of a continuous run: per flow, rows/s in and out, totals, watermark lag, last
 * checkpoint and backlog. In a terminal the table is redrawn in place every second; otherwise
 * (logs, pipes) it is printed as one plain line per flow every {@link #LOG_EVERY}. Other messages
 * (restarts, flows ending) go through {@link ConsoleProgress}.
 */
final class LiveProgress implements UpdateListener {
  static final Duration LOG_EVERY = Duration.ofSeconds(10);
  private static final Duration REDRAW_EVERY = Duration.ofMillis(900);

  private final PrintWriter out;
  private final boolean inPlace;
  private final ConsoleProgress lines;
  private final Map<String, FlowProgress> latest = new LinkedHashMap<>();
  private Instant shown = Instant.EPOCH;
  private int drawnLines;

  LiveProgress(PrintWriter out, boolean inPlace) {
    this.out = out;
    this.inPlace = inPlace;
    this.lines = new ConsoleProgress(out);
  }

  /** In place when standard output is a terminal that understands ANSI escapes. */
  static boolean terminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public synchronized void flowProgress(FlowProgress p, boolean checkpointed) {
    latest.put(p.flow(), p);
    Instant now = Instant.now();
    if (Duration.between(shown, now).compareTo(inPlace ? REDRAW_EVERY : LOG_EVERY) < 0) {
      return;
    }
    shown = now;
    if (inPlace) {
      erase();
      List<String> lines = table();
      lines.forEach(out::println);
      drawnLines = lines.size();
    } else {
      latest.values().forEach(f -> out.println("[progress] " + line(f)));
    }
    out.flush();
  }

  @Override
  public synchronized void flowRestarting(String flow, String target, Throwable error) {
    erase();
    out.printf("  %-28s restarting from its last checkpoint after: %s%n", flow,
        io.sluice.runtime.exec.FlowFailedException.rootMessage(error));
    out.flush();
  }

  @Override
  public synchronized void flowFinished(FlowResult result) {
    latest.remove(result.flow());
    erase();
    lines.flowFinished(result);
  }

  @Override
  public synchronized void updateState(String updateId, String state) {
    erase();
    lines.updateState(updateId, state);
  }

  @Override
  public synchronized void problems(java.util.List<io.sluice.core.problem.Problem> problems) {
    erase();
    lines.problems(problems);
  }

  @Override
  public synchronized void flowStarted(String flow, String target, String kind) {
    erase();
    lines.flowStarted(flow, target, kind);
  }

  @Override
  public synchronized void planning(String flow, String dataset, String technique, String reason) {
    lines.planning(flow, dataset, technique, reason);
  }

  @Override
  public synchronized void updateFinished(io.sluice.runtime.exec.UpdateResult result) {
    erase();
    lines.updateFinished(result);
  }

  /** Removes the table drawn last, so that a message can be printed where it was. */
  synchronized void erase() {
    if (inPlace && drawnLines > 0) {
      out.print("\033[" + drawnLines + "A\033[J");
      out.flush();
      drawnLines = 0;
      shown = Instant.EPOCH;
    }
  }

  private List<String> table() {
    List<List<String>> rows = new ArrayList<>();
    for (FlowProgress f : latest.values()) {
      rows.add(List.of(f.flow(), rate(f.readRate()), rate(f.writeRate()), String.valueOf(f.rowsRead()),
          String.valueOf(f.rowsWritten()), f.watermarkLag().map(LiveProgress::duration).orElse("-"),
          checkpoint(f), backlog(f), f.restarts() == 0 ? "" : String.valueOf(f.restarts())));
    }
    String text = TextTable.render(List.of("flow", "in/s", "out/s", "read", "written", "watermark lag",
        "last checkpoint", "backlog", "restarts"), rows);
    return List.of(text.split("\n"));
  }

  static String line(FlowProgress f) {
    return String.format(Locale.ROOT, "%s: in %s rows/s, out %s rows/s, read %d, written %d, watermark lag %s, "
            + "checkpoint %s, backlog %s", f.flow(), rate(f.readRate()), rate(f.writeRate()), f.rowsRead(),
        f.rowsWritten(), f.watermarkLag().map(LiveProgress::duration).orElse("-"), checkpoint(f), backlog(f));
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f" : "%.1f", perSecond);
  }

  private static String checkpoint(FlowProgress f) {
    return f.lastCheckpoint().map(c -> "#" + c.id() + " " + duration(Duration.between(c.completedAt(), f.at())) + " ago")
        .orElse("-");
  }

  private static String backlog(FlowProgress f) {
    List<String> parts = new ArrayList<>();
    f.pendingRecords().ifPresent(n -> parts.add(n + " records"));
    f.pendingFiles().ifPresent(n -> parts.add(n + " files"));
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  static String duration(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    return ms < 3_600_000 ? (ms / 60_000) + "m" + (ms / 1000 % 60) + "s" : (ms / 3_600_000) + "h" + (ms / 60_000 % 60) + "m";
  }
}
