package io.sluice.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * An engine of the suite: its main class and the classpath its JVM is started with, or why it
 * cannot run ({@code not built}). {@code sluice} and {@code flink} live in this module's jar;
 * {@code spark} in {@code benchmarks-spark}, whose package phase writes its jar and
 * {@code target/classpath.txt}.
 */
record SuiteEngine(String name, String mainClass, Optional<String> classpath, String missing) {

  static List<SuiteEngine> all(Path repo) {
    Path bench = repo.resolve("benchmarks/target");
    Path spark = repo.resolve("benchmarks-spark/target");
    return List.of(
        of("sluice", "io.sluice.bench.suite.SluiceMain", bench.resolve("sluice-benchmarks-0.1.0-SNAPSHOT.jar"), bench),
        of("flink", "io.sluice.bench.flink.FlinkMain", bench.resolve("sluice-benchmarks-0.1.0-SNAPSHOT.jar"), bench),
        of("spark", "io.sluice.bench.spark.SparkMain", spark.resolve("sluice-benchmarks-spark-0.1.0-SNAPSHOT.jar"),
            spark));
  }

  static SuiteEngine of(String name, String mainClass, Path jar, Path target) {
    Path deps = target.resolve("classpath.txt");
    if (!Files.exists(jar) || !Files.exists(deps)) {
      return new SuiteEngine(name, mainClass, Optional.empty(), "not built (no " + jar.getFileName() + ")");
    }
    if (!contains(jar, mainClass)) {
      return new SuiteEngine(name, mainClass, Optional.empty(), "not built (no " + mainClass + ")");
    }
    try {
      return new SuiteEngine(name, mainClass, Optional.of(jar + ":" + Files.readString(deps).strip()), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean available() {
    return classpath.isPresent();
  }

  private static boolean contains(Path jar, String mainClass) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(mainClass.replace('.', '/') + ".class") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
