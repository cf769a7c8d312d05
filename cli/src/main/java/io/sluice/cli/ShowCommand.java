package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.model.Names;
import io.sluice.runtime.catalog.TableInspector;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sluice show DIR TABLE}: the first rows of a table. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the rows of a table.")
final class ShowCommand implements Callable<Integer> {
  @Mixin PipelineArgs pipeline;

  @Parameters(index = "1", paramLabel = "TABLE", description = "The dataset to show.")
  String table;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many rows (default 20).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipeline.load();
    PrintWriter out = spec.commandLine().getOut();
    Optional<TableInspector.Rows> rows = new TableInspector(loaded.spec(), loaded.graph()).show(Names.normalize(table), limit);
    if (rows.isEmpty()) {
      spec.commandLine().getErr().println("error: Cannot show '" + table + "': the pipeline has no table with this name."
          + " Use 'sluice tables " + pipeline.folder + "' to list them.");
      return 1;
    }
    if (rows.get().columns().isEmpty()) {
      out.println("'" + table + "' has no table yet: run the pipeline first.");
    } else {
      out.print(TextTable.render(rows.get().columns(), rows.get().values()));
      out.println(rows.get().values().size() + " row(s)" + (rows.get().values().size() == limit ? " (limit reached)" : ""));
    }
    out.flush();
    return 0;
  }
}
