package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.plan.PipelinePlanner;
import io.sluice.runtime.translate.Phase;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice validate DIR}: every problem of the definition, queries planned by Flink, no data touched. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a pipeline: parse, resolve and plan every query without reading or writing data.")
final class ValidateCommand implements Callable<Integer> {
  enum Format { text, json }

  @Mixin PipelineArgs pipeline;

  @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipeline.load();
    List<Problem> problems = new ArrayList<>(loaded.problems());
    if (!loaded.problems().stream().anyMatch(p -> p.code().name().startsWith("SPEC_"))) {
      PipelinePlanner.plan(loaded.spec(), loaded.graph(), Phase.VALIDATE, EngineConfig.of(loaded.spec()), problems);
    }
    List<Problem> sorted = sort(problems);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ProblemPrinter.json(sorted, out);
    } else {
      ProblemPrinter.text(sorted, out);
      if (sorted.stream().noneMatch(Problem::isError)) {
        out.println("Pipeline '" + loaded.spec().name() + "' is valid: " + loaded.graph().datasets().size()
            + " datasets, " + loaded.graph().flows().size() + " flows.");
        out.flush();
      }
    }
    return sorted.stream().anyMatch(Problem::isError) ? 1 : 0;
  }

  static List<Problem> sort(List<Problem> problems) {
    io.sluice.core.problem.Problems p = new io.sluice.core.problem.Problems();
    p.addAll(problems);
    return p.list();
  }
}
