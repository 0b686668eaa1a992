package io.github.callmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import java.util.List;

/**
 * The reading contract of {@code docs/reading.md} as assertions, for the fuzz tests of every reader: a
 * defect names its source, a line that exists in the input, a field, the value and the rule; skipped
 * records come once per record, in order; STRICT stops exactly where LENIENT skips first.
 */
public final class ReadContract {
  private ReadContract() {}

  /**
   * Returns an upper bound on the physical lines of an input: one more than its line-break bytes (CR and
   * LF both counted, so it holds for {@code \r\n}, and for UTF-16 text, whose line breaks hold the same
   * bytes).
   */
  public static long lineBound(byte[] input) {
    long breaks = 0;
    for (byte b : input) {
      if (b == '\n' || b == '\r') {
        breaks++;
      }
    }
    return breaks + 1;
  }

  /** Asserts a defect says where it is: this source, a line from 1 to {@code lastLine}, a field. */
  public static void assertLocated(SkippedRecord defect, String source, long lastLine) {
    assertThat(defect.source()).isEqualTo(source);
    assertThat(defect.line()).isBetween(1L, lastLine);
    assertThat(defect.field()).isNotBlank();
    assertThat(defect.rule()).isNotBlank();
    assertThat(defect.message()).startsWith(source + ":" + defect.line() + ": " + defect.field() + ": \"");
  }

  /** Asserts an exception carries its defect's message and what was read before it, consistently. */
  public static void assertLocated(ReadException e, String source, long lastLine) {
    assertLocated(e.defect(), source, lastLine);
    assertThat(e.getMessage()).isEqualTo(e.defect().message());
    assertSkippedInOrder(e.report(), source, lastLine);
    if (!e.report().skipped().isEmpty()) {
      assertThat(e.defect().line()).isGreaterThanOrEqualTo(last(e.report().skipped()).line());
    }
  }

  /** Asserts every skipped record is located, and that each record is skipped once, in input order. */
  public static void assertSkippedInOrder(ReadReport report, String source, long lastLine) {
    assertThat(report.skippedCount()).isEqualTo(report.skipped().size());
    long previous = 0;
    for (SkippedRecord record : report.skipped()) {
      assertLocated(record, source, lastLine);
      assertThat(record.line()).as("skipped records in input order, one per record").isGreaterThan(previous);
      previous = record.line();
    }
  }

  /**
   * Asserts a STRICT read and a LENIENT read of the same input agree: STRICT stops, with LENIENT's first
   * skipped record as its defect and nothing skipped, after calls that are LENIENT's first ones, in order; with
   * nothing skipped, both read the same calls (and stop at the same fatal defect, if any).
   *
   * @param strictCalls  the calls of the STRICT read: all of them, or {@link ReadException#calls()}
   * @param strictFailure  the STRICT read's exception, or null if it returned
   * @param lenientCalls  the calls of the LENIENT read before it ended (normally or with a fatal defect)
   * @param lenientReport  the LENIENT read's report (at its fatal defect, if any)
   * @param lenientFatal  the LENIENT read's fatal defect, or null if it returned
   */
  public static void assertStrictStopsWhereLenientSkips(List<Call> strictCalls, ReadException strictFailure,
      List<Call> lenientCalls, ReadReport lenientReport, ReadException lenientFatal) {
    if (lenientReport.skipped().isEmpty()) {
      if (lenientFatal == null) {
        assertThat(strictFailure).as("STRICT failed where LENIENT skipped nothing").isNull();
        assertThat(strictCalls).isEqualTo(lenientCalls);
      } else {
        assertThat(strictFailure).as("STRICT read past LENIENT's fatal defect").isNotNull();
        assertThat(strictFailure.defect()).isEqualTo(lenientFatal.defect());
        assertThat(strictCalls).isEqualTo(lenientCalls);
      }
      return;
    }
    assertThat(strictFailure).as("STRICT read past a record LENIENT skipped: " + lenientReport.skipped().get(0))
        .isNotNull();
    assertThat(strictFailure.defect()).isEqualTo(lenientReport.skipped().get(0));
    assertThat(strictFailure.report().skipped()).isEmpty();
    assertThat(strictCalls).isEqualTo(lenientCalls.subList(0, strictCalls.size()));
    assertThat(strictFailure.report().callCount()).isEqualTo(strictCalls.size());
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
