package io.github.callmetrics.asterisk;

import io.github.callmetrics.read.SkippedRecord;
import java.util.function.Consumer;

/**
 * Watches a log's time: a line more than {@link #BACKWARDS_TOLERANCE_SECONDS} before the latest epoch read
 * starts a run of lines out of order, told once per run. Not thread-safe.
 */
final class TimeOrder {
  /**
   * How far a line's epoch may be before the latest epoch read: Asterisk writes lines as events happen, so
   * seconds of disorder are threads racing for the file; more is a log repeated or files out of order.
   */
  static final long BACKWARDS_TOLERANCE_SECONDS = 60;
  private final Consumer<SkippedRecord> reversals;
  private long latestEpoch = -1;
  private String latestSource = "";
  private long latestLine;
  private boolean inReversal;

  TimeOrder(Consumer<SkippedRecord> reversals) {
    this.reversals = reversals;
  }

  /** Notes a line's epoch; the first line of a run that goes backwards goes to the reversals' sink. */
  void at(long epoch, String source, LineScanner l) {
    long line = l.lineNumber();
    if (epoch < latestEpoch - BACKWARDS_TOLERANCE_SECONDS) {
      if (!inReversal) {
        inReversal = true;
        reversals.accept(SkippedRecord.of(source, line, "epoch", l.field(0), "is " + (latestEpoch - epoch)
            + " s before epoch " + latestEpoch + " at " + latestSource + ":" + latestLine
            + " (the log's time runs backwards: a log repeated, or rotated files that overlap)"));
      }
    } else {
      inReversal = false;
    }
    if (epoch > latestEpoch) {
      latestEpoch = epoch;
      latestSource = source;
      latestLine = line;
    }
  }
}
