package io.sluice.runtime.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Operator UIDs. They derive only from the flow's own name and its own definition, never from the
 * rest of the graph, so that changing one dataset's definition does not invalidate the saved
 * state of the others:
 *
 * <ul>
 *   <li>sources: {@code <flow>/source/<key>}, where the key names what is read (a dataset or a
 *       path). They stay stable when the query changes, so that a streaming table keeps its
 *       progress (processed files, table versions) across edits of its query;
 *   <li>operators the planner generates: {@code <flow>/op/<fingerprint>/<n>}, where the
 *       fingerprint hashes the query and its input schemas: an edited query gets fresh operator
 *       state instead of restoring state of a different shape;
 *   <li>sinks: {@code <flow>/sink/<target>};
 *   <li>the event-time gate of a watermarked input: {@code <flow>/event-time/<key>}, keyed like
 *       the source, so that the newest event time and the late-row count survive query edits.
 * </ul>
 */
public final class Uids {
  private Uids() {}

  public static String source(String flow, String key) {
    return flow + "/source/" + key;
  }

  public static String sink(String flow, String target) {
    return flow + "/sink/" + target;
  }

  public static String eventTime(String flow, String key) {
    return flow + "/event-time/" + key;
  }

  public static String operator(String flow, String fingerprint, int index) {
    return flow + "/op/" + fingerprint + "/" + index;
  }

  /** A short stable hash (12 hex characters) of the given parts. */
  public static String fingerprint(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update(p.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file-name-safe key for a path or name. */
  public static String key(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (safe.length() > 40) {
      safe = safe.substring(safe.length() - 40);
    }
    return safe + "-" + fingerprint(text).substring(0, 8);
  }
}
