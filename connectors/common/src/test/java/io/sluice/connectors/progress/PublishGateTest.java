package io.sluice.connectors.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishGateTest {
  @TempDir Path dir;

  @Test
  void closedUntilOpenedThenOnlyFromTheGivenCheckpoint() {
    String path = dir.resolve("update-1/publish/flow").toUri().toString();
    PublishGate committer = PublishGate.at(path);
    assertThat(committer.allows(5)).isFalse();
    PublishGate.at(path).openFrom(7);
    assertThat(committer.allows(6)).isFalse();
    assertThat(committer.allows(7)).isTrue();
    assertThat(committer.allows(8)).isTrue();
  }

  @Test
  void alwaysPublishes() {
    assertThat(PublishGate.always().allows(1)).isTrue();
    assertThat(PublishGate.always().isAlways()).isTrue();
  }
}
