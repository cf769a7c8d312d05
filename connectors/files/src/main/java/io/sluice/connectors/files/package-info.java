/**
 * Incremental file ingestion for Sluice ({@code read_files} / {@code cloud_files} in DLT).
 *
 * <p>Public API: {@link io.sluice.connectors.files.FileIngestSource} (a FLIP-27 source, built with
 * {@link io.sluice.connectors.files.FileIngestSourceBuilder}), {@link
 * io.sluice.connectors.files.FileFormat}, {@link io.sluice.connectors.files.FileSchemaInference} and
 * {@link io.sluice.connectors.files.JsonRowConverter} (one JSON document to a row, for other
 * connectors). Everything else is package-private.
 *
 * <p>Layers, bottom up: format readers turn a file into {@link java.util.Map}s of plain Java values
 * ({@code JsonLinesRecords}, {@code JsonDocumentRecords}, {@code CsvRecords}, {@code
 * ParquetRecords}); {@code RecordConverter} turns those into Flink rows, rescuing what does not fit;
 * {@code FileIngestEnumerator} and {@code FileIngestReader} run them as a checkpointed source.
 */
package io.sluice.connectors.files;
