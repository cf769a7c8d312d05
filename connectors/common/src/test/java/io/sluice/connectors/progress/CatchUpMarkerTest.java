package io.sluice.connectors.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatchUpMarkerTest {

  @TempDir Path dir;

  @Test
  void markIsVisibleThroughAnotherInstanceAndIdempotent() {
    String path = dir.resolve("run-1/caught-up/source-a").toUri().toString();
    CatchUpMarker writer = CatchUpMarker.at(path);
    CatchUpMarker reader = CatchUpMarker.at(path);

    assertThat(reader.isMarked()).isFalse();
    writer.mark();
    writer.mark();
    assertThat(reader.isMarked()).isTrue();
  }

  @Test
  void disabledMarkerRecordsNothing() {
    CatchUpMarker none = CatchUpMarker.none();
    none.mark();
    assertThat(none.isEnabled()).isFalse();
    assertThat(none.isMarked()).isFalse();
  }
}
