package io.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command. */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    version = "sluice 0.1.0",
    description = "Declarative batch and stream pipelines on Apache Flink.",
    subcommands = {
      InitCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      StopCommand.class,
      TablesCommand.class,
      ShowCommand.class,
      GraphCommand.class,
      EventsCommand.class,
      QualityCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (0 success, 1 failure, 2 usage error). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      org.slf4j.LoggerFactory.getLogger(Main.class).error("Command failed", e);
      cmd.getErr().println("error: " + ErrorText.of(e));
      cmd.getErr().println("(details in the log: " + System.getProperty("sluice.log.file", "sluice.log") + ")");
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
