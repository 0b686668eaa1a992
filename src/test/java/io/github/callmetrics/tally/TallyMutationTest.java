package io.github.callmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import java.time.Duration;
import java.time.Instant;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/**
 * Edges of the tallies that mutation testing (docs/development/mutation-testing.md) found untested: snapshot equality
 * field by field, a snapshot with outcomes but no arrivals, each refusal of {@link CallTally#remove}, and the
 * histogram's switch from dense to sparse counting.
 */
class TallyMutationTest {
  private static final Instant T0 = Instant.parse("2026-03-16T09:00:00Z");
  private static final WaitDistribution[] NO_FLOW_OUTS = {
      WaitDistribution.empty(), WaitDistribution.empty(), WaitDistribution.empty(), WaitDistribution.empty()};

  @Test
  void snapshotsAreEqualWhenEveryCountIs() {
    EqualsVerifier.forClass(TallySnapshot.class)
        .withNonnullFields("answered", "abandoned", "flowOuts", "handleTimeTotal")
        .verify();
  }

  @Test
  void aSnapshotWithOutcomesButNoArrivalsIsNotEmpty() {
    // Per-event attribution puts an answer in the interval it happened in, which may have no arrival.
    TallySnapshot answersOnly = new TallySnapshot(0, WaitDistribution.of(25), WaitDistribution.empty(),
        NO_FLOW_OUTS, 0, Duration.ZERO, 0);
    assertThat(answersOnly.isEmpty()).isFalse();
    TallySnapshot waitingOnly = new TallySnapshot(0, WaitDistribution.empty(), WaitDistribution.empty(),
        NO_FLOW_OUTS, 1, Duration.ZERO, 0);
    assertThat(waitingOnly.isEmpty()).isFalse();
    // ... and an arrival whose outcome falls in a later interval.
    TallySnapshot arrivalOnly = new TallySnapshot(1, WaitDistribution.empty(), WaitDistribution.empty(),
        NO_FLOW_OUTS, 0, Duration.ZERO, 0);
    assertThat(arrivalOnly.isEmpty()).isFalse();
    assertThat(new TallySnapshot(0, WaitDistribution.empty(), WaitDistribution.empty(), NO_FLOW_OUTS, 0,
        Duration.ZERO, 0).isEmpty()).isTrue();
  }

  @Test
  void distributionsWithTheSameCountsAndTotalButOtherWaitsDiffer() {
    // 1 s + 3 s and 0 s + 4 s: two waits, 4 s in all, in both.
    WaitDistribution a = WaitDistribution.of(1, 3);
    WaitDistribution b = WaitDistribution.of(0, 4);
    assertThat(a.count()).isEqualTo(b.count());
    assertThat(a.totalSeconds()).isEqualTo(b.totalSeconds());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void distributionsWithTheSameWaitsAndTotalButOtherCountsDiffer() {
    // Waits of 0 s add nothing to the total: {0, 2} and {0, 0, 0, 2} both have the waits 0 s and 2 s, 2 s in all.
    WaitDistribution a = WaitDistribution.of(0, 2);
    WaitDistribution b = WaitDistribution.of(0, 0, 0, 2);
    assertThat(a.totalSeconds()).isEqualTo(b.totalSeconds()).isEqualTo(2);
    assertThat(a).isNotEqualTo(b);
    assertThat(a).isEqualTo(WaitDistribution.of(2, 0));
  }

  @Test
  void removeFromAnEmptyTallyIsRefused() {
    Call call = Call.answered("a", "q", T0, T0.plusSeconds(3));
    assertThatIllegalStateException().isThrownBy(() -> new CallTally().remove(call))
        .withMessage("cannot remove " + call + ": the tally has no arrivals"
            + " (expected a call added before and not removed since)");
  }

  @Test
  void removeOfAHandleTimeTheTallyNeverHadIsRefused() {
    CallTally tally = new CallTally();
    tally.add(Call.answered("a", "q", T0, T0.plusSeconds(3)));
    Call withHandleTime = Call.answered("a", "q", T0, T0.plusSeconds(3)).withHandleTime(Duration.ofSeconds(60));
    assertThatIllegalStateException().isThrownBy(() -> tally.remove(withHandleTime))
        .withMessage("cannot remove " + withHandleTime + ": the tally has no handle times"
            + " (expected a call added before and not removed since)");
    assertThat(tally.arrivals()).isOne();
  }

  @Test
  void removeOfAWaitingCallTheTallyNeverHadIsRefused() {
    CallTally tally = new CallTally();
    tally.add(Call.abandoned("a", "q", T0, T0.plusSeconds(8)));
    Call waiting = Call.waiting("b", "q", T0);
    assertThatIllegalStateException().isThrownBy(() -> tally.remove(waiting))
        .withMessage("cannot remove " + waiting + ": the tally has no waiting calls"
            + " (expected a call added before and not removed since)");
  }

  @Test
  void removeUndoesAddForEveryOutcome() {
    CallTally tally = new CallTally();
    Call kept = Call.answered("k", "q", T0, T0.plusSeconds(12)).withHandleTime(Duration.ofSeconds(200));
    tally.add(kept);
    TallySnapshot before = tally.snapshot();
    Call[] calls = {
        Call.answered("a", "q", T0, T0), // a wait of 0 s, without a handle time
        Call.answered("b", "q", T0, T0.plusSeconds(4096)).withHandleTime(Duration.ofMillis(1500)),
        Call.abandoned("c", "q", T0, T0.plusSeconds(30)),
        Call.leftUnanswered("d", "q", T0, T0.plusSeconds(5000), FlowOutReason.QUEUE_EMPTY),
        Call.waiting("e", "q", T0)};
    for (Call c : calls) {
      tally.add(c);
    }
    assertThat(tally.arrivals()).isEqualTo(6);
    assertThat(tally.snapshot().answeredWaits().totalSeconds()).isEqualTo(12 + 4096);
    for (Call c : calls) {
      tally.remove(c);
    }
    assertThat(tally.arrivals()).isOne();
    assertThat(tally.snapshot()).isEqualTo(before);
    assertThat(tally.snapshot().answeredWaits().totalSeconds()).isEqualTo(12);
  }

  @Test
  void histogramCountsTheDenseLimitSparsely() {
    WaitHistogram h = new WaitHistogram();
    // Indices: DENSE_LIMIT - 2 is a wait of 4095 s, DENSE_LIMIT one of 4096 s, DENSE_LIMIT - 1 one of (4095, 4096) s.
    assertThat(WaitHistogram.DENSE_LIMIT).isEqualTo(8192);
    h.record(WaitHistogram.DENSE_LIMIT - 2);
    h.record(WaitHistogram.DENSE_LIMIT);
    h.record(WaitHistogram.DENSE_LIMIT, 2);
    assertThat(h.toDistribution()).isEqualTo(WaitDistribution.of(4095, 4096, 4096, 4096));
    h.record(WaitHistogram.DENSE_LIMIT - 1);
    assertThat(h.toDistribution().countAt(4095)).isEqualTo(2);
    assertThat(h.toDistribution().countAtMost(4095)).isEqualTo(1);
    assertThat(h.remove(WaitHistogram.DENSE_LIMIT - 1)).isTrue();
    assertThat(h.remove(WaitHistogram.DENSE_LIMIT)).isTrue();
    assertThat(h.remove(WaitHistogram.DENSE_LIMIT)).isTrue();
    assertThat(h.toDistribution()).isEqualTo(WaitDistribution.of(4095, 4096));
    assertThat(h.remove(WaitHistogram.DENSE_LIMIT)).isTrue();
    assertThat(h.remove(WaitHistogram.DENSE_LIMIT - 2)).isTrue();
    assertThat(h.toDistribution()).isEqualTo(WaitDistribution.empty());
    assertThat(h.toDistribution().totalSeconds()).isZero();
  }

  @Test
  void histogramRefusesToRemoveWhatItNeverCounted() {
    WaitHistogram h = new WaitHistogram();
    assertThat(h.remove(10_000)).isFalse();
    h.record(12_000); // the index of a wait of 6000 s
    assertThat(h.remove(10_000)).isFalse();
    assertThat(h.remove(12_001)).isFalse();
    assertThat(h.remove(-1)).isFalse();
    h.record(0);
    assertThat(h.remove(0)).isTrue();
    assertThat(h.remove(0)).isFalse();
    assertThat(h.toDistribution()).isEqualTo(WaitDistribution.of(6000));
    assertThat(h.toDistribution().totalSeconds()).isEqualTo(6000);
  }
}
