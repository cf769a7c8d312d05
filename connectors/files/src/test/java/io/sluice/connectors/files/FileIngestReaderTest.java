package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // FileIngestReader.close() is inherited from SourceReaderBase
class FileIngestReaderTest {
  private static final long DEADLINE_MS = 30_000;

  @TempDir Path dir;

  @Test
  void resumesAJsonFileMidwayEmittingEachRecordExactlyOnce() throws Exception {
    int total = FileSplitReader.BATCH_SIZE * 2 + 100;
    Path file = dir.resolve("events.json");
    Files.write(file, IntStream.range(0, total).mapToObj(i -> (i % 7 == 0 ? "\n" : "") + "{\"id\":" + i + "}").toList());

    List<Long> ids = readWithRestore(file, FileFormat.JSON, FileSplitReader.BATCH_SIZE + 37);

    assertThat(ids).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> (long) i).toList());
  }

  @Test
  void resumesACsvFileMidwayWithoutCountingTheHeader() throws Exception {
    Path file = dir.resolve("events.csv");
    Files.writeString(file, "id\n" + IntStream.range(0, 10).mapToObj(Integer::toString).collect(Collectors.joining("\n")));

    List<Long> ids = readWithRestore(file, FileFormat.CSV, 4);

    assertThat(ids).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void failsNamingFileAndRecordWhenARecordDoesNotFitAndRescueIsDisabled() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"id\":1}\n{\"id\":\"two\"}\n");
    FileSplitReader reader = new FileSplitReader(spec(FileFormat.JSON, null));
    reader.handleSplitsChanges(new SplitsAddition<>(List.of(split(file))));

    assertThatThrownBy(reader::fetch)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Cannot read record 2 of file " + split(file).path())
        .hasMessageContaining("fields [id] are not in the schema or do not fit their column type")
        .hasMessageEndingWith("Enable the rescued data column to keep such records, or change the schema.");
  }

  @Test
  void finishesAFileDeletedBeforeItWasReadWithoutRows() throws Exception {
    Path file = dir.resolve("gone.json");
    FileSplitReader reader = new FileSplitReader(spec(FileFormat.JSON, "_rescued_data"));
    reader.handleSplitsChanges(new SplitsAddition<>(List.of(split(file))));

    RecordsWithSplitIds<RowData> fetched = reader.fetch();

    assertThat(fetched.finishedSplits()).containsExactly(split(file).path());
    assertThat(fetched.nextSplit()).isEqualTo(split(file).path());
    assertThat(fetched.nextRecordFromSplit()).isNull();
  }

  private FileReadSpec spec(FileFormat format, String rescuedColumn) {
    return new FileReadSpec(
        new FileDiscovery(dir.toUri().toString()), format, FormatOptions.defaults(),
        FileSchemaInference.parseSchema("id BIGINT"), rescuedColumn, ReadColumns.all());
  }

  private static FileSplit split(Path file) throws IOException {
    long length = Files.exists(file) ? Files.size(file) : 0;
    return new FileSplit(new org.apache.flink.core.fs.Path(file.toUri()).toString(), 0, length, 0);
  }

  /** Reads {@code before} records, snapshots, then reads the rest with a new reader from the snapshot. */
  private List<Long> readWithRestore(Path file, FileFormat format, int before) throws Exception {
    FileReadSpec spec = spec(format, "_rescued_data");
    FileSplit split = split(file);
    CollectingOutput output = new CollectingOutput();

    Context firstContext = new Context();
    FileSplit snapshot;
    try (FileIngestReader first = new FileIngestReader(spec, firstContext)) {
      first.start();
      first.addSplits(List.of(split));
      poll(first, output, before);
      List<FileSplit> state = first.snapshotState(1);
      assertThat(state).hasSize(1);
      snapshot = FileSplitSerializer.INSTANCE.deserialize(1, FileSplitSerializer.INSTANCE.serialize(state.get(0)));
    }
    assertThat(firstContext.splitRequests).as("asked once at start, holding nothing").isEqualTo(1);
    assertThat(snapshot.recordsToSkip()).isEqualTo(before);

    Context secondContext = new Context();
    try (FileIngestReader second = new FileIngestReader(spec, secondContext)) {
      second.addSplits(List.of(snapshot));
      second.start();
      second.notifyNoMoreSplits();
      int secondRequestsAtStart = secondContext.splitRequests;
      poll(second, output, Integer.MAX_VALUE);
      assertThat(secondRequestsAtStart).as("a restored reader does not ask while it holds a split").isZero();
      assertThat(secondContext.splitRequests).as("asks again once the file is done").isEqualTo(1);
    }
    return output.rows.stream().map(row -> row.getLong(0)).toList();
  }

  private static void poll(FileIngestReader reader, CollectingOutput output, int records) throws Exception {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    int target = records == Integer.MAX_VALUE ? Integer.MAX_VALUE : output.rows.size() + records;
    while (output.rows.size() < target) {
      InputStatus status = reader.pollNext(output);
      if (status == InputStatus.END_OF_INPUT) {
        return;
      }
      if (status == InputStatus.NOTHING_AVAILABLE) {
        long left = deadline - System.currentTimeMillis();
        assertThat(left).as("reader made progress before the deadline").isPositive();
        reader.isAvailable().get(left, TimeUnit.MILLISECONDS);
      }
    }
  }

  private static final class Context implements SourceReaderContext {
    int splitRequests;

    @Override
    public SourceReaderMetricGroup metricGroup() {
      return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
    }

    @Override
    public Configuration getConfiguration() {
      return new Configuration();
    }

    @Override
    public String getLocalHostName() {
      return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public void sendSplitRequest() {
      splitRequests++;
    }

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
  }

  private static final class CollectingOutput implements ReaderOutput<RowData> {
    final List<RowData> rows = new ArrayList<>();

    @Override
    public void collect(RowData record) {
      rows.add(record);
    }

    @Override
    public void collect(RowData record, long timestamp) {
      rows.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<RowData> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
