package io.sluice.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in a child JVM, as a user's shell would, with output going to a file. */
final class CliProcess {
  private CliProcess() {}

  static Process start(Path workDir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String pkg : List.of("java.util", "java.lang", "java.nio", "sun.nio.ch", "java.lang.invoke",
        "java.net", "java.io", "java.util.concurrent")) {
      cmd.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
    }
    cmd.add("-Dsluice.log.file=" + workDir.resolve("sluice.log"));
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Files.createDirectories(workDir);
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("cli.out").toFile())
        .start();
  }

  /** What the child printed so far. */
  static String output(Path workDir) {
    try {
      Path out = workDir.resolve("cli.out");
      return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "(no output)";
    } catch (IOException e) {
      return "(cannot read output: " + e + ")";
    }
  }

  /** The launcher's classpath when the module is packaged, else this JVM's. */
  private static String classpath() throws IOException {
    Path cpFile = Path.of("target", "classpath.txt");
    Path classes = Path.of("target", "classes").toAbsolutePath();
    if (Files.exists(cpFile)) {
      return classes + File.pathSeparator + Files.readString(cpFile, StandardCharsets.UTF_8).strip();
    }
    return System.getProperty("java.class.path");
  }
}
