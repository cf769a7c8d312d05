package io.sluice.cli;

import io.sluice.core.events.EventCodec;
import io.sluice.core.events.PipelineEvent;
import io.sluice.core.load.LoadedPipeline;
import io.sluice.runtime.events.EventLogFiles;
import io.sluice.runtime.storage.StorageLayout;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice events DIR}: the event log, filtered. */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Print the event log (by default: the last update's events).")
final class EventsCommand implements Callable<Integer> {
  enum Format { text, json }

  @Mixin PipelineArgs pipeline;

  @Option(names = "--update", paramLabel = "ID", description = "An update id (or its first characters), or 'all'.")
  String update;

  @Option(names = "--type", paramLabel = "T", description = "Only this event type, e.g. flow_progress.")
  String type;

  @Option(names = "--level", paramLabel = "L", description = "Only this level: INFO, WARN, ERROR, METRICS.")
  String level;

  @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipeline.load();
    List<PipelineEvent> all = new EventLogFiles(new StorageLayout(loaded.spec().storage())).readAll();
    PrintWriter out = spec.commandLine().getOut();
    if (all.isEmpty()) {
      out.println("No events yet: run the pipeline first.");
      out.flush();
      return 0;
    }
    String wanted = update == null ? all.get(all.size() - 1).origin().updateId() : update;
    List<PipelineEvent> selected = new ArrayList<>();
    for (PipelineEvent e : all) {
      if ((wanted.equals("all") || e.origin().updateId().startsWith(wanted))
          && (type == null || e.type().id().equalsIgnoreCase(type))
          && (level == null || e.level().name().equalsIgnoreCase(level))) {
        selected.add(e);
      }
    }
    if (format == Format.json) {
      selected.forEach(e -> out.println(EventCodec.toJson(e)));
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (PipelineEvent e : selected) {
        rows.add(List.of(String.valueOf(e.sequence()), e.timestamp().toString().replace('T', ' '),
            e.level().name(), e.type().id(), e.origin().flow().orElse(""), message(e)));
      }
      out.print(TextTable.render(List.of("seq", "time", "level", "type", "flow", "message"), rows));
    }
    out.flush();
    return 0;
  }

  private static String message(PipelineEvent e) {
    return e.error().map(err -> e.message() + ": " + err.message()).orElse(e.message());
  }
}
