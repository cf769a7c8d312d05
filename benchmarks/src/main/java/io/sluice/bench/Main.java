package io.sluice.bench;

import io.sluice.bench.suite.LatencySettings;
import io.sluice.bench.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Runs a benchmark and prints its result with a description of the machine.
 *
 * <pre>
 * java -cp ... io.sluice.bench.Main expectations [rows] [rounds]
 * java -cp ... io.sluice.bench.Main cdc [events] [keys] [rounds]
 * java -cp ... io.sluice.bench.Main suite [sf] [rounds]     (-Dsluice.bench.home=&lt;repository&gt;)
 * java -cp ... io.sluice.bench.Main latency [records/s] [seconds] [rounds] [commit ms]
 * </pre>
 *
 * <p>{@code latency} is the suite's W5 alone. The suite's system properties:
 * {@code sluice.bench.workloads} (some of W1,W2,W3,W4,W5; default all), {@code sluice.bench.engines}
 * (some of sluice,flink,spark; default all), {@code sluice.bench.w5.rate}, {@code .seconds},
 * {@code .commitMillis} (W5's load, see {@link LatencySettings}), {@code sluice.bench.data} and
 * {@code sluice.bench.work} (folders).
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
      case "cdc" -> System.out.print(new CdcThroughput(dir, arg(args, 1, 1_000_000), arg(args, 2, 100_000),
          arg(args, 3, 3)).run());
      case "suite" -> System.exit(suite(args.length > 1 ? Double.parseDouble(args[1]) : Suite.DEFAULT_SF,
          arg(args, 2, 3), list("sluice.bench.workloads", Suite.ALL), LatencySettings.fromProperties()) ? 0 : 1);
      case "latency" -> {
        LatencySettings w5 = LatencySettings.fromProperties();
        System.exit(suite(Suite.DEFAULT_SF, arg(args, 3, 3), Set.of("W5"), new LatencySettings(arg(args, 1, w5.rate()),
            arg(args, 2, w5.seconds()), args.length > 4 ? Long.parseLong(args[4]) : w5.commitMillis())) ? 0 : 1);
      }
      default -> {
        System.err.println("unknown benchmark '" + which + "': use 'expectations', 'cdc', 'suite' or 'latency'");
        System.exit(2);
      }
    }
    System.exit(0);
  }

  private static boolean suite(double sf, int rounds, Set<String> workloads, LatencySettings w5) throws Exception {
    return new Suite(Path.of(System.getProperty("sluice.bench.home", ".")),
        Path.of(System.getProperty("sluice.bench.data", "/tmp/sluice-bench-data")),
        Path.of(System.getProperty("sluice.bench.work", "/tmp/sluice-bench-suite")), sf, rounds, workloads,
        list("sluice.bench.engines", Set.of()), w5).run();
  }

  /** A comma-separated system property as a set, or {@code otherwise} when it is not set. */
  private static Set<String> list(String property, Set<String> otherwise) {
    String value = System.getProperty(property, "").strip();
    return value.isEmpty() ? otherwise : Set.copyOf(Arrays.asList(value.split("\\s*,\\s*")));
  }

  private static int arg(String[] args, int index, int otherwise) {
    return args.length > index ? Integer.parseInt(args[index]) : otherwise;
  }
}
