package io.sluice.bench.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One workload of one engine in a JVM of its own, measured from outside: the wall time of the
 * process, and its peak RSS (the larger of the {@code VmHWM} the engine reports and the one a
 * watchdog thread polls from {@code /proc/<pid>/status} while it runs; the watchdog also kills it
 * after {@value #TIMEOUT_MINUTES} minutes). The child's stdout and stderr go to files under
 * {@code logs}; the RESULT line is parsed from its stdout. A continuous workload is started,
 * watched for a line (such as {@code READY}), then finished.
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
  private static final long POLL_MILLIS = 100;

  /** One run: the engine's RESULT (if it printed one) and what was measured outside. */
  record Outcome(Optional<ResultLine> result, double processSeconds, long peakRssBytes, String failure) {
    boolean ok() {
      return result.isPresent() && failure.isEmpty();
    }
  }

  private final Process process;
  private final Path out;
  private final Path err;
  private final long start = System.nanoTime();
  private final Thread watchdog;
  private volatile long polled;
  private volatile boolean timedOut;

  private EngineProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.watchdog = new Thread(this::watch, "watchdog-" + process.pid());
    this.watchdog.setDaemon(true);
    this.watchdog.start();
  }

  /** Runs a workload to its end. */
  static Outcome run(SuiteEngine engine, List<String> args, Path logs, String label) throws Exception {
    return start(engine, args, logs, label).finish(Duration.ofMinutes(TIMEOUT_MINUTES + 1));
  }

  static EngineProcess start(SuiteEngine engine, List<String> args, Path logs, String label) throws IOException {
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
    return new EngineProcess(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start(), out, err);
  }

  private void watch() {
    long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
    String pid = Long.toString(process.pid());
    try {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        polled = Math.max(polled, ResultLine.peakRss(pid));
        if (System.nanoTime() > deadline) {
          timedOut = true;
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until the child has printed {@code line} on a line of its own; false if it exited or
   * {@code timeout} passed first.
   */
  boolean awaitLine(String line, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean exited = !process.isAlive();
      if (printed(Files.readString(out, StandardCharsets.ISO_8859_1), line)) {
        return true;
      }
      if (exited || System.nanoTime() > deadline) {
        return false;
      }
      process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  static boolean printed(String stdout, String line) {
    return stdout.lines().anyMatch(l -> l.strip().equals(line));
  }

  /** Waits up to {@code millis} for the child to exit; true if it has. */
  boolean waitForExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  /** Waits up to {@code timeout} for the child to exit, kills it then, and returns the outcome. */
  Outcome finish(Duration timeout) throws IOException, InterruptedException {
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    watchdog.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    Optional<ResultLine> result = ResultLine.parse(Files.readString(out, StandardCharsets.ISO_8859_1));
    long peak = Math.max(polled, result.map(ResultLine::peakRssBytes).orElse(0L));
    String failure = timedOut ? "timed out after " + TIMEOUT_MINUTES + " min"
        : !exited ? "did not exit within " + timeout.toSeconds() + " s: killed"
        : process.exitValue() != 0 ? "exit " + process.exitValue() + ": " + reason(err)
        : result.isEmpty() ? "no RESULT line" : "";
    return new Outcome(result, seconds, peak, failure);
  }

  /** The first exception or error line of stderr, else its last line. */
  private static String reason(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
        .filter(l -> !l.isBlank()).toList();
    String line = lines.stream().filter(l -> l.contains("Exception") || l.contains("Error")).findFirst()
        .orElse(lines.isEmpty() ? "see " + file : lines.get(lines.size() - 1));
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
