package io.sluice.bench.suite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one line an engine prints on stdout (WORKLOADS.md, "Engines"):
 * {@code RESULT {"engine":"sluice","workload":"W1","records":n,"seconds":s,"peakRssBytes":b}},
 * with {@code "expectations":{"name":failures,...}} for W2 with five expectations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultLine(String engine, String workload, long records, double seconds, long peakRssBytes,
    Map<String, Long> expectations) {
  static final String PREFIX = "RESULT ";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public ResultLine {
    expectations = expectations == null || expectations.isEmpty() ? null : Map.copyOf(expectations);
  }

  String format() {
    try {
      return PREFIX + JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last RESULT line of an engine's stdout, if it printed one that parses. */
  static Optional<ResultLine> parse(String stdout) {
    String found = null;
    for (String line : stdout.split("\\R")) {
      if (line.startsWith(PREFIX)) {
        found = line.substring(PREFIX.length());
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(found, ResultLine.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code VmHWM} of {@code /proc/<pid>/status} in bytes, or 0 where there is no such file. */
  static long peakRss(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return 0;
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }
}
