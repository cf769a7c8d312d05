package io.sluice.runtime.events;

import io.sluice.core.events.EventCodec;
import io.sluice.core.events.PipelineEvent;
import io.sluice.runtime.storage.StorageLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log's JSON-lines file ({@code storage/system/event_log.jsonl}): one event per line in
 * the codec's form, appended as events happen, so nothing is lost if the process dies.
 */
public final class EventLogFiles {
  private final Path file;

  public EventLogFiles(StorageLayout layout) {
    this.file = layout.system().resolve("event_log.jsonl");
  }

  public Path path() {
    return file;
  }

  synchronized void append(PipelineEvent event) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, EventCodec.toJson(event) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the event log " + file, e);
    }
  }

  /** Every event, oldest first. */
  public List<PipelineEvent> readAll() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<PipelineEvent> events = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          events.add(EventCodec.fromJson(line));
        }
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event log " + file, e);
    }
  }

  /** The sequence number of the last event, or -1: read from the end of the file. */
  long lastSequence() {
    if (!Files.exists(file)) {
      return -1;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long pos = raf.length() - 1;
      while (pos >= 0) {
        raf.seek(pos);
        if (raf.read() == '\n' && pos < raf.length() - 1) {
          break;
        }
        pos--;
      }
      raf.seek(pos + 1);
      String last = raf.readLine();
      return last == null || last.isBlank() ? -1 : EventCodec.fromJson(last).sequence();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event log " + file, e);
    }
  }
}
