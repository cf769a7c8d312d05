package io.sluice.runtime.exec;

import io.sluice.connectors.delta.DeltaTable;
import io.sluice.runtime.source.InputSpec;
import io.sluice.runtime.translate.Uids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The current version of each input of a materialized view: a Delta table's version, or for files
 * a hash of the listing (names, sizes, modification times). Equal versions and an equal definition
 * mean the view is up to date and need not be recomputed.
 */
final class InputVersions {
  private InputVersions() {}

  static Map<String, String> of(List<InputSpec> inputs) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (InputSpec in : inputs) {
      versions.put(in.key(), version(in));
    }
    return versions;
  }

  private static String version(InputSpec in) {
    switch (in.kind()) {
      case DELTA:
        DeltaTable t = DeltaTable.forPath(in.path());
        return t.exists() ? "v" + t.latestVersion() : "none";
      case FILES:
        return "files-" + listing(in.path());
      case ICEBERG:
        io.sluice.connectors.iceberg.IcebergTable ice = io.sluice.connectors.iceberg.IcebergTable.forPath(in.path());
        return ice.exists() ? "s" + ice.currentSnapshotId().map(String::valueOf).orElse("none") : "none";
      default:
        throw new IllegalStateException("Unknown input kind " + in.kind());
    }
  }

  private static String listing(String uri) {
    URI u = URI.create(uri);
    if (!"file".equals(u.getScheme())) {
      return "unknown-" + System.nanoTime();
    }
    Path root = Path.of(u);
    if (!Files.exists(root)) {
      return "missing";
    }
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(root.relativize(p)).append(':').append(Files.size(p)).append(':')
            .append(Files.getLastModifiedTime(p).toMillis()).append(';');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
    return Uids.fingerprint(sb.toString());
  }
}
