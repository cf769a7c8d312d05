package io.sluice.runtime;

import io.sluice.runtime.exec.EmbeddedCluster;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One embedded Flink cluster per test class: {@code @RegisterExtension static SharedCluster}. */
final class SharedCluster implements BeforeAllCallback, AfterAllCallback {
  private final int slots;
  private EmbeddedCluster cluster;

  SharedCluster(int slots) {
    this.slots = slots;
  }

  EmbeddedCluster get() {
    return cluster;
  }

  /** A copy of an example pipeline, or an empty pipeline folder, running on this cluster. */
  PipelineFixture example(String name, java.nio.file.Path into) {
    return PipelineFixture.copy(PipelineFixture.example(name), into, cluster);
  }

  PipelineFixture empty(java.nio.file.Path folder) {
    return PipelineFixture.empty(folder, cluster);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster = EmbeddedCluster.start(slots, new Configuration());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    cluster.close();
  }
}
