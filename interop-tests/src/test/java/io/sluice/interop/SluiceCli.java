package io.sluice.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sluice command line as a child JVM, the way the ./sluice launcher does
 * ({@code java <add-opens> -cp cli/target/sluice-cli-VERSION.jar:$(cat cli/target/classpath.txt)
 * io.sluice.cli.Main ...}), without its build step and without any Sluice class on this JVM.
 */
final class SluiceCli {
  /** The flags of the ./sluice launcher. */
  private static final List<String> LAUNCHER_FLAGS = List.of(
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED");

  private final Path jar;
  private final Path classpathFile;
  private final Path workDir;
  private final Duration deadline;
  private int runs;

  SluiceCli(Path repoRoot, String version, Path workDir, Duration deadline) {
    this.jar = repoRoot.resolve("cli/target/sluice-cli-" + version + ".jar");
    this.classpathFile = repoRoot.resolve("cli/target/classpath.txt");
    this.workDir = workDir;
    this.deadline = deadline;
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpathFile)) {
      fail("The sluice CLI is not built: " + jar + " and " + classpathFile + " must exist. The reactor builds"
          + " cli before interop-tests; when running this module alone, first run"
          + " 'mvn -B -q install -DskipTests' at the repository root.");
    }
  }

  /** Runs {@code sluice ARGS}; fails the test, with the output and the log's tail, unless it exits 0 in time. */
  String run(String... args) throws IOException, InterruptedException {
    int n = ++runs;
    Path output = workDir.resolve("sluice-run-" + n + ".out");
    Path log = workDir.resolve("sluice-run-" + n + ".log");
    String classpath = jar + File.pathSeparator + Files.readString(classpathFile).trim();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.addAll(LAUNCHER_FLAGS);
    command.add("-Dsluice.log.file=" + log);
    command.add("-cp");
    command.add(classpath);
    command.add("io.sluice.cli.Main");
    command.addAll(List.of(args));

    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close(); // no stdin: nothing interactive
    boolean exited = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      fail("sluice %s did not finish within %s%n--- output ---%n%s%n--- log (tail) ---%n%s",
          String.join(" ", args), deadline, read(output), tail(log));
    }
    String out = read(output);
    if (process.exitValue() != 0) {
      fail("sluice %s exited with %d%n--- output ---%n%s%n--- log (tail) ---%n%s",
          String.join(" ", args), process.exitValue(), out, tail(log));
    }
    System.out.printf("sluice %s: exit 0 in %.1f s%n%s%n", String.join(" ", args),
        (System.nanoTime() - started) / 1e9, out);
    return out;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)";
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "(no log at " + file + ")";
    }
    List<String> lines = Files.readAllLines(file);
    return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
