package io.github.callmetrics.read;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a read did: how many calls it produced, every record it skipped (with an exact count), the
 * columns it ignored, and the notices it gave about records it read. A report is complete: {@code callCount() + skippedCount()} is the number of records
 * the reader met.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReadReport {
  private final List<String> sources;
  private final long callCount;
  private final List<SkippedRecord> skipped;
  private final List<String> ignoredColumns;
  private final List<SkippedRecord> notices;

  private ReadReport(List<String> sources, long callCount, List<SkippedRecord> skipped, List<String> ignoredColumns,
      List<SkippedRecord> notices) {
    this.sources = sources;
    this.callCount = callCount;
    this.skipped = skipped;
    this.ignoredColumns = ignoredColumns;
    this.notices = notices;
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
        List.copyOf(requireNonNull(ignoredColumns, "ignoredColumns")),
        List.of());
  }

  /**
   * Returns a report like this one with notices: records that were read, under an assumption the reader
   * states (a local time the source zone's clocks showed twice, read at one of its offsets), each said once.
   *
   * @param notices  the notices, in the order met, not null
   * @return the report
   */
  public ReadReport withNotices(List<SkippedRecord> notices) {
    return new ReadReport(sources, callCount, skipped, ignoredColumns, List.copyOf(requireNonNull(notices, "notices")));
  }

  /**
   * {@return the notices: records read under an assumption the message states, for example a local time read at
   * one of two offsets on the day the clocks went back; once per assumption and source; empty if none}
   */
  public List<SkippedRecord> notices() {
    return notices;
  }

  /** {@return the names of the sources read, in order (file names, or the names given with a stream)} */
  public List<String> sources() {
    return sources;
  }

  /** {@return the number of calls the read produced} */
  public long callCount() {
    return callCount;
  }

  /** {@return every skipped record, in the order they were met; empty in a clean read} */
  public List<SkippedRecord> skipped() {
    return skipped;
  }

  /** {@return the exact number of skipped records, {@code skipped().size()}} */
  public long skippedCount() {
    return skipped.size();
  }

  /** {@return the columns in the header the reader does not use, as written there; empty if none} */
  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  /** {@return whether nothing was skipped} */
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
    if (!notices.isEmpty()) {
      s.append(", ").append(notices.size()).append(notices.size() == 1 ? " notice" : " notices");
    }
    return s.toString();
  }
}
