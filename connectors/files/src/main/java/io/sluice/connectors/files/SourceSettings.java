package io.sluice.connectors.files;

import io.sluice.connectors.progress.CatchUpMarker;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.connector.source.Boundedness;

/**
 * How a {@link FileIngestSource} runs: what it reads, whether it keeps discovering files and how
 * often, how many new files it may assign between two checkpoints (0: no limit), and where it
 * records that it has caught up.
 */
record SourceSettings(
    FileReadSpec read,
    Boundedness boundedness,
    Duration discoveryInterval,
    int maxFilesPerTrigger,
    CatchUpMarker marker)
    implements Serializable {

  boolean isBounded() {
    return boundedness == Boundedness.BOUNDED;
  }
}
