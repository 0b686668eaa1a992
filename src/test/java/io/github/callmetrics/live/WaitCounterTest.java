package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The live span's wait counter gives exactly the distribution of the waits it holds, dense and sparse. It counts
 * wait indices ({@code OutcomeClass.waitIndex}): {@code 2w} for a wait of {@code w} whole seconds, {@code 2w + 1} for
 * one of more than {@code w} and less than {@code w + 1} seconds.
 */
class WaitCounterTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  /** The distribution of waits given as indices, counted by the batch path: calls answered after those waits. */
  private static WaitDistribution of(List<Long> indices) {
    List<Call> calls = new ArrayList<>();
    for (long v : indices) {
      calls.add(Call.answered("c" + calls.size(), "q", T0, T0.plusSeconds(v / 2).plusMillis(v % 2 == 0 ? 0 : 250)));
    }
    return TallySnapshot.of(calls).answeredWaits();
  }

  private static void record(WaitCounter counter, long... seconds) {
    for (long w : seconds) {
      counter.record(2 * w);
    }
  }

  @Test
  void holdsWaitsAcrossBitmapWordsAndPastTheDenseLimit() {
    WaitCounter counter = new WaitCounter();
    long[] waits = {0, 0, 31, 32, 33, 63, 64, 4095, 4096, 4096, 90_000};
    record(counter, waits);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(waits));
    assertThat(counter.toDistribution().totalSeconds()).isEqualTo(2 * 4096 + 90_000 + 4095 + 64 + 63 + 33 + 32 + 31);
    counter.remove(0);
    counter.remove(2 * 4096);
    counter.remove(2 * 90_000);
    counter.remove(2 * 32);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(0, 31, 33, 63, 64, 4095, 4096));
    assertThat(counter.count()).isEqualTo(7);
    counter.record(2 * 4095 + 1); // (4095, 4096) s: the last dense index
    counter.record(63); // (31, 32) s, in the first bitmap word
    assertThat(counter.toDistribution()).isEqualTo(of(List.of(0L, 62L, 63L, 66L, 126L, 128L, 8190L, 8191L, 8192L)));
    assertThat(counter.toDistribution().totalSeconds()).isEqualTo(31 + 31 + 33 + 63 + 64 + 4095 + 4095 + 4096);
    counter.remove(63);
    counter.remove(2 * 4095 + 1);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(0, 31, 33, 63, 64, 4095, 4096));
    assertThat(counter.count()).isEqualTo(7);
  }

  @Test
  void agreesWithADistributionOfTheSameWaitsUnderRandomRecordsAndRemoves() {
    SplittableRandom random = new SplittableRandom(11);
    WaitCounter counter = new WaitCounter();
    List<Long> held = new ArrayList<>();
    for (int step = 0; step < 5000; step++) {
      if (!held.isEmpty() && random.nextInt(3) == 0) {
        long w = held.remove(random.nextInt(held.size()));
        counter.remove(w);
      } else {
        long w = random.nextInt(20) == 0 ? 8000 + random.nextInt(400) : random.nextInt(1400);
        counter.record(w);
        held.add(w);
      }
      if (step % 250 == 0) {
        assertThat(counter.toDistribution()).as("step %d", step).isEqualTo(of(held));
      }
    }
    assertThat(counter.toDistribution()).isEqualTo(of(held));
  }

  @Test
  void clearForgetsEverythingAndTheCounterCountsAgain() {
    WaitCounter counter = new WaitCounter();
    record(counter, 3, 3, 700, 5000);
    counter.record(7);
    counter.clear();
    assertThat(counter.count()).isZero();
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.empty());
    record(counter, 700);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(700));
  }

  @Test
  void removingAWaitNeverRecordedFailsAndChangesNothing() {
    WaitCounter counter = new WaitCounter();
    record(counter, 12);
    assertThatThrownBy(() -> counter.remove(25)).isInstanceOf(IllegalStateException.class)
        .hasMessage("no wait of index 25 to remove (it was never recorded)");
    assertThatThrownBy(() -> counter.remove(10_000)).isInstanceOf(IllegalStateException.class);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(12));
  }
}
