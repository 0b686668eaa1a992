package io.github.callmetrics.read;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link java.util.stream.Collector} made of the calls of a read (a report, a tally, a list), with
 * the {@link ReadReport} of the read: the calls collected, every record skipped, the columns ignored.
 *
 * <p>This class is immutable if the value is, and thread-safe if the value is.
 *
 * @param <R> the type of the collected value
 */
public final class CollectedRead<R> {
  private final R value;
  private final ReadReport report;

  private CollectedRead(R value, ReadReport report) {
    this.value = value;
    this.report = report;
  }

  /**
   * Obtains a collected read.
   *
   * @param <R> the type of the value
   * @param value  what the collector made, not null
   * @param report  the read's report, not null
   * @return the collected read
   */
  public static <R> CollectedRead<R> of(R value, ReadReport report) {
    return new CollectedRead<>(requireNonNull(value, "value"), requireNonNull(report, "report"));
  }

  /** {@return what the collector made of the calls read} */
  public R value() {
    return value;
  }

  /** {@return the report: calls collected, skipped records with their exact count, ignored columns} */
  public ReadReport report() {
    return report;
  }

  /** Returns a one-line summary, the report's. */
  @Override
  public String toString() {
    return report.toString();
  }
}
