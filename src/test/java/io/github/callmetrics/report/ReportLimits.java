package io.github.callmetrics.report;

/**
 * Triggers for the report's size limits, for the bad-input catalogue's test: reaching them with calls takes 2^31
 * calls or more than a gigabyte of counts, so each is triggered at its check, with the values that reach it.
 */
public final class ReportLimits {
  private ReportLimits() {}

  /**
   * The exception of one more call in an interval of a queue and channel that already counts {@link
   * Integer#MAX_VALUE} (the count is checked at every increment; reaching it takes 2^31 calls).
   */
  public static RuntimeException oneCallTooManyInAnInterval() {
    return CellCounts.tooMany();
  }

  /** Checks a report of {@link Integer#MAX_VALUE} counted waits. */
  public static void tooManyCalls() {
    ReportAccumulator.checkEntries(Integer.MAX_VALUE);
  }

  /** The exception of a report of 10,000,000 intervals asked to hold a 33rd queue/channel group. */
  public static RuntimeException tooManyGroups() {
    return ReportAccumulator.tooManyGroups(10_000_000, 32);
  }
}
