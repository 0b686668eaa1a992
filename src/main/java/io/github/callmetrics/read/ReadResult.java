package io.github.callmetrics.read;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import java.util.List;

/**
 * The calls of a whole-file read, in the order read, with the {@link ReadReport} of what was skipped.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReadResult {
  private final List<Call> calls;
  private final ReadReport report;

  private ReadResult(List<Call> calls, ReadReport report) {
    this.calls = calls;
    this.report = report;
  }

  /**
   * Obtains a result.
   *
   * @param calls  the calls read, in order, not null
   * @param report  the report, whose {@link ReadReport#callCount()} equals {@code calls.size()}
   * @return the result
   * @throws IllegalArgumentException if the report counts another number of calls
   */
  public static ReadResult of(List<Call> calls, ReadReport report) {
    requireNonNull(report, "report");
    List<Call> copy = List.copyOf(requireNonNull(calls, "calls"));
    if (copy.size() != report.callCount()) {
      throw new IllegalArgumentException(
          "report counts " + report.callCount() + " calls but " + copy.size() + " were given (expected equal)");
    }
    return new ReadResult(copy, report);
  }

  /** {@return the calls read, in the order they were read} */
  public List<Call> calls() {
    return calls;
  }

  /** {@return the report: skipped records, their exact count, ignored columns} */
  public ReadReport report() {
    return report;
  }

  /** {@return every skipped record; equivalent to {@code report().skipped()}} */
  public List<SkippedRecord> skipped() {
    return report.skipped();
  }

  /** Returns a one-line summary, the report's. */
  @Override
  public String toString() {
    return report.toString();
  }
}
