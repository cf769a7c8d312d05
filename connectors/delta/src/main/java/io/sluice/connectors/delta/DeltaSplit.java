package io.sluice.connectors.delta;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One data file of a Delta table to read, with the table version whose scan state reads it and
 * the number of its rows already emitted (after deletion vectors are applied), so that a reader
 * restored mid-file skips exactly those.
 *
 * @param splitId version and file path, unique within a table
 * @param version the table version the file belongs to (snapshot version or commit version)
 * @param scanFile the file's Kernel scan-file row, encoded by {@link ScanFileCodec}
 * @param recordsToSkip rows of the file already emitted
 */
record DeltaSplit(String splitId, long version, byte[] scanFile, long recordsToSkip)
    implements SourceSplit {

  DeltaSplit withRecordsToSkip(long records) {
    return new DeltaSplit(splitId, version, scanFile, records);
  }

  @Override
  public String toString() {
    return "DeltaSplit[" + splitId + ", skip " + recordsToSkip + "]";
  }
}
