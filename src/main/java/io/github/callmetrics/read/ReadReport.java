package io.github.callmetrics.read;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a read did: how many calls it produced, every record it skipped (with an exact count), and the
 * columns it ignored. A report is complete: {@code callCount() + skippedCount()} is the number of records
 * the reader met.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReadReport {
  private final List<String> sources;
  private final long callCount;
  private final List<SkippedRecord> skipped;
  private final List<String> ignoredColumns;

  private ReadReport(List<String> sources, long callCount, List<SkippedRecord> skipped, List<String> ignoredColumns) {
    this.sources = sources;
    this.callCount = callCount;
    this.skipped = skipped;
    this.ignoredColumns = ignoredColumns;
  }

  /**
   * Obtains a report.
   *
   * @param sources  the names of the sources read, in order, not null
   * @param callCount  the number of calls produced, zero or more
   * @param skipped  every skipped record, in the order met, not null
   * @param ignoredColumns  the names of the columns the reader ignored, as written in the header, not null
   * @return the report
   * @throws IllegalArgumentException if {@code callCount} is negative
   */
  public static ReadReport of(
      List<String> sources, long callCount, List<SkippedRecord> skipped, List<String> ignoredColumns) {
    if (callCount < 0) {
      throw new IllegalArgumentException("callCount " + callCount + " is negative (expected zero or more)");
    }
    return new ReadReport(
        List.copyOf(requireNonNull(sources, "sources")),
        callCount,
        List.copyOf(requireNonNull(skipped, "skipped")),
        List.copyOf(requireNonNull(ignoredColumns, "ignoredColumns")));
  }

  /** Returns the names of the sources read, in order (file names, or the names given with a stream). */
  public List<String> sources() {
    return sources;
  }

  /** Returns the number of calls the read produced. */
  public long callCount() {
    return callCount;
  }

  /** Returns every skipped record, in the order they were met; empty in a clean read. */
  public List<SkippedRecord> skipped() {
    return skipped;
  }

  /** Returns the exact number of skipped records, {@code skipped().size()}. */
  public long skippedCount() {
    return skipped.size();
  }

  /** Returns the columns in the header the reader does not use, as written there; empty if none. */
  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  /** Checks if nothing was skipped. */
  public boolean isClean() {
    return skipped.isEmpty();
  }

  /** Returns a one-line summary, for example {@code "calls.csv: 1000 calls, 2 skipped"}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(String.join(", ", sources)).append(": ").append(callCount)
        .append(" calls, ").append(skipped.size()).append(" skipped");
    if (!ignoredColumns.isEmpty()) {
      s.append(", ignored columns ").append(ignoredColumns);
    }
    return s.toString();
  }
}
