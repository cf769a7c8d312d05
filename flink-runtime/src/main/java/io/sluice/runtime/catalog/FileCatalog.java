package io.sluice.runtime.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.model.Names;
import io.sluice.core.spec.PipelineSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where pipelines publish their tables so that other pipelines can read them by name ({@code
 * database.table}): a folder with one small JSON entry per table ({@code
 * <catalog>/<database>/<table>.json}: format and location). No server.
 *
 * <p>The {@code catalog} setting of pipeline.yaml names it: a value with a slash or starting with
 * a dot is a folder relative to the pipeline; any other value is a name, kept under {@code
 * $SLUICE_HOME/catalogs/<name>} ({@code SLUICE_HOME} defaults to {@code ~/.sluice}).
 */
public final class FileCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Path root;

  private FileCatalog(String name, Path root) {
    this.name = name;
    this.root = root;
  }

  /** The pipeline's catalog, if its spec names one. */
  public static Optional<FileCatalog> of(PipelineSpec spec) {
    return spec.catalog().map(c -> new FileCatalog(c, locate(spec.folder(), c)));
  }

  static Path locate(Path folder, String catalog) {
    if (catalog.contains("/") || catalog.startsWith(".")) {
      return folder.resolve(catalog).normalize();
    }
    String home = System.getenv().getOrDefault("SLUICE_HOME", System.getProperty("user.home") + "/.sluice");
    return Path.of(home, "catalogs", catalog);
  }

  /** The database a pipeline publishes to: its {@code database} setting, else its name. */
  public static String database(PipelineSpec spec) {
    return Names.normalize(spec.database().orElse(spec.name()));
  }

  /** A published table. */
  public record Entry(String format, String location) {}

  public void publish(String database, String table, Entry entry) {
    Path file = root.resolve(database).resolve(table + ".json");
    ObjectNode n = JSON.createObjectNode();
    n.put("format", entry.format());
    n.put("location", entry.location());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), n);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + database + "." + table + " in catalog " + root, e);
    }
  }

  /**
   * Looks up {@code database.table} or {@code catalog.database.table}; a three-part name must
   * name this catalog.
   */
  public Optional<Entry> lookup(String qualified) {
    List<String> parts = Arrays.stream(qualified.split("\\.")).map(Names::normalize).toList();
    if (parts.size() == 3 && !parts.get(0).equals(Names.normalize(name))) {
      return Optional.empty();
    }
    if (parts.size() < 2 || parts.size() > 3) {
      return Optional.empty();
    }
    Path file = root.resolve(parts.get(parts.size() - 2)).resolve(parts.get(parts.size() - 1) + ".json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(file.toFile());
      return Optional.of(new Entry(n.path("format").asText("delta"), n.path("location").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read catalog entry " + file, e);
    }
  }

  @Override
  public String toString() {
    return "catalog '" + name + "' at " + root;
  }
}
