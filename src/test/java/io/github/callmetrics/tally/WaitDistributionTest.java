package io.github.callmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.definition.ThresholdBoundary;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaitDistributionTest {
  @Test
  void percentilesByNearestRank() {
    WaitDistribution d = WaitDistribution.of(9, 15, 25, 30, 40);
    assertThat(d.percentile(50)).contains(Duration.ofSeconds(25));
    assertThat(d.percentile(80)).contains(Duration.ofSeconds(30));
    assertThat(d.percentile(90)).contains(Duration.ofSeconds(40));
    assertThat(d.percentile(20)).contains(Duration.ofSeconds(9));
    assertThat(d.countWithin(25, ThresholdBoundary.INCLUSIVE)).isEqualTo(3);
    assertThat(d.countWithin(25, ThresholdBoundary.STRICT)).isEqualTo(2);
    assertThat(d.totalSeconds()).isEqualTo(119);
  }

  static Stream<Arguments> nearestRank() {
    // Waits given unsorted; rank = ceil(p * n / 100), the wait of that rank in ascending order.
    long[] ten = {12, 3, 45, 7, 0, 30, 19, 7, 60, 22}; // sorted: 0 3 7 7 12 19 22 30 45 60
    return Stream.of(
        Arguments.of(ten, 50.0, 12L),  // ceil(5.0) = rank 5 -> 12
        Arguments.of(ten, 80.0, 30L),  // ceil(8.0) = rank 8 -> 30
        Arguments.of(ten, 90.0, 45L),  // ceil(9.0) = rank 9 -> 45
        Arguments.of(ten, 95.0, 60L),  // ceil(9.5) = rank 10 -> 60
        Arguments.of(ten, 99.0, 60L),  // ceil(9.9) = rank 10 -> 60
        Arguments.of(ten, 100.0, 60L), // rank 10, the longest wait
        Arguments.of(ten, 0.1, 0L),    // ceil(0.01) = rank 1, the shortest wait
        Arguments.of(ten, 30.0, 7L),   // ceil(3.0) = rank 3 -> 7 (tied with rank 4)
        Arguments.of(ten, 31.0, 7L),   // ceil(3.1) = rank 4 -> 7
        Arguments.of(ten, 41.0, 12L),  // ceil(4.1) = rank 5 -> 12
        Arguments.of(ten, 51.0, 19L),  // ceil(5.1) = rank 6 -> 19
        Arguments.of(new long[] {42}, 1.0, 42L),   // one wait: every percentile is that wait
        Arguments.of(new long[] {42}, 50.0, 42L),
        Arguments.of(new long[] {42}, 100.0, 42L),
        // ties: 5 x 10 s and 5 x 20 s; p50 = rank 5 -> 10, p51 = ceil(5.1) = rank 6 -> 20
        Arguments.of(new long[] {10, 10, 10, 10, 10, 20, 20, 20, 20, 20}, 50.0, 10L),
        Arguments.of(new long[] {10, 10, 10, 10, 10, 20, 20, 20, 20, 20}, 51.0, 20L),
        // 80% of 5 waits is exactly rank 4, never rank 5 (no floating-point 4.000000001)
        Arguments.of(new long[] {1, 2, 3, 4, 5}, 80.0, 4L),
        // 3 waits, p33.4: ceil(1.002) = rank 2
        Arguments.of(new long[] {1, 2, 3}, 33.4, 2L));
  }

  @ParameterizedTest(name = "p{1} of {0} = {2} s")
  @MethodSource
  void nearestRank(long[] waits, double percent, long expected) {
    assertThat(WaitDistribution.of(waits).percentile(percent)).contains(Duration.ofSeconds(expected));
  }

  @Test
  void wholePercentilesOfCountsTooLargeForLongArithmeticAreStillExact() {
    // p100 of n waits is rank n and p50 rank ceil(n / 2): on either side of the largest count whose
    // 100 * n + 99 fits in a long (whole percents are computed in long arithmetic up to it).
    for (long n : new long[] {(Long.MAX_VALUE - 99) / 100, (Long.MAX_VALUE - 99) / 100 + 1, Long.MAX_VALUE / 2}) {
      WaitDistribution d = WaitDistribution.ofBuckets(new long[] {2, 4}, new long[] {n - n / 2, n / 2}, 0); // indices: 1 s, 2 s
      assertThat(d.percentile(100)).as("n = %d", n).contains(Duration.ofSeconds(2));
      assertThat(d.percentile(50)).as("n = %d", n).contains(Duration.ofSeconds(1));
      assertThat(d.percentile(50.0000001)).as("n = %d", n).contains(Duration.ofSeconds(2));
    }
  }

  @Test
  void percentileOfNoWaitsIsEmpty() {
    assertThat(WaitDistribution.empty().percentile(50)).isEmpty();
    assertThat(WaitDistribution.empty().percentile(100)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, 100.01, Double.NaN})
  void percentileOutsideZeroToHundredIsRejected(double percent) {
    assertThatIllegalArgumentException().isThrownBy(() -> WaitDistribution.of(1).percentile(percent))
        .withMessage("percentile " + percent + " is outside (0, 100] (expected for example 50, 90 or 99)");
  }

  @Test
  void negativeWaitIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> WaitDistribution.of(3, -1))
        .withMessage("wait -1 s is negative (expected zero or more)");
  }

  @Test
  void emptyDistributionHasNoMaximumAndCountsNothing() {
    WaitDistribution d = WaitDistribution.empty();
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.count()).isZero();
    assertThat(d.totalSeconds()).isZero();
    assertThat(d.max()).isEmpty();
    assertThat(d.maxSeconds()).isEmpty();
    assertThat(d.countWithin(20, ThresholdBoundary.INCLUSIVE)).isZero();
    assertThat(WaitDistribution.of()).isEqualTo(d);
  }

  @Test
  void countsAtAndWithinThresholds() {
    // waits 0, 5, 5, 20, 20, 20, 21, 5000 (5000 s is stored in the sparse part)
    WaitDistribution d = WaitDistribution.of(20, 0, 5, 21, 20, 5000, 5, 20);
    assertThat(d.count()).isEqualTo(8);
    assertThat(d.totalSeconds()).isEqualTo(5091); // 0 + 5 + 5 + 20 + 20 + 20 + 21 + 5000
    assertThat(d.countAt(20)).isEqualTo(3);
    assertThat(d.countAt(6)).isZero();
    assertThat(d.countAtMost(-1)).isZero();
    assertThat(d.countWithin(20, ThresholdBoundary.INCLUSIVE)).isEqualTo(6); // 0, 5, 5, 20, 20, 20
    assertThat(d.countWithin(20, ThresholdBoundary.STRICT)).isEqualTo(3);    // 0, 5, 5
    assertThat(d.countWithin(0, ThresholdBoundary.INCLUSIVE)).isEqualTo(1);  // only the 0 s wait
    assertThat(d.countWithin(0, ThresholdBoundary.STRICT)).isZero();         // nothing is < 0 s
    assertThat(d.max()).contains(Duration.ofSeconds(5000));
    assertThat(d.maxSeconds()).hasValue(5000);
    assertThat(d).hasToString("WaitDistribution{0s×1, 5s×2, 20s×3, 21s×1, 5000s×1}");
  }

  @Test
  void longerThanKeepsOnlyTheLongerWaits() {
    WaitDistribution d = WaitDistribution.of(0, 5, 5, 6, 20);
    assertThat(d.longerThan(5)).isEqualTo(WaitDistribution.of(6, 20));
    assertThat(d.longerThan(-1)).isSameAs(d);
    assertThat(d.longerThan(20)).isEqualTo(WaitDistribution.empty());
  }

  @Test
  void plusEqualsTheDistributionOfAllWaits() {
    WaitDistribution a = WaitDistribution.of(1, 2, 5000);
    WaitDistribution b = WaitDistribution.of(2, 3, 7000);
    assertThat(a.plus(b)).isEqualTo(WaitDistribution.of(1, 2, 2, 3, 5000, 7000)).isEqualTo(b.plus(a));
    assertThat(a.plus(WaitDistribution.empty())).isSameAs(a);
    assertThat(WaitDistribution.empty().plus(a)).isSameAs(a);
  }
}
