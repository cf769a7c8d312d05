package io.sluice.cli;

import io.sluice.core.events.PipelineEvent;
import io.sluice.core.load.LoadedPipeline;
import io.sluice.runtime.events.EventLogFiles;
import io.sluice.runtime.storage.StorageLayout;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice quality DIR}: datasets × expectations with passed, failed and failed % for the last
 * update, and the failed % over the last updates.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Data quality per dataset and expectation, from the event log.")
final class QualityCommand implements Callable<Integer> {
  @Mixin PipelineArgs pipeline;

  @Option(names = "--updates", defaultValue = "5", description = "How many updates the trend covers (default 5).")
  int updates;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipeline.load();
    List<PipelineEvent> events = new EventLogFiles(new StorageLayout(loaded.spec().storage())).readAll();
    Map<String, Map<String, long[]>> byUpdate = QualityCounts.byUpdate(events);
    PrintWriter out = spec.commandLine().getOut();
    if (byUpdate.isEmpty()) {
      out.println("No expectation results yet: run a pipeline whose datasets declare expectations.");
      out.flush();
      return 0;
    }
    List<String> ids = new ArrayList<>(byUpdate.keySet());
    String last = ids.get(ids.size() - 1);
    out.println("Last update " + last.substring(0, 8) + ":");
    List<List<String>> rows = new ArrayList<>();
    byUpdate.get(last).forEach((key, c) -> rows.add(List.of(key.split("\\|")[0], key.split("\\|")[1],
        String.valueOf(c[0]), String.valueOf(c[1]), percent(c))));
    out.print(TextTable.render(List.of("dataset", "expectation", "passed", "failed", "failed %"), rows));
    List<String> recent = ids.subList(Math.max(0, ids.size() - updates), ids.size());
    out.println();
    out.println("Failed % over the last " + recent.size() + " update(s), oldest first:");
    List<String> header = new ArrayList<>(List.of("dataset", "expectation"));
    recent.forEach(id -> header.add(id.substring(0, 8)));
    List<List<String>> trend = new ArrayList<>();
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (String id : recent) {
      byUpdate.get(id).keySet().forEach(k -> lines.computeIfAbsent(k, x -> new ArrayList<>()));
    }
    lines.forEach((key, cells) -> {
      List<String> row = new ArrayList<>(List.of(key.split("\\|")[0], key.split("\\|")[1]));
      for (String id : recent) {
        long[] c = byUpdate.get(id).get(key);
        row.add(c == null ? "-" : percent(c));
      }
      trend.add(row);
    });
    out.print(TextTable.render(header, trend));
    out.flush();
    return 0;
  }

  private static String percent(long[] c) {
    long total = c[0] + c[1];
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * c[1] / total);
  }
}
