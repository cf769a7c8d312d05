package io.sluice.cli;

import io.sluice.core.events.EventType;
import io.sluice.core.events.PipelineEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums the expectation counts of flow_progress events per update and dataset|expectation. */
final class QualityCounts {
  private QualityCounts() {}

  /** update id → "dataset|expectation" → {passed, failed}, updates in log order. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, long[]>> byUpdate(List<PipelineEvent> events) {
    Map<String, Map<String, long[]>> result = new LinkedHashMap<>();
    for (PipelineEvent e : events) {
      if (e.type() != EventType.FLOW_PROGRESS) {
        continue;
      }
      Map<String, Object> progress = (Map<String, Object>) e.details().get("flow_progress");
      Object dq = progress == null ? null : progress.get("data_quality");
      if (!(dq instanceof Map<?, ?> quality)) {
        continue;
      }
      Map<String, long[]> counts = result.computeIfAbsent(e.origin().updateId(), u -> new LinkedHashMap<>());
      for (Object o : (List<Object>) quality.get("expectations")) {
        Map<String, Object> x = (Map<String, Object>) o;
        long[] c = counts.computeIfAbsent(x.get("dataset") + "|" + x.get("name"), k -> new long[2]);
        c[0] += ((Number) x.get("passed_records")).longValue();
        c[1] += ((Number) x.get("failed_records")).longValue();
      }
    }
    return result;
  }
}
