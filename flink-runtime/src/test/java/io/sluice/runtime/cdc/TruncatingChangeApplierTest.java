package io.sluice.runtime.cdc;

import static io.sluice.runtime.cdc.Cdc.delete;
import static io.sluice.runtime.cdc.Cdc.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class TruncatingChangeApplierTest {
  private static final ChangeLayout LAYOUT = Cdc.scd1(false);
  private static final RowDataSerializer INPUT = new RowDataSerializer(Cdc.INPUT);

  /** A change event (upsert or delete) or a truncate, with its sequence. */
  private record Event(boolean truncate, GenericRowData row) {
    static Event change(GenericRowData row) {
      return new Event(false, row);
    }

    static Event truncateAt(long seq) {
      return new Event(true, upsert(0, null, null, seq));
    }
  }

  @Test
  void aTruncateRemovesEveryRowUpToItsSequenceAndKeepsLaterOnes() throws Exception {
    try (var h = open(null, Cdc.Backend.HEAP)) {
      send(h, Event.change(upsert(1, "a", 10L, 1)), Event.change(upsert(2, "b", 20L, 2)),
          Event.change(upsert(3, "c", 30L, 9)), Event.change(delete(4, 3)));
      assertThat(drain(h)).containsExactly("+I(1,a,10)", "+I(2,b,20)", "+I(3,c,30)");

      send(h, Event.truncateAt(5));
      assertThat(drain(h)).containsExactlyInAnyOrder("-D(1,a,10)", "-D(2,b,20)");

      send(h, Event.change(upsert(1, "late", 1L, 4)), Event.change(upsert(4, "late", 1L, 5)),
          Event.change(upsert(2, "new", 2L, 6)), Event.truncateAt(3));
      assertThat(drain(h)).as("events and truncates at or before the truncate are ignored")
          .containsExactly("+I(2,new,2)");
      assertThat(accumulator(h, ChangeApplier.DELETED_ACCUMULATOR)).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theTableDoesNotDependOnHowTheTwoInputsInterleave(long seed) throws Exception {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long seq = 1 + random.nextInt(100);
      int key = random.nextInt(20);
      events.add(random.nextInt(40) == 0 ? Event.truncateAt(seq)
          : Event.change(random.nextInt(5) == 0 ? delete(key, seq) : upsert(key, "v" + seq, seq, seq)));
    }
    // unique sequences per key and for truncates, so the reference is unambiguous
    List<Event> unique = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Event e : events) {
      if (seen.add((e.truncate() ? "t" : e.row().getInt(0)) + "@" + e.row().getLong(3))) {
        unique.add(e);
      }
    }
    List<String> reference = reference(unique);
    for (int shuffle = 0; shuffle < 3; shuffle++) {
      Collections.shuffle(unique, random);
      try (var h = open(null, Cdc.Backend.HEAP)) {
        send(h, unique.toArray(Event[]::new));
        assertThat(Changelogs.table(rows(h), LAYOUT.targetTypes())).as("shuffle %d", shuffle)
            .containsExactlyInAnyOrderElementsOf(reference);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Cdc.Backend.class)
  void aRestoredApplierRemembersTheTruncateAndReplaysTheSame(Cdc.Backend backend) throws Exception {
    List<Event> after = List.of(Event.change(upsert(1, "late", 1L, 4)), Event.change(upsert(3, "x", 3L, 7)),
        Event.truncateAt(8), Event.change(upsert(5, "y", 5L, 9)));
    OperatorSubtaskState checkpoint;
    List<String> uninterrupted;
    try (var first = open(null, backend)) {
      send(first, Event.change(upsert(1, "a", 10L, 1)), Event.change(upsert(2, "b", 20L, 6)), Event.truncateAt(5));
      assertThat(drain(first)).containsExactly("+I(1,a,10)", "+I(2,b,20)", "-D(1,a,10)");
      checkpoint = first.snapshot(1L, 1L);
      send(first, after.toArray(Event[]::new));
      uninterrupted = drain(first);
    }
    assertThat(uninterrupted).containsExactlyInAnyOrder("+I(3,x,3)", "-D(2,b,20)", "-D(3,x,3)", "+I(5,y,5)");
    for (int replay = 0; replay < 2; replay++) {
      try (var restored = open(checkpoint, backend)) {
        send(restored, after.toArray(Event[]::new));
        assertThat(drain(restored)).as("replay %d", replay).containsExactlyInAnyOrderElementsOf(uninterrupted);
      }
    }
  }

  /** SCD type 1 by sequence, where a truncate at t deletes every key whose latest sequence is at or before t. */
  private static List<String> reference(List<Event> events) {
    long truncatedAt = events.stream().filter(Event::truncate).mapToLong(e -> e.row().getLong(3)).max().orElse(0);
    TreeMap<Integer, GenericRowData> latest = new TreeMap<>();
    for (Event e : events) {
      if (!e.truncate()) {
        latest.merge(e.row().getInt(0), e.row(), (x, y) -> x.getLong(3) >= y.getLong(3) ? x : y);
      }
    }
    List<String> out = new ArrayList<>();
    latest.values().stream().filter(r -> r.getLong(3) > truncatedAt && !r.getBoolean(4))
        .forEach(r -> out.add("(" + r.getInt(0) + "," + r.getString(1) + "," + r.getLong(2) + ")"));
    return out;
  }

  private static KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> open(
      OperatorSubtaskState state, Cdc.Backend backend) throws Exception {
    return Cdc.openTwoInput(new TruncatingChangeApplier(LAYOUT), Cdc.INPUT[0], LAYOUT.targetTypes(), state, backend);
  }

  private static void send(KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> h,
      Event... events) throws Exception {
    for (Event e : events) {
      StreamRecord<RowData> record = new StreamRecord<>(INPUT.toBinaryRow(e.row()).copy());
      if (e.truncate()) {
        h.processElement2(record);
      } else {
        h.processElement1(record);
      }
    }
  }

  private static List<String> drain(KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> h) {
    List<String> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r) {
        RowData row = (RowData) r.getValue();
        out.add(row.getRowKind().shortString() + Cdc.text(row, LAYOUT.targetTypes()));
      }
    }
    h.getOutput().clear();
    return out;
  }

  private static List<RowData> rows(KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> h) {
    List<RowData> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r) {
        out.add((RowData) r.getValue());
      }
    }
    return out;
  }

  private static long accumulator(KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> h,
      String name) {
    var a = h.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
    return a == null ? 0 : (Long) a.getLocalValue();
  }
}
