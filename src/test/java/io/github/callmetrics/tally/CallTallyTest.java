package io.github.callmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.testing.Calls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CallTallyTest {
  private static final Instant T0 = Calls.T0;

  /** Fixed seeds, so every run checks the same calls; each assertion names its seed. */
  static LongStream seeds() {
    return LongStream.of(1L, 42L, 20261123L, 7_777_777_777L, -5L);
  }

  @Test
  void emptyTallyCountsNothing() {
    TallySnapshot s = new CallTally().snapshot();
    assertThat(s).isEqualTo(TallySnapshot.empty());
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.arrivals()).isZero();
    assertThat(s.ended()).isZero();
    assertThat(s.allWaits().isEmpty()).isTrue();
    assertThat(s.handleTimeTotal()).isEqualTo(Duration.ZERO);
    assertThat(s).hasToString("TallySnapshot{arrivals=0, answered=0, abandoned=0, timeout=0, queue-empty=0,"
        + " key-press=0, overflow=0, withdrawn=0, waiting=0, handleTime=PT0S over 0}");
  }

  @Test
  void countsEachOutcomeWithItsWait() {
    TallySnapshot s = Calls.builder()
        .answered(0, 12, 12)
        .abandoned(40)
        .leftUnanswered(FlowOutReason.TIMEOUT, 60)
        .leftUnanswered(FlowOutReason.KEY_PRESS, 9)
        .waiting()
        .snapshot();
    assertThat(s.arrivals()).isEqualTo(7);
    assertThat(s.answered()).isEqualTo(3);
    assertThat(s.answeredWaits()).isEqualTo(WaitDistribution.of(0, 12, 12));
    assertThat(s.abandoned()).isEqualTo(1);
    assertThat(s.flowOuts()).isEqualTo(2);
    assertThat(s.flowOuts(FlowOutReason.TIMEOUT)).isEqualTo(1);
    assertThat(s.flowOutWaits(FlowOutReason.KEY_PRESS)).isEqualTo(WaitDistribution.of(9));
    assertThat(s.flowOuts(FlowOutReason.OVERFLOW)).isZero();
    assertThat(s.waiting()).isEqualTo(1);
    // 7 arrivals = 3 + 1 + 2 ended + 1 waiting
    assertThat(s.ended()).isEqualTo(6);
    assertThat(s.allWaits()).isEqualTo(WaitDistribution.of(0, 12, 12, 40, 60, 9));
    assertThat(s.isEmpty()).isFalse();
  }

  @Test
  void onlyAnsweredCallsHandleTimesCount() {
    // 185.25 s + 60.75 s = 246 s over 2 answered calls; the abandoned call's handle time is ignored.
    TallySnapshot s = Calls.builder()
        .add(Call.answered("a1", "q", T0, T0.plusSeconds(3)).withHandleTime(Duration.ofMillis(185_250)))
        .add(Call.answered("a2", "q", T0, T0.plusSeconds(4)).withHandleTime(Duration.ofMillis(60_750)))
        .add(Call.answered("a3", "q", T0, T0.plusSeconds(5)))
        .add(Call.abandoned("b1", "q", T0, T0.plusSeconds(9)).withHandleTime(Duration.ofSeconds(1000)))
        .snapshot();
    assertThat(s.handleTimeTotal()).isEqualTo(Duration.ofSeconds(246));
    assertThat(s.handleTimeCount()).isEqualTo(2);
  }

  @Test
  void arrivalAndOutcomeCanBeCountedApart() {
    // Per-event attribution: the arrival in one interval, the answer in the next.
    Call call = Call.answered("c1", "q", T0, T0.plusSeconds(70));
    CallTally first = new CallTally();
    CallTally second = new CallTally();
    first.countArrival();
    second.countOutcome(call);
    assertThat(first.snapshot().arrivals()).isEqualTo(1);
    assertThat(first.snapshot().answered()).isZero();
    assertThat(second.snapshot().arrivals()).isZero();
    assertThat(second.snapshot().answered()).isEqualTo(1);
    assertThat(second.snapshot().isEmpty()).isFalse();
    first.addAll(second);
    assertThat(first.snapshot()).isEqualTo(TallySnapshot.of(List.of(call)));
  }

  @Test
  void snapshotDoesNotChangeWhenTheTallyDoes() {
    CallTally tally = new CallTally();
    tally.add(Call.answered("c1", "q", T0, T0.plusSeconds(5)));
    TallySnapshot before = tally.snapshot();
    tally.add(Call.abandoned("c2", "q", T0, T0.plusSeconds(50)));
    assertThat(before.arrivals()).isEqualTo(1);
    assertThat(before.abandoned()).isZero();
    assertThat(tally.snapshot().arrivals()).isEqualTo(2);
  }

  @Test
  void addingATallyToItselfDoublesEveryCount() {
    CallTally tally = new CallTally();
    tally.add(Call.answered("c1", "q", T0, T0.plusSeconds(5)).withHandleTime(Duration.ofMillis(1500)));
    tally.addAll(tally);
    TallySnapshot s = tally.snapshot();
    assertThat(s.arrivals()).isEqualTo(2);
    assertThat(s.answeredWaits()).isEqualTo(WaitDistribution.of(5, 5));
    assertThat(s.handleTimeTotal()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.handleTimeCount()).isEqualTo(2);
  }

  @Test
  void billionsOfCallsDoNotOverflow() {
    // 3 calls doubled 32 times: 3 * 2^32 = 12,884,901,888 calls (over 3 billion of each kind but one).
    CallTally tally = new CallTally();
    tally.add(Call.answered("a", "q", T0, T0.plusSeconds(30)).withHandleTime(Duration.ofMillis(185_500)));
    tally.add(Call.abandoned("b", "q", T0, T0.plusSeconds(7)));
    tally.add(Call.leftUnanswered("c", "q", T0, T0.plusSeconds(5000), FlowOutReason.TIMEOUT));
    for (int i = 0; i < 32; i++) {
      tally.addAll(tally);
    }
    TallySnapshot s = tally.snapshot();
    long n = 4_294_967_296L; // 2^32
    assertThat(s.arrivals()).isEqualTo(12_884_901_888L); // 3 * 2^32
    assertThat(s.answered()).isEqualTo(n);
    assertThat(s.abandoned()).isEqualTo(n);
    assertThat(s.flowOuts(FlowOutReason.TIMEOUT)).isEqualTo(n);
    assertThat(s.answeredWaits().totalSeconds()).isEqualTo(128_849_018_880L); // 30 * 2^32
    assertThat(s.abandonedWaits().totalSeconds()).isEqualTo(30_064_771_072L); // 7 * 2^32
    // 5000 s is past the dense part of the histogram: counted in the sparse part. 5000 * 2^32:
    assertThat(s.flowOutWaits(FlowOutReason.TIMEOUT).totalSeconds()).isEqualTo(21_474_836_480_000L);
    assertThat(s.handleTimeTotal()).isEqualTo(Duration.ofSeconds(796_716_433_408L)); // 185.5 * 2^32
    assertThat(s.handleTimeCount()).isEqualTo(n);
    // The figures keep their exact counts: Asterisk SL2 at 20 s = (A_T + B_T)/O with the timeout as an
    // abandon: A_T = 0 (30 s > 20 s), B_T = 2^32 (the 7 s abandons; the 5000 s timeout is over), O = 3 * 2^32.
    Ratio sl2 = Metrics.serviceLevel(s, Preset.ASTERISK_SL2.definition());
    assertThat(sl2).isEqualTo(Ratio.of(n, 3 * n));
    assertThat(sl2.formatPercent(1)).isEqualTo("33.3%");
    assertThat(Metrics.averageSpeedOfAnswer(s).value()).contains(Duration.ofSeconds(30));
    assertThat(Metrics.averageHandleTime(s).value()).contains(Duration.ofMillis(185_500));
    assertThat(s.plus(s).arrivals()).isEqualTo(25_769_803_776L); // 6 * 2^32
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergeIsAssociativeAndCommutativeWithTheEmptySnapshotAsIdentity(long seed) {
    List<Call> calls = Calls.random(seed, 3000);
    TallySnapshot a = TallySnapshot.of(calls.subList(0, 1000));
    TallySnapshot b = TallySnapshot.of(calls.subList(1000, 1700));
    TallySnapshot c = TallySnapshot.of(calls.subList(1700, 3000));
    assertThat(a.plus(b).plus(c)).as("associative, seed %d", seed).isEqualTo(a.plus(b.plus(c)));
    assertThat(a.plus(b)).as("commutative, seed %d", seed).isEqualTo(b.plus(a));
    assertThat(a.plus(TallySnapshot.empty())).as("right identity, seed %d", seed).isEqualTo(a);
    assertThat(TallySnapshot.empty().plus(a)).as("left identity, seed %d", seed).isEqualTo(a);
    assertThat(a.plus(b).hashCode()).as("hash, seed %d", seed).isEqualTo(b.plus(a).hashCode());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void tallyOfTheUnionIsTheMergeOfTheTallies(long seed) {
    List<Call> calls = Calls.random(seed, 3000);
    List<Call> left = calls.subList(0, 1234);
    List<Call> right = calls.subList(1234, 3000);
    TallySnapshot union = TallySnapshot.of(calls);

    assertThat(TallySnapshot.of(left).plus(TallySnapshot.of(right))).as("plus, seed %d", seed).isEqualTo(union);

    CallTally merged = new CallTally();
    merged.addAll(left);
    CallTally other = new CallTally();
    other.addAll(right);
    merged.addAll(other);
    assertThat(merged.snapshot()).as("addAll(CallTally), seed %d", seed).isEqualTo(union);
    assertThat(other.snapshot()).as("other unchanged, seed %d", seed).isEqualTo(TallySnapshot.of(right));

    // Every call counted once: arrivals = ended + waiting.
    assertThat(union.arrivals()).as("arrivals, seed %d", seed).isEqualTo(3000).isEqualTo(union.ended() + union.waiting());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sequentialAndParallelCollectorsAgree(long seed) {
    List<Call> calls = Calls.random(seed, 20_000);
    TallySnapshot sequential = calls.stream().collect(CallTally.toSnapshot());
    TallySnapshot parallel = calls.parallelStream().collect(CallTally.toSnapshot());
    CallTally oneByOne = new CallTally();
    for (Call call : calls) {
      oneByOne.add(call);
    }
    assertThat(parallel).as("seed %d", seed).isEqualTo(sequential).isEqualTo(oneByOne.snapshot());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void snapshotCountsEqualCountingTheCallsByHand(long seed) {
    List<Call> calls = Calls.random(seed, 2000);
    TallySnapshot s = TallySnapshot.of(calls);
    List<Long> answeredWaits = new ArrayList<>();
    long within20 = 0; // at the source's resolution: wait <= 20.000 s
    long within20Truncated = 0;
    long handleNanos = 0;
    long handleCount = 0;
    for (Call call : calls) {
      if (call.outcome() == io.github.callmetrics.call.Outcome.ANSWERED) {
        answeredWaits.add(call.waitSeconds());
        within20 += call.waitTime().orElseThrow().compareTo(Duration.ofSeconds(20)) <= 0 ? 1 : 0;
        within20Truncated += call.waitSeconds() <= 20 ? 1 : 0;
        if (call.handleTime().isPresent()) {
          handleNanos += call.handleTime().get().toNanos();
          handleCount++;
        }
      }
    }
    long total = answeredWaits.stream().mapToLong(Long::longValue).sum();
    assertThat(s.answered()).as("seed %d", seed).isEqualTo(answeredWaits.size());
    assertThat(s.answeredWaits().countWithin(20, ThresholdBoundary.INCLUSIVE)).as("seed %d", seed).isEqualTo(within20);
    assertThat(s.answeredWaits().countWithin(20, ThresholdBoundary.INCLUSIVE, WaitResolution.WHOLE_SECONDS))
        .as("seed %d", seed).isEqualTo(within20Truncated);
    assertThat(s.answeredWaits().totalSeconds()).as("seed %d", seed).isEqualTo(total);
    assertThat(s.handleTimeTotal()).as("seed %d", seed).isEqualTo(Duration.ofNanos(handleNanos));
    assertThat(s.handleTimeCount()).as("seed %d", seed).isEqualTo(handleCount);
  }
}
