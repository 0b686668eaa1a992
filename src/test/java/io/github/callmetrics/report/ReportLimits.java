package io.github.callmetrics.report;

import io.github.callmetrics.call.Channel;

/**
 * Triggers for the report's size limits, for the bad-input catalogue's test: reaching them with calls takes 2^31
 * calls or more than a gigabyte of counts, so each is triggered at its check, with the values that reach it.
 */
public final class ReportLimits {
  private ReportLimits() {}

  /** Counts one more arrival in an interval of a group that already holds {@link Integer#MAX_VALUE} of them. */
  public static void oneCallTooManyInAnInterval() {
    ReportAccumulator.Group group = new ReportAccumulator.Group("sales", Channel.VOICE, 1);
    group.arrivals[0] = Integer.MAX_VALUE;
    group.countArrival(0);
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
