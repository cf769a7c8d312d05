package io.sluice.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sluice init NAME}: a working pipeline skeleton to start from. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new pipeline folder that runs as is.")
final class InitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the pipeline (and of its folder).")
  String name;

  @Option(names = "--dir", description = "Parent folder (default: the current folder).")
  Path parent = Path.of(".");

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      spec.commandLine().getErr().println("error: Cannot use '" + name
          + "' as a pipeline name: use letters, digits, '_' and '-'.");
      return 2;
    }
    Path folder = parent.resolve(name);
    if (Files.exists(folder)) {
      spec.commandLine().getErr().println("error: Cannot create " + folder + ": it already exists. Choose another name.");
      return 1;
    }
    for (Map.Entry<String, String> file : files().entrySet()) {
      Path p = folder.resolve(file.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, file.getValue(), StandardCharsets.UTF_8);
    }
    out.println("Created pipeline '" + name + "' in " + folder);
    out.println("Run it with:  sluice run " + folder);
    out.flush();
    return 0;
  }

  private Map<String, String> files() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("pipeline.yaml", """
        name: %s
        storage: storage
        libraries:
          - transformations/**/*.sql
        configuration:
          events_path: data/events
        """.formatted(name));
    f.put("transformations/pipeline.sql", """
        -- Bronze: every new file under ${events_path} is read once.
        CREATE OR REFRESH STREAMING TABLE raw_events
        COMMENT 'Events as they arrive'
        AS SELECT * FROM STREAM read_files('${events_path}', format => 'json');

        -- Silver: only valid events, incrementally.
        CREATE OR REFRESH STREAMING TABLE events
        AS SELECT event_id, user_id, action, amount
        FROM STREAM(raw_events)
        WHERE event_id IS NOT NULL;

        -- Gold: recomputed from the current content of events on each update.
        CREATE OR REFRESH MATERIALIZED VIEW actions_per_user
        AS SELECT user_id, action, COUNT(*) AS events, SUM(amount) AS amount
        FROM events
        GROUP BY user_id, action;
        """);
    f.put("data/events/events-0001.json", """
        {"event_id": 1, "user_id": "u1", "action": "view", "amount": 0.0}
        {"event_id": 2, "user_id": "u1", "action": "buy", "amount": 19.5}
        {"event_id": 3, "user_id": "u2", "action": "view", "amount": 0.0}
        {"event_id": null, "user_id": "u3", "action": "buy", "amount": 5.0}
        """);
    return f;
  }
}
