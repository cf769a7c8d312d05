package io.sluice.bench.flink;

import java.nio.file.Path;

/** Table locations as the Delta connector wants them: Hadoop file system URIs. */
final class Paths {
  private Paths() {}

  /** {@code file:///abs/path} for a local path; a URI with a scheme is returned as it is. */
  static String uri(String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*")) {
      return path;
    }
    return "file://" + Path.of(path).toAbsolutePath().normalize();
  }
}
