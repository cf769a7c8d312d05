package io.sluice.connectors.cdc.postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.util.TimeUtils;

/**
 * Options of a PostgreSQL CDC source, named as in Flink CDC's SQL connector. Unknown keys are
 * rejected with the list of known ones; values are never echoed for {@code password}.
 */
final class InputOptions {
  static final Set<String> KEYS = new TreeSet<>(List.of(
      "hostname", "port", "database-name", "schema-name", "table-name", "username", "password",
      "slot.name", "publication.name", "decoding.plugin.name", "scan.startup.mode",
      "heartbeat.interval.ms"));

  private InputOptions() {}

  static void apply(Map<String, String> options, PostgresCdcInput input) {
    options.forEach((key, value) -> apply(key, value, input));
  }

  private static void apply(String key, String value, PostgresCdcInput input) {
    switch (key) {
      case "hostname":
        input.hostname(value);
        break;
      case "port":
        input.port(port(value));
        break;
      case "database-name":
        input.database(value);
        break;
      case "schema-name":
        input.schemaList(list(value));
        break;
      case "table-name":
        input.tableList(list(value));
        break;
      case "username":
        input.username(value);
        break;
      case "password":
        input.password(value);
        break;
      case "slot.name":
        input.slotName(value);
        break;
      case "publication.name":
        input.publicationName(value);
        break;
      case "decoding.plugin.name":
        input.decodingPlugin(value);
        break;
      case "scan.startup.mode":
        input.startup(Startup.parse(value));
        break;
      case "heartbeat.interval.ms":
        input.heartbeatInterval(duration(key, value));
        break;
      default:
        throw new IllegalArgumentException("Cannot use PostgreSQL CDC source option '" + key
            + "': unknown. Use one of " + KEYS + ".");
    }
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Cannot use option port='" + value + "': give a number between 1 and 65535.", e);
    }
  }

  private static Duration duration(String key, String value) {
    try {
      return TimeUtils.parseDuration(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot use option " + key + "='" + value + "': give a"
          + " duration such as 30s or 500ms (a plain number is milliseconds).", e);
    }
  }

  private static String[] list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items.toArray(new String[0]);
  }
}
