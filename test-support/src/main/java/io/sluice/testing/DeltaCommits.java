package io.sluice.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * The commits of a Delta table read from its log: each version's commit time and the values of
 * one BIGINT column in the files it added. For measuring when rows became visible (a commit's
 * {@code commitInfo.timestamp} is when it was written). Unpartitioned tables without column
 * mapping, as Sluice writes them.
 */
public final class DeltaCommits {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One commit: its version, its time (epoch ms), and the column's values in the files it added. */
  public record Commit(long version, long timestampMillis, List<Long> added) {}

  private DeltaCommits() {}

  public static List<Commit> read(Path table, String bigintColumn) {
    Engine engine = DefaultEngine.create(new Configuration());
    URI root = table.toAbsolutePath().toUri();
    StructType schema = TableManager.loadSnapshot(root.toString()).build(engine).getSchema();
    StructType column = new StructType().add(schema.get(bigintColumn));
    List<Commit> commits = new ArrayList<>();
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      for (Path file : log.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList()) {
        commits.add(commit(engine, root, file, column));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commits;
  }

  private static Commit commit(Engine engine, URI root, Path file, StructType column) throws IOException {
    long version = Long.parseLong(file.getFileName().toString().substring(0, 20));
    long timestamp = -1;
    List<Long> values = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode action = JSON.readTree(line);
      if (action.has("commitInfo")) {
        timestamp = action.get("commitInfo").path("timestamp").asLong(-1);
      } else if (action.has("add")) {
        JsonNode add = action.get("add");
        FileStatus data = FileStatus.of(root.resolve(add.get("path").asText()).toString(),
            add.path("size").asLong(), add.path("modificationTime").asLong());
        try (CloseableIterator<ColumnarBatch> batches = engine.getParquetHandler()
            .readParquetFiles(single(data), column, Optional.empty()).map(r -> r.getData())) {
          while (batches.hasNext()) {
            ColumnarBatch batch = batches.next();
            ColumnVector v = batch.getColumnVector(0);
            for (int i = 0; i < batch.getSize(); i++) {
              values.add(v.isNullAt(i) ? null : v.getLong(i));
            }
          }
        }
      }
    }
    return new Commit(version, timestamp, values);
  }

  private static CloseableIterator<FileStatus> single(FileStatus file) {
    return io.delta.kernel.internal.util.Utils.singletonCloseableIterator(file);
  }
}
