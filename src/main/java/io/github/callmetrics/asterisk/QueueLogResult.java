package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import java.util.List;

/**
 * The calls of a whole {@code queue_log} read, in the order their outcome became final, with the
 * {@link QueueLogReport}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class QueueLogResult {
  private final List<Call> calls;
  private final QueueLogReport report;

  private QueueLogResult(List<Call> calls, QueueLogReport report) {
    this.calls = calls;
    this.report = report;
  }

  /**
   * Obtains a result.
   *
   * @param calls  the calls, not null
   * @param report  the report, not null
   * @return the result
   */
  public static QueueLogResult of(List<Call> calls, QueueLogReport report) {
    return new QueueLogResult(List.copyOf(requireNonNull(calls, "calls")), requireNonNull(report, "report"));
  }

  /** {@return the calls: ended calls at their end event, then calls still talking at the end of the log} */
  public List<Call> calls() {
    return calls;
  }

  /** {@return the report} */
  public QueueLogReport report() {
    return report;
  }

  @Override
  public String toString() {
    return report.toString();
  }
}
