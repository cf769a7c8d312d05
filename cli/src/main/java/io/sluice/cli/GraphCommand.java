package io.sluice.cli;

import io.sluice.core.graph.GraphDiagram;
import io.sluice.core.load.LoadedPipeline;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice graph DIR}: the dependency graph as text, Mermaid or DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Print the dependency graph.")
final class GraphCommand implements Callable<Integer> {
  enum Format { text, mermaid, dot }

  @Mixin PipelineArgs pipeline;

  @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipeline.load();
    PrintWriter out = spec.commandLine().getOut();
    GraphDiagram diagram = new GraphDiagram(loaded.graph());
    switch (format) {
      case mermaid:
        out.print(diagram.mermaid());
        break;
      case dot:
        out.print(diagram.dot());
        break;
      default:
        out.print(diagram.text());
    }
    if (loaded.hasErrors()) {
      ProblemPrinter.text(ValidateCommand.sort(loaded.problems()), spec.commandLine().getErr());
    }
    out.flush();
    return loaded.hasErrors() ? 1 : 0;
  }
}
