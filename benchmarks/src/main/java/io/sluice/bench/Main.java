package io.sluice.bench;

import io.sluice.bench.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a benchmark and prints its result with a description of the machine.
 *
 * <pre>
 * java -cp ... io.sluice.bench.Main expectations [rows] [rounds]
 * java -cp ... io.sluice.bench.Main latency [records/s] [seconds] [rounds] [checkpoint interval]
 * java -cp ... io.sluice.bench.Main cdc [events] [keys] [rounds]
 * java -cp ... io.sluice.bench.Main suite [sf] [rounds]     (-Dsluice.bench.home=&lt;repository&gt;)
 * </pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "expectations";
    Path dir = Files.createTempDirectory("sluice-bench-");
    System.out.println("machine: " + Machine.describe());
    switch (which) {
      case "expectations" -> System.out.print(new ExpectationsOverhead(dir,
          arg(args, 1, 2_000_000), arg(args, 2, 3)).run());
      case "latency" -> System.out.print(new ContinuousLatency(dir, arg(args, 1, 1000),
          arg(args, 2, 30), arg(args, 3, 3), args.length > 4 ? args[4] : "1s").run());
      case "cdc" -> System.out.print(new CdcThroughput(dir, arg(args, 1, 1_000_000), arg(args, 2, 100_000),
          arg(args, 3, 3)).run());
      case "suite" -> {
        boolean agreed = new Suite(Path.of(System.getProperty("sluice.bench.home", ".")),
            Path.of(System.getProperty("sluice.bench.data", "/tmp/sluice-bench-data")),
            Path.of(System.getProperty("sluice.bench.work", "/tmp/sluice-bench-suite")),
            args.length > 1 ? Double.parseDouble(args[1]) : Suite.DEFAULT_SF, arg(args, 2, 3)).run();
        System.exit(agreed ? 0 : 1);
      }
      default -> {
        System.err.println("unknown benchmark '" + which + "': use 'expectations', 'latency', 'cdc' or 'suite'");
        System.exit(2);
      }
    }
    System.exit(0);
  }

  private static int arg(String[] args, int index, int otherwise) {
    return args.length > index ? Integer.parseInt(args[index]) : otherwise;
  }
}
