package io.sluice.expectations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.function.SerializableFunction;

/** Records what it receives, rendered by a function, in a static list per key. */
final class CollectingSink implements Sink<RowData> {
  private static final Map<String, Queue<String>> RECEIVED = new ConcurrentHashMap<>();

  private final String key;
  private final SerializableFunction<RowData, String> render;

  CollectingSink(String key, SerializableFunction<RowData, String> render) {
    this.key = key;
    this.render = render;
  }

  static List<String> received(String key) {
    return new ArrayList<>(RECEIVED.getOrDefault(key, new ConcurrentLinkedQueue<>()));
  }

  @Override
  @SuppressWarnings("deprecation")
  public SinkWriter<RowData> createWriter(InitContext context) {
    Queue<String> queue = RECEIVED.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
    return new SinkWriter<>() {
      @Override
      public void write(RowData row, Context ctx) {
        queue.add(render.apply(row));
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
