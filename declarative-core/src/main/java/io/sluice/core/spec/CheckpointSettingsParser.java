package io.sluice.core.spec;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.yaml.YamlMap;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code checkpoints:} of pipeline.yaml; wrong values are problems with a location. */
final class CheckpointSettingsParser {
  static final Set<String> KEYS = Set.of("interval", "mode", "timeout", "state_backend", "retained");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)");

  private CheckpointSettingsParser() {}

  static CheckpointSettings parse(YamlMap spec) {
    Optional<YamlMap> m = spec.map("checkpoints", ErrorCode.SPEC_INVALID_VALUE);
    if (m.isEmpty()) {
      return CheckpointSettings.DEFAULTS;
    }
    YamlMap c = m.get();
    c.rejectUnknownKeys(KEYS, ErrorCode.SPEC_UNKNOWN_KEY, "checkpoints");
    CheckpointSettings d = CheckpointSettings.DEFAULTS;
    Optional<Duration> interval = c.string("interval").flatMap(v -> duration(c, "interval", v));
    boolean exactlyOnce = c.string("mode").map(v -> mode(c, v)).orElse(true);
    Duration timeout = c.string("timeout").flatMap(v -> duration(c, "timeout", v)).orElse(d.timeout());
    String backend = c.string("state_backend").map(v -> backend(c, v)).orElse(d.stateBackend());
    int retained = c.string("retained").map(v -> retained(c, v)).orElse(d.retained());
    return new CheckpointSettings(interval, exactlyOnce, timeout, backend, retained);
  }

  private static Optional<Duration> duration(YamlMap c, String key, String v) {
    Matcher m = DURATION.matcher(v.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      c.problems().error(ErrorCode.SPEC_INVALID_VALUE, c.valueAt(key),
          "Cannot use checkpoints." + key + " '" + v + "': it is not a duration", "Write e.g. 500ms, 10s, 2min or 1h.");
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Optional.of(Duration.ofMillis(n));
      case "s":
        return Optional.of(Duration.ofSeconds(n));
      case "h":
        return Optional.of(Duration.ofHours(n));
      default:
        return Optional.of(Duration.ofMinutes(n));
    }
  }

  private static boolean mode(YamlMap c, String v) {
    String s = v.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (!s.equals("exactly_once") && !s.equals("at_least_once")) {
      c.problems().error(ErrorCode.SPEC_INVALID_VALUE, c.valueAt("mode"),
          "Cannot use checkpoints.mode '" + v + "'", "Use exactly_once or at_least_once.");
    }
    return !s.equals("at_least_once");
  }

  private static String backend(YamlMap c, String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (!s.equals("hashmap") && !s.equals("rocksdb")) {
      c.problems().error(ErrorCode.SPEC_INVALID_VALUE, c.valueAt("state_backend"),
          "Cannot use state_backend '" + v + "'", "Use hashmap (state in memory) or rocksdb (state on disk).");
      return "hashmap";
    }
    return s;
  }

  private static int retained(YamlMap c, String v) {
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    c.problems().error(ErrorCode.SPEC_INVALID_VALUE, c.valueAt("retained"),
        "Cannot keep '" + v + "' checkpoints", "Write a whole number, 1 or more.");
    return 2;
  }
}
