package io.sluice.bench.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code java} child process for the W5 test, started with this JVM's {@code java}: its stdout read
 * line by line into memory (and waited on), its stderr written to a file, its stdin kept open until
 * {@link #close()} (the Kafka broker runs until then).
 */
final class JavaProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path stderr;
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  private JavaProcess(String name, Process process, Path stderr) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readStdout, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** {@code java <jvmFlags> -cp <classpath> <mainClass> <args>}, stderr to {@code stderr}. */
  static JavaProcess start(String name, List<String> jvmFlags, String classpath, String mainClass,
      List<String> args, Path stderr) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    Files.createDirectories(stderr.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return new JavaProcess(name, builder.start(), stderr);
  }

  /** The first stdout line that matches, waiting up to {@code timeout}; fails if the process ends first. */
  synchronized String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int seen = 0; ; ) {
      for (; seen < lines.size(); seen++) {
        if (matches.test(lines.get(seen))) {
          return lines.get(seen);
        }
      }
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        throw new AssertionError("Cannot find the expected line on " + name + "'s stdout ("
            + (ended ? "the process ended" : "waited " + timeout.toSeconds() + " s") + "): " + lines
            + "; its stderr is " + stderr);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** The exit code, waiting up to {@code timeout}; fails if the process is still running then. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("Cannot see " + name + " exit in " + timeout.toSeconds() + " s; its stderr is "
          + stderr);
    }
    return process.exitValue();
  }

  synchronized List<String> stdout() {
    return List.copyOf(lines);
  }

  /** Closes its stdin, gives it 30 s to exit, then kills it. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private void readStdout() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the process is gone: same as the end of its output
    }
    synchronized (this) {
      ended = true;
      notifyAll();
    }
  }
}
