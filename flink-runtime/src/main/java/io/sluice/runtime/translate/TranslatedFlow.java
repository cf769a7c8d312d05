package io.sluice.runtime.translate;

import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.source.InputSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.types.logical.RowType;

/**
 * A flow translated into a Flink job.
 *
 * @param env the job, ready for {@code getStreamGraph()}; empty when only planned
 * @param schema the stored schema of what the flow writes
 * @param inputs what the flow reads
 * @param markers the catch-up markers a triggered run waits for before it stops the job
 * @param fingerprint the flow's definition: query and input schemas
 * @param publishGate for a triggered run of an unbounded flow: the gate its sinks publish through
 * @param expectations the expectation sets in the job (its target's and those of views it reads)
 */
public record TranslatedFlow(
    FlowPlan plan,
    Optional<StreamExecutionEnvironment> env,
    RowType schema,
    List<InputSpec> inputs,
    List<Path> markers,
    String fingerprint,
    Optional<io.sluice.connectors.progress.PublishGate> publishGate,
    List<io.sluice.expectations.ExpectationSet> expectations) {

  public TranslatedFlow {
    inputs = List.copyOf(inputs);
    markers = List.copyOf(markers);
    expectations = List.copyOf(expectations);
  }
}
