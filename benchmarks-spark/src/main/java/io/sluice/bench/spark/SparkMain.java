package io.sluice.bench.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The suite's {@code spark} engine (benchmarks/WORKLOADS.md): {@code SparkMain <workload> <args...>}
 * starts a local SparkSession, runs the workload once and prints one {@code RESULT} line on stdout
 * (W5 prints {@code READY} before it, once its queries run). Everything else goes to stderr: log4j2 is
 * configured so, and {@code System.out} is pointed at stderr while Spark runs.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    int exitCode;
    try {
      Workload workload = parse(args, stdout);
      SparkSession spark = LocalSession.start(args[0]);
      WorkloadResult result;
      try {
        result = workload.run(spark);
      } finally {
        spark.stop();
      }
      stdout.println(resultLine(args[0], result, peakRssBytes()));
      stdout.flush();
      exitCode = 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      exitCode = 2;
    } catch (Exception e) {
      e.printStackTrace();
      exitCode = 1;
    }
    // Spark and Hadoop leave non-daemon threads behind
    System.exit(exitCode);
  }

  static Workload parse(String[] args, PrintStream stdout) {
    String workload = args.length == 0 ? "" : args[0];
    String[] a = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (workload) {
      case "W1":
        requireArgs(a, 2, "W1 <lineitemJsonDir> <outTable>");
        return new Ingest(a[0], a[1]);
      case "W2":
        requireArgs(a, 3, "W2 <bronzeTable> <outDir> <5|0>");
        if (!a[2].equals("5") && !a[2].equals("0")) {
          throw new IllegalArgumentException("Cannot use " + a[2] + " expectations: use 5 or 0");
        }
        return new Clean(a[0], a[1], a[2].equals("5"));
      case "W3":
        requireArgs(a, 2, "W3 <parquetDir> <outTable>");
        return new Enrich(a[0], a[1]);
      case "W4":
        requireArgs(a, 3, "W4 <lineitemJsonDir> <outTable> <stateDir>");
        return new Incremental(a[0], a[1], a[2]);
      case "W5":
        requireArgs(a, 6, "W5 <bootstrapServers> <inTopic> <outTopic> <outTable> <stateDir> <commitMillis>");
        return new Continuous(a[0], a[1], a[2], a[3], Path.of(a[4]), commitMillis(a[5]), () -> {
          stdout.println("READY");
          stdout.flush();
        });
      default:
        throw new IllegalArgumentException("Cannot run workload '" + workload + "': use W1, W2, W3, W4 or W5");
    }
  }

  private static long commitMillis(String millis) {
    try {
      long value = Long.parseLong(millis);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("Cannot use '" + millis + "' as commitMillis: give a positive number of ms");
  }

  private static void requireArgs(String[] args, int count, String usage) {
    if (args.length != count) {
      throw new IllegalArgumentException("Usage: SparkMain " + usage);
    }
  }

  static String resultLine(String workload, WorkloadResult result, long peakRssBytes) {
    StringBuilder line = new StringBuilder("RESULT {\"engine\":\"spark\",\"workload\":\"").append(workload)
        .append("\",\"records\":").append(result.records())
        .append(",\"seconds\":").append(String.format(Locale.ROOT, "%.2f", result.seconds()))
        .append(",\"peakRssBytes\":").append(peakRssBytes);
    if (!result.expectations().isEmpty()) {
      line.append(",\"expectations\":{").append(result.expectations().entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(","))).append('}');
    }
    return line.append('}').toString();
  }

  /** {@code VmHWM} of /proc/self/status in bytes; -1 where there is none (not Linux). */
  static long peakRssBytes() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.substring(6).replace("kB", "").strip()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return -1;
  }

}
