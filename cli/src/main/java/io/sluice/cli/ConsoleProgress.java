package io.sluice.cli;

import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.DatasetQuality;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints an update's progress as plain lines, then a summary table of the flows. */
final class ConsoleProgress implements UpdateListener {
  private final PrintWriter out;

  ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void updateState(String updateId, String state) {
    out.printf("[update %s] %s%n", updateId.substring(0, 8), state);
    out.flush();
  }

  @Override
  public synchronized void problems(List<Problem> problems) {
    ProblemPrinter.text(problems, out);
  }

  @Override
  public synchronized void flowStarted(String flow, String target, String kind) {
    out.printf("  %-28s %-9s started%n", flow, kind.toLowerCase(Locale.ROOT));
    out.flush();
  }

  @Override
  public synchronized void flowFinished(FlowResult r) {
    out.printf("  %-28s %-9s %s%s%n", r.flow(), r.kind().name().toLowerCase(Locale.ROOT), r.status(),
        r.errorText().map(e -> ": " + e).orElse(r.status().name().equals("COMPLETED") || r.status().name().equals("STOPPED")
            ? String.format(" (%d rows read, %d written%s, %.1fs)", r.rowsRead(), r.rowsWritten(), quality(r),
                r.duration().toMillis() / 1000.0) : ""));
    out.flush();
  }

  /** ", 2 dropped, 3 quarantined, 4 warnings" when expectations acted. */
  static String quality(FlowResult r) {
    long dropped = r.quality().stream().mapToLong(DatasetQuality::rowsDropped).sum();
    long quarantined = r.quality().stream().mapToLong(DatasetQuality::rowsQuarantined).sum();
    long warned = r.quality().stream().flatMap(q -> q.checks().stream())
        .filter(c -> c.action() == io.sluice.core.model.ViolationAction.WARN).mapToLong(DatasetQuality.CheckResult::failed).sum();
    StringBuilder sb = new StringBuilder();
    if (dropped > 0) {
      sb.append(", ").append(dropped).append(" dropped");
    }
    if (quarantined > 0) {
      sb.append(", ").append(quarantined).append(" quarantined");
    }
    if (warned > 0) {
      sb.append(", ").append(warned).append(warned == 1 ? " warning" : " warnings");
    }
    return sb.toString();
  }

  @Override
  public synchronized void updateFinished(UpdateResult result) {
    if (result.flows().isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (FlowResult r : result.flows()) {
      long dropped = r.quality().stream().mapToLong(DatasetQuality::rowsDropped).sum();
      long quarantined = r.quality().stream().mapToLong(DatasetQuality::rowsQuarantined).sum();
      rows.add(List.of(r.flow(), r.target(), r.kind().name().toLowerCase(Locale.ROOT), r.status().name(),
          String.valueOf(r.rowsRead()), String.valueOf(r.rowsWritten()), r.quality().isEmpty() ? "" : String.valueOf(dropped),
          r.quality().isEmpty() ? "" : String.valueOf(quarantined),
          String.format(Locale.ROOT, "%.1fs", r.duration().toMillis() / 1000.0)));
    }
    out.println();
    out.print(TextTable.render(List.of("flow", "target", "kind", "status", "read", "written", "dropped", "quarantined", "time"), rows));
    out.printf("Update %s %s in %.1fs.%n", result.updateId().substring(0, 8),
        !result.succeeded() ? "failed" : result.stopped() ? "stopped" : "completed",
        result.duration().toMillis() / 1000.0);
    out.flush();
  }
}
