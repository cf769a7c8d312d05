package io.sluice.runtime.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flink's plan tells which queries use event time; one query per kind of event-time operator. */
class EventTimeOperatorsTest {
  private static final RowType EVENTS = RowType.of(new LogicalType[] {VarCharType.STRING_TYPE, new TimestampType(3)},
      new String[] {"k", "ts"});

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT k, window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
          + " GROUP BY k, window_start, window_end",
      "SELECT k, window_start, COUNT(*) AS c FROM TABLE(HOP(TABLE a, DESCRIPTOR(ts), INTERVAL '1' MINUTE,"
          + " INTERVAL '2' MINUTE)) GROUP BY k, window_start, window_end",
      "SELECT k, window_start, COUNT(*) AS c FROM TABLE(SESSION(TABLE a PARTITION BY k, DESCRIPTOR(ts),"
          + " INTERVAL '1' MINUTE)) GROUP BY k, window_start, window_end",
      "SELECT k, window_start, COUNT(*) AS c FROM TABLE(CUMULATE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' MINUTE,"
          + " INTERVAL '2' MINUTE)) GROUP BY k, window_start, window_end",
      "SELECT k, window_start FROM TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' MINUTE))",
      "SELECT k, TUMBLE_START(ts, INTERVAL '1' MINUTE) AS w, COUNT(*) AS c FROM a GROUP BY k, TUMBLE(ts, INTERVAL '1' MINUTE)",
      "SELECT a.k, a.ts FROM a JOIN b ON a.k = b.k AND a.ts BETWEEN b.ts - INTERVAL '1' MINUTE AND b.ts",
      "SELECT a.k, a.ts FROM a, b WHERE a.k = b.k AND a.ts BETWEEN b.ts - INTERVAL '1' MINUTE AND b.ts",
      "SELECT k, COUNT(*) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW)"
          + " AS c FROM a",
      "SELECT * FROM a MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES A.ts AS t ONE ROW PER MATCH"
          + " PATTERN (A) DEFINE A AS A.k IS NOT NULL)",
      "SELECT * FROM a ORDER BY ts",
      "WITH w AS (SELECT * FROM TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' MINUTE)))"
          + " SELECT k, window_end, COUNT(*) AS c FROM w GROUP BY k, window_start, window_end",
  })
  void findsEventTimeOperators(String query) {
    assertThat(usesEventTime(query)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM a",
      "SELECT k, CAST(ts AS STRING) AS s FROM a WHERE k <> 'x'",
      "SELECT a.k, a.ts FROM a JOIN b ON a.k = b.k",
      "SELECT k, ts FROM a UNION ALL SELECT k, ts FROM b",
      "SELECT k, COUNT(*) AS c FROM a GROUP BY k",
  })
  void plainQueriesOfWatermarkedStreamsDoNotUseEventTime(String query) {
    assertThat(usesEventTime(query)).isFalse();
  }

  private static boolean usesEventTime(String query) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.newInstance().inStreamingMode().build());
    for (String name : List.of("a", "b")) {
      DataStream<RowData> rows = env.fromData(List.<RowData>of(GenericRowData.of(StringData.fromString("x"),
          TimestampData.fromLocalDateTime(LocalDateTime.parse("2024-01-01T00:00:00")))), InternalTypeInfo.of(EVENTS));
      tEnv.createTemporaryView(name, tEnv.fromDataStream(rows, TimeAttributes.withRowtime(EVENTS, "ts")));
    }
    Table result = TimeAttributes.materialize(tEnv, tEnv.sqlQuery(query));
    assertThat(TimeAttributes.singleRowtime(result)).isEmpty();
    return EventTimeOperators.present(tEnv.toChangelogStream(result).getTransformation());
  }
}
