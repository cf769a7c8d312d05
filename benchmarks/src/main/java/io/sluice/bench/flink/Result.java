package io.sluice.bench.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a workload reports: rows read, its wall time and, for W2, the failures per expectation (in
 * the contract's order). Printed as the one {@code RESULT} line of the engine contract.
 */
record Result(String workload, long records, double seconds, Map<String, Long> expectations) {

  Result {
    expectations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expectations));
  }

  static Result of(String workload, long records, double seconds) {
    return new Result(workload, records, seconds, Map.of());
  }

  /** {@code RESULT {...}} with {@code peakRssBytes} read now. */
  String line() {
    StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
        "{\"engine\":\"flink\",\"workload\":\"%s\",\"records\":%d,\"seconds\":%.3f,"
            + "\"peakRssBytes\":%d", workload, records, seconds, peakRssBytes()));
    if (!expectations.isEmpty()) {
      json.append(",\"expectations\":").append(expectations.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
          .collect(Collectors.joining(",", "{", "}")));
    }
    return "RESULT " + json.append('}');
  }

  /** The line of a workload this engine does not implement. */
  static String notApplicable(String workload) {
    return "RESULT {\"engine\":\"flink\",\"workload\":\"" + workload
        + "\",\"notApplicable\":true}";
  }

  /** {@code VmHWM} of {@code /proc/self/status} in bytes; -1 where there is no such file. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring("VmHWM:".length()).replace("kB", "").trim();
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: reported as -1
    }
    return -1;
  }
}
