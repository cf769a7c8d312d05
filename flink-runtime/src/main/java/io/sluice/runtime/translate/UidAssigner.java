package io.sluice.runtime.translate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;

/**
 * Gives every transformation of one flow's job that has no UID yet a deterministic one, derived
 * from the flow's name and the fingerprint of its definition (see {@link Uids}). Sources and sinks
 * set their own UIDs when they are created; this covers what Flink's planner generated in between.
 *
 * <p>Order: breadth-first from the sink, visiting inputs in order. The planner produces the same
 * transformation tree for the same query over the same input schemas, so the same flow
 * definition always gets the same UIDs.
 */
final class UidAssigner {
  private UidAssigner() {}

  static void assign(Transformation<?> sink, String flow, String fingerprint) {
    Deque<Transformation<?>> todo = new ArrayDeque<>();
    Set<Transformation<?>> seen = new LinkedHashSet<>();
    todo.add(sink);
    while (!todo.isEmpty()) {
      Transformation<?> t = todo.poll();
      if (seen.add(t)) {
        todo.addAll(t.getInputs());
      }
    }
    int index = 0;
    for (Transformation<?> t : seen) {
      if (t.getUid() == null && t.getUserProvidedNodeHash() == null) {
        t.setUid(Uids.operator(flow, fingerprint, index++));
      }
    }
  }
}
