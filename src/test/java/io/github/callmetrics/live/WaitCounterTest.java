package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.tally.WaitDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The live span's wait counter gives exactly the distribution of the waits it holds, dense and sparse. */
class WaitCounterTest {
  private static WaitDistribution of(List<Long> waits) {
    return WaitDistribution.of(waits.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void holdsWaitsAcrossBitmapWordsAndPastTheDenseLimit() {
    WaitCounter counter = new WaitCounter();
    long[] waits = {0, 0, 63, 64, 65, 127, 128, 4095, 4096, 4096, 90_000};
    for (long w : waits) {
      counter.record(w);
    }
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(waits));
    assertThat(counter.toDistribution().totalSeconds()).isEqualTo(2 * 4096 + 90_000 + 4095 + 128 + 127 + 65 + 64 + 63);
    counter.remove(0);
    counter.remove(4096);
    counter.remove(90_000);
    counter.remove(64);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(0, 63, 65, 127, 128, 4095, 4096));
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
        long w = random.nextInt(20) == 0 ? 4000 + random.nextInt(200) : random.nextInt(700);
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
    for (long w : new long[] {3, 3, 700, 5000}) {
      counter.record(w);
    }
    counter.clear();
    assertThat(counter.count()).isZero();
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.empty());
    counter.record(700);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(700));
  }

  @Test
  void removingAWaitNeverRecordedFailsAndChangesNothing() {
    WaitCounter counter = new WaitCounter();
    counter.record(12);
    assertThatThrownBy(() -> counter.remove(13)).isInstanceOf(IllegalStateException.class)
        .hasMessage("no wait of 13 s to remove (it was never recorded)");
    assertThatThrownBy(() -> counter.remove(5000)).isInstanceOf(IllegalStateException.class);
    assertThat(counter.toDistribution()).isEqualTo(WaitDistribution.of(12));
  }
}
