package io.sluice.bench.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one workload of one engine in a JVM of its own and measures it from outside: the wall
 * time of the process, and its peak RSS (the larger of the {@code VmHWM} the engine reports and
 * the one this process polls from {@code /proc/<pid>/status} while it runs). The child's stdout
 * and stderr go to files under {@code logs}; the RESULT line is parsed from its stdout.
 */
final class EngineProcess {
  /** The same for every engine: the heap of the contract and the module openings Flink and Spark need. */
  static final List<String> JVM_FLAGS = List.of("-Xmx3g",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");
  private static final long TIMEOUT_MINUTES = 30;

  /** One run: the engine's RESULT (if it printed one) and what was measured outside. */
  record Outcome(Optional<ResultLine> result, double processSeconds, long peakRssBytes, String failure) {
    boolean ok() {
      return result.isPresent() && failure.isEmpty();
    }
  }

  private EngineProcess() {}

  static Outcome run(SuiteEngine engine, List<String> args, Path logs, String label) throws Exception {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-Dsluice.log.file=" + logs.resolve(label + ".log"));
    command.add("-cp");
    command.add(engine.classpath().orElseThrow());
    command.add(engine.mainClass());
    command.addAll(args);
    Path out = logs.resolve(label + ".out");
    Path err = logs.resolve(label + ".err");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    String pid = Long.toString(p.pid());
    long polled = 0;
    long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
    while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
      polled = Math.max(polled, ResultLine.peakRss(pid));
      if (System.nanoTime() > deadline) {
        p.destroyForcibly().waitFor();
        return new Outcome(Optional.empty(), seconds(start), polled, "timed out after " + TIMEOUT_MINUTES + " min");
      }
    }
    double seconds = seconds(start);
    Optional<ResultLine> result = ResultLine.parse(Files.readString(out, StandardCharsets.ISO_8859_1));
    long peak = Math.max(polled, result.map(ResultLine::peakRssBytes).orElse(0L));
    String failure = p.exitValue() != 0 ? "exit " + p.exitValue() + ": " + lastLine(err)
        : result.isEmpty() ? "no RESULT line" : "";
    return new Outcome(result, seconds, peak, failure);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String lastLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
        .filter(l -> l.contains("Exception") || l.contains("Error")).toList();
    String line = lines.isEmpty() ? "see " + file : lines.get(0);
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
