package io.github.callmetrics.csv;

import io.github.callmetrics.internal.LocalTimes;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The times of a row that other tools write differently from the format's own instants, made into the
 * format's: local date-times read in the source zone ({@link LocalTimes}, the rule every reader shares), a
 * wait in seconds made into the outcome's instant, a talk time in seconds made into the handle time. Runs only
 * for a row that has one of them. Not thread-safe: one per {@link RowParser}.
 *
 * <p>The policy for a local time the zone's clocks showed twice (fall back): the earlier offset, the first
 * time the clocks showed it; for the outcome's instant, the later offset if the earlier one would put it
 * before the call's arrival (a call that spanned the change). Rows are not in time order in every export, and a
 * part of a file is read without the rows before it, so the row's own times decide, not the file's order.
 */
final class RowTimes {
  private static final String GAP_HINT = "a file written in another zone needs that zone: --source-zone";
  private static final String EARLIER = "the earlier offset, the CSV reader's choice for a time shown twice"
      + " (see docs/csv-format.md)";
  private static final String LATER = "the later offset, as the earlier one would put it before the arrival"
      + " (see docs/csv-format.md)";

  private final RowParser row;
  /** The row's notices to say once each, if its call is read: their keys, columns and rules. */
  int notices;
  final String[] keys = new String[2];
  final int[] columns = new int[2];
  final String[] rules = new String[2];

  RowTimes(RowParser row) {
    this.row = row;
  }

  /** Resolves the row's local times, wait and talk seconds; a defect is left in the row. */
  void resolve(CsvTokenizer t) {
    notices = 0;
    LocalTimes zone = row.zone();
    if (row.arrivedLocal && zone != null) {
      int column = row.column(RowParser.ARRIVED_ISO);
      long local = row.arrivedSeconds;
      int found = zone.resolve(local);
      if (found == LocalTimes.GAP) {
        row.defect(column, t, zone.gapRule(GAP_HINT));
        return;
      }
      if (found == LocalTimes.UNIQUE) {
        row.arrivedSeconds = zone.epochSecond();
      } else {
        row.arrivedSeconds = zone.earlier(local);
        notice(zone, column, false, row.arrivedSeconds, EARLIER);
      }
    }
    if (row.endedLocal && zone != null) {
      int column = row.column(RowParser.ENDED_ISO);
      long local = row.endedSeconds;
      int found = zone.resolve(local);
      if (found == LocalTimes.GAP) {
        row.defect(column, t, zone.gapRule(GAP_HINT));
        return;
      }
      if (found == LocalTimes.UNIQUE) {
        row.endedSeconds = zone.epochSecond();
      } else {
        long earlier = zone.earlier(local);
        boolean later = row.hasArrived && (earlier < row.arrivedSeconds
            || (earlier == row.arrivedSeconds && row.endedNanos < row.arrivedNanos));
        row.endedSeconds = later ? zone.later(local) : earlier;
        notice(zone, column, later, row.endedSeconds, later ? LATER : EARLIER);
      }
    }
    if (row.hasWait && row.hasArrived) {
      wait(t);
    }
    if (row.hasTalk) {
      talk(t);
    }
  }

  private void wait(CsvTokenizer t) {
    int column = row.column(RowParser.WAIT_SECONDS);
    long nanos = (long) row.arrivedNanos + row.waitNanos;
    long carry = nanos / 1_000_000_000L;
    if (row.waitSeconds > FieldParser.MAX_SECOND - row.arrivedSeconds - carry) {
      row.defect(column, t, "puts the outcome after 9999-12-31T23:59:59Z (expected a wait that ends in the years"
          + " 0000 to 9999)");
      return;
    }
    long endSeconds = row.arrivedSeconds + row.waitSeconds + carry;
    int endNanos = (int) (nanos % 1_000_000_000L);
    if (!row.hasEnded) {
      row.hasEnded = true;
      row.endedSeconds = endSeconds;
      row.endedNanos = endNanos;
      return;
    }
    // Both given: ended − arrived, cut to the wait cell's decimals (a tool writing whole seconds truncates).
    long diffSeconds = row.endedSeconds - row.arrivedSeconds;
    long diffNanos = (long) row.endedNanos - row.arrivedNanos;
    if (diffNanos < 0) {
      diffSeconds--;
      diffNanos += 1_000_000_000L;
    }
    long unit = 1;
    for (int i = row.waitDigits; i < 9; i++) {
      unit *= 10;
    }
    if (diffSeconds != row.waitSeconds || diffNanos - diffNanos % unit != row.waitNanos) {
      int ended = firstEnded();
      row.defect(column, t, "disagrees with column " + row.name(ended) + " (" + t.text(ended) + ", "
          + BigDecimal.valueOf(diffSeconds).add(BigDecimal.valueOf(diffNanos, 9)).stripTrailingZeros().toPlainString()
          + " s after arrived " + Instant.ofEpochSecond(row.arrivedSeconds, row.arrivedNanos)
          + ") (expected the same wait in both, or only one of the two columns)");
    }
  }

  /** The column of the outcome's instant itself (not wait_seconds). */
  private int firstEnded() {
    for (int role : new int[] {RowParser.ENDED_ISO, RowParser.ENDED_SECONDS, RowParser.ENDED_MILLIS}) {
      int column = row.columnOfRole(role);
      if (column >= 0) {
        return column;
      }
    }
    throw new IllegalStateException("an ended instant was read without an ended column");
  }

  private void talk(CsvTokenizer t) {
    if (!row.hasHandle) {
      row.hasHandle = true;
      row.handleSeconds = row.talkSeconds;
      row.handleNanos = row.talkNanos;
    } else if (row.handleSeconds != row.talkSeconds || row.handleNanos != row.talkNanos) {
      int handle = row.columnOfRole(RowParser.HANDLE_TIME);
      row.defect(row.column(RowParser.TALK_SECONDS), t, "disagrees with column " + row.name(handle) + " ("
          + t.text(handle) + ") (expected the same time in both, or only one of the two columns)");
    }
  }

  private void notice(LocalTimes zone, int column, boolean later, long epochSecond, String why) {
    keys[notices] = zone.noticeKey(later);
    columns[notices] = column;
    rules[notices] = zone.ambiguousRule(later, epochSecond, why);
    notices++;
  }
}
