package io.sluice.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private final EventFactory events =
      new EventFactory("shop", "u-1", 41, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void roundTripsEveryEventType() {
    List<PipelineEvent> all = List.of(
        events.createUpdate("USER_ACTION", List.of("a"), List.of(), false),
        events.userAction("START", "ada"),
        events.updateProgress("RUNNING", Optional.empty()),
        events.flowDefinition("orders", "orders", "APPEND", List.of("raw"),
            List.of(Map.of("name", "id", "type", "BIGINT", "nullable", true))),
        events.flowProgress("orders", "orders", "COMPLETED", Map.of("num_output_rows", 5),
            Optional.of(Map.of("dropped_records", 1, "expectations",
                List.of(Map.of("name", "valid_id", "dataset", "orders", "passed_records", 5, "failed_records", 1)))),
            Optional.empty()),
        events.planningInformation("totals", "totals", "COMPLETE_RECOMPUTE", "an input changed"),
        events.updateProgress("FAILED", Optional.of(EventError.of(new IllegalStateException("outer",
            new RuntimeException("inner"))))));
    for (PipelineEvent e : all) {
      assertThat(EventCodec.fromJson(EventCodec.toJson(e))).isEqualTo(e);
    }
    assertThat(all).extracting(PipelineEvent::sequence).containsExactly(41L, 42L, 43L, 44L, 45L, 46L, 47L);
    assertThat(all.get(6).level()).isEqualTo(EventLevel.ERROR);
    assertThat(all.get(6).error().orElseThrow().causes()).containsExactly("inner");
    assertThat(EventCodec.toJson(all.get(4))).contains("\"event_type\":\"flow_progress\"")
        .contains("\"details\":{\"flow_progress\":{\"status\":\"COMPLETED\"");
  }

  @Test
  void refusesUnknownFormats() {
    String json = EventCodec.toJson(events.userAction("START", "ada")).replace("\"format\":1", "\"format\":9");
    assertThatThrownBy(() -> EventCodec.fromJson(json)).hasMessageContaining("format 9 is not supported");
  }
}
