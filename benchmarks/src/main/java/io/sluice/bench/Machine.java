package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine a benchmark ran on. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException e) {
      // not Linux: keep "unknown CPU"
    }
    return String.format("%d cores (%s), %d MiB max heap, Java %s, %s", Runtime.getRuntime().availableProcessors(),
        cpu, Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"),
        System.getProperty("os.name"));
  }
}
