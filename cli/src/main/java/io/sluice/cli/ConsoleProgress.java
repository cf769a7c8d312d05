package io.sluice.cli;

import io.sluice.core.problem.Problem;
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
        r.errorText().map(e -> ": " + e).orElse(r.status().name().equals("COMPLETED")
            ? String.format(" (%d rows read, %d written, %.1fs)", r.rowsRead(), r.rowsWritten(),
                r.duration().toMillis() / 1000.0) : ""));
    out.flush();
  }

  @Override
  public synchronized void updateFinished(UpdateResult result) {
    if (result.flows().isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (FlowResult r : result.flows()) {
      rows.add(List.of(r.flow(), r.target(), r.kind().name().toLowerCase(Locale.ROOT), r.status().name(),
          String.valueOf(r.rowsRead()), String.valueOf(r.rowsWritten()),
          String.format(Locale.ROOT, "%.1fs", r.duration().toMillis() / 1000.0)));
    }
    out.println();
    out.print(TextTable.render(List.of("flow", "target", "kind", "status", "rows read", "rows written", "time"), rows));
    out.printf("Update %s %s in %.1fs.%n", result.updateId().substring(0, 8),
        result.succeeded() ? "completed" : "failed", result.duration().toMillis() / 1000.0);
    out.flush();
  }
}
