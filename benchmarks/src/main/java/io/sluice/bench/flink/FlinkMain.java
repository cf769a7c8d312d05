package io.sluice.bench.flink;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The hand-written Flink baseline of the benchmark suite (see {@code benchmarks/WORKLOADS.md}):
 * what a Flink user writes without Sluice, with Flink 1.20's DataStream and Table APIs, its
 * filesystem connector and JSON / Parquet formats, and Sluice's {@code DeltaSink} and
 * {@code DeltaSource} (the only Delta connectors for Flink here).
 *
 * <pre>
 * FlinkMain W1 &lt;lineitemJsonDir&gt; &lt;outTable&gt;
 * FlinkMain W2 &lt;bronzeTable&gt; &lt;outDir&gt; &lt;5|0&gt;
 * FlinkMain W3 &lt;parquetDir&gt; &lt;outTable&gt;
 * FlinkMain W4 ...            (not applicable: prints so and exits 0)
 * FlinkMain W5 &lt;bootstrapServers&gt; &lt;inTopic&gt; &lt;outTopic&gt; &lt;outTable&gt; &lt;stateDir&gt; &lt;commitMillis&gt;
 * </pre>
 *
 * <p>Prints exactly one {@code RESULT {...}} line to stdout (W5: {@code READY} before it, once
 * the job runs); logs go to the log file.
 */
public final class FlinkMain {
  private FlinkMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("W4")) {
      // Incremental ingest needs file tracking of its own: that is what Sluice provides.
      System.out.println(Result.notApplicable("W4"));
      System.exit(0);
    }
    Result result;
    try (BenchCluster cluster = BenchCluster.start()) {
      result = run(cluster, args);
    } catch (Exception e) {
      e.printStackTrace();
      // exit even if a library left a non-daemon thread behind
      System.exit(1);
      return;
    }
    System.out.println(result.line());
    System.exit(0);
  }

  /** Runs one workload on a started cluster. */
  static Result run(BenchCluster cluster, String... args) throws Exception {
    String workload = args.length == 0 ? "" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    if (workload.equals("W1") && rest.size() == 2) {
      return Ingest.run(cluster, rest.get(0), rest.get(1));
    }
    if (workload.equals("W2") && rest.size() == 3 && rest.get(2).matches("[05]")) {
      return Clean.run(cluster, rest.get(0), rest.get(1), rest.get(2).equals("5"));
    }
    if (workload.equals("W3") && rest.size() == 2) {
      return Enrich.run(cluster, rest.get(0), rest.get(1));
    }
    if (workload.equals("W5") && rest.size() == 6 && rest.get(5).matches("[1-9][0-9]*")) {
      return Continuous.run(cluster, FlinkMain::ready, rest.get(0), rest.get(1), rest.get(2),
          rest.get(3), Path.of(rest.get(4)), Long.parseLong(rest.get(5)));
    }
    throw new IllegalArgumentException("Cannot run " + String.join(" ", args) + ": use W1 "
        + "<lineitemJsonDir> <outTable>, W2 <bronzeTable> <outDir> <5|0>, W3 <parquetDir> "
        + "<outTable>, W4 (not applicable) or W5 <bootstrapServers> <inTopic> <outTopic> "
        + "<outTable> <stateDir> <commitMillis>");
  }

  private static void ready() {
    System.out.println("READY");
    System.out.flush();
  }
}
