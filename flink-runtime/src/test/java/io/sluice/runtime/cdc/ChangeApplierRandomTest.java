package io.sluice.runtime.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random events over 20 keys (upserts, deletes, duplicates, any order of delivery, a restore from
 * a checkpoint in the middle): the table the changelog folds into equals the one a plain model
 * computes from the events sorted by sequence.
 */
@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class ChangeApplierRandomTest {
  private static final int KEYS = 20;
  private static final int EVENTS = 300;
  private static final String[] NAMES = {"a", "b", "c", null};
  private static final Long[] AMOUNTS = {1L, 2L, null};

  /** One change event; {@code del} may be NULL (not a delete). */
  record Event(int id, String name, Long amount, long seq, Boolean del) {
    boolean isDelete() {
      return Boolean.TRUE.equals(del);
    }

    GenericRowData row() {
      return GenericRowData.of(id, name == null ? null : StringData.fromString(name), amount, seq, del, 0);
    }

    String values() {
      return "(" + id + "," + name + "," + amount;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void scd1KeepsTheLastEventBySequenceOfEachKey(long seed) throws Exception {
    List<Event> events = events(new Random(seed));
    ChangeLayout layout = Cdc.scd1(false, Long.MAX_VALUE);
    Map<Integer, Event> last = new TreeMap<>();
    for (Event e : bySequence(events)) {
      last.put(e.id(), e);
    }
    List<String> expected = last.values().stream().filter(e -> !e.isDelete()).map(e -> e.values() + ")").toList();

    assertThat(run(layout, delivery(events, new Random(-seed)), seed)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void scd2KeepsTheHistoryOfTheEventsInSequenceOrder(long seed) throws Exception {
    List<Event> events = events(new Random(seed));
    boolean ignoreNulls = seed % 2 == 0;
    boolean[] tracked = seed % 3 == 0 ? new boolean[] {true, true, false} : null;
    ChangeLayout layout = Cdc.scd2(ignoreNulls, tracked);

    List<String> expected = new ArrayList<>();
    bySequence(events).stream().collect(Collectors.groupingBy(Event::id, TreeMap::new, Collectors.toList()))
        .values().forEach(history -> expected.addAll(versions(history, ignoreNulls, tracked != null)));

    assertThat(run(layout, delivery(events, new Random(-seed)), seed)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The model of SCD type 2, over one key's events in sequence order. */
  private static List<String> versions(List<Event> history, boolean ignoreNulls, boolean amountUntracked) {
    List<String> out = new ArrayList<>();
    Event current = null; // its values; seq is the version's start
    for (Event e : history) {
      if (e.isDelete()) {
        if (current != null) {
          out.add(current.values() + "," + current.seq() + "," + e.seq() + ")");
        }
        current = null;
        continue;
      }
      String name = ignoreNulls && current != null && e.name() == null ? current.name() : e.name();
      Long amount = ignoreNulls && current != null && e.amount() == null ? current.amount() : e.amount();
      if (current == null) {
        current = new Event(e.id(), name, amount, e.seq(), false);
      } else if (!Objects.equals(name, current.name())
          || (!amountUntracked && !Objects.equals(amount, current.amount()))) {
        out.add(current.values() + "," + current.seq() + "," + e.seq() + ")");
        current = new Event(e.id(), name, amount, e.seq(), false);
      } else {
        current = new Event(e.id(), name, amount, current.seq(), false);
      }
    }
    if (current != null) {
      out.add(current.values() + "," + current.seq() + ",null)");
    }
    return out;
  }

  /** Feeds the rows, restoring from a checkpoint taken part way (RocksDB for odd seeds); the table. */
  private static List<String> run(ChangeLayout layout, List<RowData> rows, long seed) throws Exception {
    Cdc.Backend backend = seed % 2 == 1 ? Cdc.Backend.ROCKSDB : Cdc.Backend.HEAP;
    int checkpointAt = new Random(seed * 31).nextInt(rows.size());
    List<RowData> changelog = new ArrayList<>();
    OperatorSubtaskState checkpoint;
    try (var first = Cdc.restore(layout, null, backend)) {
      Cdc.send(first, rows.subList(0, checkpointAt).toArray(RowData[]::new));
      checkpoint = first.snapshot(1L, 1L);
      changelog.addAll(Cdc.rows(first));
      Cdc.send(first, rows.subList(checkpointAt, Math.min(rows.size(), checkpointAt + 20)).toArray(RowData[]::new));
    }
    try (var restored = Cdc.restore(layout, checkpoint, backend)) {
      Cdc.send(restored, rows.subList(checkpointAt, rows.size()).toArray(RowData[]::new));
      changelog.addAll(Cdc.rows(restored));
    }
    return Changelogs.table(changelog, layout.targetTypes());
  }

  /** Events with distinct sequences, about a quarter of them deletes (with values, to be ignored). */
  private static List<Event> events(Random random) {
    List<Long> sequences = LongStream.range(0, EVENTS).boxed().collect(Collectors.toList());
    Collections.shuffle(sequences, random);
    List<Event> events = new ArrayList<>();
    for (long seq : sequences) {
      boolean delete = random.nextInt(4) == 0;
      Boolean flag = delete ? Boolean.TRUE : (random.nextBoolean() ? Boolean.FALSE : null);
      events.add(new Event(random.nextInt(KEYS), NAMES[random.nextInt(NAMES.length)],
          AMOUNTS[random.nextInt(AMOUNTS.length)], seq, flag));
    }
    return events;
  }

  /** The events in a random order, some of them twice. */
  private static List<RowData> delivery(List<Event> events, Random random) {
    List<RowData> rows = new ArrayList<>();
    for (Event e : events) {
      rows.add(e.row());
      if (random.nextInt(6) == 0) {
        rows.add(e.row());
      }
    }
    Collections.shuffle(rows, random);
    return rows;
  }

  private static List<Event> bySequence(List<Event> events) {
    return events.stream().sorted(Comparator.comparingLong(Event::seq)).toList();
  }
}
