package io.sluice.connectors.delta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.MathUtils;

/**
 * The buckets of one snapshot writer's part and which of them a checkpoint rewrites.
 *
 * <p>Each partition of the writer's rows is split into {@code count} buckets by a hash of the row
 * key ({@link #index}), salted so that it does not follow the key group, which all keys of a
 * writer share a range of. A bucket is written as files of about {@code targetFileRows} rows, so
 * {@code count} is chosen as {@code ceil(rows / targetFileRows)} (at most {@code maxBuckets}):
 * the table has as many files as with one bucket, and a small part is one bucket and one file.
 * The count of a partition stays as it is while its rows grow or shrink by less than a factor of
 * two; past that the partition is laid out again and all its buckets rewritten, which costs a
 * rewrite of the partition once per doubling or halving (amortized, at most about two rows
 * written per row change).
 *
 * <p>A checkpoint rewrites the buckets of rows whose count changed (the net change), plus every
 * bucket of a partition laid out again. With {@code k} changed rows spread by the hash over
 * {@code B} buckets, about {@code B (1 - (1 - 1/B)^k)} buckets are rewritten: copy-on-write of
 * touched files pays off while {@code k} is small against {@code B}.
 */
final class SnapshotBuckets {
  /** Bound on the buckets of one partition of one writer (about 1,000 files, 100M rows). */
  static final int MAX_BUCKETS = 1024;
  private static final int SALT = 0x5bd1e995;

  /** A bucket of one partition. */
  record Id(Map<String, String> partition, int index) {}

  private static final class Partition {
    int count; // 0: not laid out yet
    long rows;
    boolean relayout;
    final Set<Integer> touched = new HashSet<>();
    final TreeMap<Integer, List<DeltaCommittable>> files = new TreeMap<>();
  }

  private final int targetFileRows;
  private final int maxBuckets;
  private final Map<Map<String, String>, Partition> partitions = new LinkedHashMap<>();

  SnapshotBuckets(int targetFileRows, int maxBuckets) {
    this.targetFileRows = targetFileRows;
    this.maxBuckets = maxBuckets;
  }

  /** The layout and files of a part this writer sent before. */
  static SnapshotBuckets of(DeltaSnapshotPart part, int targetFileRows, int maxBuckets) {
    SnapshotBuckets buckets = new SnapshotBuckets(targetFileRows, maxBuckets);
    for (DeltaSnapshotBucket bucket : part.buckets()) {
      Partition partition = buckets.partition(bucket.partition());
      partition.count = bucket.count();
      partition.files.put(bucket.index(), bucket.files());
      partition.rows += bucket.files().stream().mapToLong(DeltaCommittable::rowCount).sum();
    }
    return buckets;
  }

  /** The bucket of a row key among {@code count}; the same in every JVM and after restores. */
  static int index(RowData key, int count) {
    return count == 1 ? 0 : MathUtils.murmurHash(key.hashCode() ^ SALT) % count;
  }

  /** Records a net change of {@code delta} occurrences of a row. */
  void change(Map<String, String> partition, RowData key, long delta) {
    Partition p = partition(partition);
    p.rows += delta;
    if (p.count > 0) {
      p.touched.add(index(key, p.count));
    }
  }

  /** Adds rows to a partition that is not laid out yet (when the writer rewrites everything). */
  void count(Map<String, String> partition, long rows) {
    partition(partition).rows += rows;
  }

  /**
   * Lays out the partitions that need it and returns the buckets to write, each with the number
   * of rows expected in it.
   */
  Map<Id, Long> plan() {
    Map<Id, Long> planned = new LinkedHashMap<>();
    partitions.forEach((values, p) -> {
      int ideal = (int) Math.min(maxBuckets,
          Math.max(1, (p.rows + targetFileRows - 1) / targetFileRows));
      if (p.count == 0 || ideal >= 2 * p.count || 2 * ideal <= p.count) {
        p.relayout = true;
        p.count = ideal;
        for (int i = 0; i < ideal; i++) {
          planned.put(new Id(values, i), p.rows / ideal);
        }
      } else {
        p.touched.forEach(i -> planned.put(new Id(values, i), p.rows / p.count));
      }
    });
    return planned;
  }

  /** The bucket index of a row under the planned layout, or -1 for an unknown partition. */
  int indexOf(Map<String, String> partition, RowData key) {
    Partition p = partitions.get(partition);
    return p == null ? -1 : index(key, p.count);
  }

  /**
   * Replaces the planned buckets' files by the written ones (a planned bucket without written
   * files is now empty) and returns all buckets that hold rows.
   */
  List<DeltaSnapshotBucket> replace(Map<Id, Long> planned,
      Map<Id, List<DeltaCommittable>> written) {
    partitions.values().forEach(p -> {
      if (p.relayout) {
        p.files.clear();
      }
    });
    for (Id id : planned.keySet()) {
      List<DeltaCommittable> files = written.getOrDefault(id, List.of());
      if (files.isEmpty()) {
        partitions.get(id.partition()).files.remove(id.index());
      } else {
        partitions.get(id.partition()).files.put(id.index(), files);
      }
    }
    partitions.values().removeIf(p -> p.rows == 0 && p.files.isEmpty());
    List<DeltaSnapshotBucket> buckets = new ArrayList<>();
    partitions.forEach((values, p) -> {
      p.relayout = false;
      p.touched.clear();
      p.files.forEach((index, files) ->
          buckets.add(new DeltaSnapshotBucket(values, index, p.count, files)));
    });
    return buckets;
  }

  private Partition partition(Map<String, String> values) {
    return partitions.computeIfAbsent(values, v -> new Partition());
  }
}
