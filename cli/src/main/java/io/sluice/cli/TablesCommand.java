package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.runtime.catalog.TableInspector;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice tables DIR}: the pipeline's tables with their row counts. */
@Command(name = "tables", mixinStandardHelpOptions = true, description = "List the pipeline's tables and their row counts.")
final class TablesCommand implements Callable<Integer> {
  @Mixin PipelineArgs pipeline;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipeline.load();
    PrintWriter out = spec.commandLine().getOut();
    List<List<String>> rows = new ArrayList<>();
    for (TableInspector.TableInfo t : new TableInspector(loaded.spec(), loaded.graph()).tables()) {
      rows.add(List.of(t.name(), t.kind(), t.format(), t.exists() ? String.valueOf(t.rows()) : "-",
          t.exists() ? String.valueOf(t.version()) : "not created yet", t.path()));
    }
    out.print(TextTable.render(List.of("table", "kind", "format", "rows", "version", "path"), rows));
    out.flush();
    return 0;
  }
}
