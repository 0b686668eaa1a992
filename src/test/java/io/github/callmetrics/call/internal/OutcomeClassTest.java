package io.github.callmetrics.call.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one definition of outcome classes and packed waits that the report and the live monitor share. */
class OutcomeClassTest {
  @Test
  void classesAreAnsweredAbandonedThenOnePerFlowOutReason() {
    assertThat(OutcomeClass.of(Outcome.ANSWERED, null)).isEqualTo(0);
    assertThat(OutcomeClass.of(Outcome.ABANDONED, null)).isEqualTo(1);
    assertThat(OutcomeClass.of(Outcome.LEFT_UNANSWERED, FlowOutReason.TIMEOUT)).isEqualTo(2);
    assertThat(OutcomeClass.of(Outcome.LEFT_UNANSWERED, FlowOutReason.WITHDRAWN)).isEqualTo(6);
    assertThat(OutcomeClass.COUNT).isEqualTo(7);
    assertThat(OutcomeClass.COUNT).isLessThanOrEqualTo(1 << OutcomeClass.BITS);
  }

  @Test
  void aWaitingCallHasNoClass() {
    assertThatThrownBy(() -> OutcomeClass.of(Outcome.WAITING, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a waiting call has no outcome class (it has no wait yet)");
  }

  @Test
  void charPackingKeepsClassAndWaitUpToTheLongWait() {
    assertThat(OutcomeClass.CHAR_LONG_WAIT).isEqualTo(8_192);
    for (int c = 0; c < OutcomeClass.COUNT; c++) {
      for (long wait : new long[] {0, 1, 20, 8_191}) {
        char packed = OutcomeClass.packChar(c, wait);
        assertThat(OutcomeClass.charClass(packed)).isEqualTo(c);
        assertThat(OutcomeClass.charWait(packed)).isEqualTo((int) wait);
      }
    }
    assertThat((int) OutcomeClass.packChar(6, 8_191)).isEqualTo(6 * 8_192 + 8_191);
  }

  @Test
  void longPackingKeepsClassAndAnyWaitOfAnInstantsRange() {
    long longest = Instant.MAX.getEpochSecond() - Instant.MIN.getEpochSecond();
    for (int c = 0; c < OutcomeClass.COUNT; c++) {
      for (long wait : new long[] {0, 20, 8_192, longest}) {
        long packed = OutcomeClass.packLong(c, wait);
        assertThat(OutcomeClass.longClass(packed)).isEqualTo(c);
        assertThat(OutcomeClass.longWait(packed)).isEqualTo(wait);
      }
    }
  }

  /**
   * Both widths put the class above the wait: sorted packed waits are sorted by class, then by wait (as unsigned
   * numbers: a class of 4 or more sets a long's sign bit).
   */
  @Test
  void packedWaitsSortByClassThenWait() {
    char[] chars = {OutcomeClass.packChar(1, 5), OutcomeClass.packChar(0, 8_000), OutcomeClass.packChar(1, 0),
        OutcomeClass.packChar(0, 3)};
    Arrays.sort(chars);
    assertThat(chars).containsExactly(OutcomeClass.packChar(0, 3), OutcomeClass.packChar(0, 8_000),
        OutcomeClass.packChar(1, 0), OutcomeClass.packChar(1, 5));
    long[] longs = {OutcomeClass.packLong(2, 1), OutcomeClass.packLong(1, 100_000), OutcomeClass.packLong(2, 0)};
    Arrays.sort(longs);
    assertThat(longs).containsExactly(OutcomeClass.packLong(1, 100_000), OutcomeClass.packLong(2, 0),
        OutcomeClass.packLong(2, 1));
  }
}
