package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.Ratio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV report's own number formatting writes exactly what BigDecimal's rounding writes. */
class CsvNumbersTest {
  private static String seconds(Duration d) {
    StringBuilder s = new StringBuilder();
    CsvNumbers.appendSeconds(s, d);
    return s.toString();
  }

  private static String fraction(long n, long d) {
    StringBuilder s = new StringBuilder();
    CsvNumbers.appendFraction(s, Ratio.of(n, d));
    return s.toString();
  }

  private static String average(Duration total, long count) {
    StringBuilder s = new StringBuilder();
    CsvNumbers.appendAverage(s, AverageDuration.of(total, count));
    return s.toString();
  }

  private static String bigAverage(Duration total, long count) {
    return AverageDuration.of(total, count).secondsRounded(3).map(v -> v.stripTrailingZeros().toPlainString())
        .orElse("");
  }

  private static String bigSeconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).setScale(3, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

  @Test
  void secondsHandWorked() {
    assertThat(seconds(Duration.ZERO)).isEqualTo("0");
    assertThat(seconds(Duration.ofSeconds(423))).isEqualTo("423");
    assertThat(seconds(Duration.ofMillis(12_500))).isEqualTo("12.5");
    assertThat(seconds(Duration.ofMillis(7_005))).isEqualTo("7.005");
    assertThat(seconds(Duration.ofSeconds(7, 4_999_999))).isEqualTo("7.005");
    assertThat(seconds(Duration.ofSeconds(7, 4_499_999))).isEqualTo("7.004");
    assertThat(seconds(Duration.ofSeconds(7, 999_500_000))).isEqualTo("8");
    assertThat(seconds(Duration.ofSeconds(-1, 500_000_000))).isEqualTo("-0.5");
  }

  @Test
  void fractionsHandWorked() {
    assertThat(fraction(0, 7)).isEqualTo("0.000000");
    assertThat(fraction(7, 7)).isEqualTo("1.000000");
    assertThat(fraction(3057, 10_000)).isEqualTo("0.305700");
    assertThat(fraction(1, 3)).isEqualTo("0.333333");
    assertThat(fraction(2, 3)).isEqualTo("0.666667");
    assertThat(fraction(1, 2_000_000)).isEqualTo("0.000001"); // exactly half a millionth rounds up
    assertThat(fraction(1, 2_000_001)).isEqualTo("0.000000");
    assertThat(fraction(1_999_999, 2_000_000)).isEqualTo("1.000000");
    assertThat(fraction(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo("1.000000");
    assertThat(fraction(0, 0)).isEmpty();
  }

  @Test
  void averagesHandWorked() {
    assertThat(average(Duration.ZERO, 0)).isEmpty();
    assertThat(average(Duration.ZERO, 3)).isEqualTo("0");
    assertThat(average(Duration.ofSeconds(846, 1_000_000), 2)).isEqualTo("423.001"); // 423.0005 rounds up once
    assertThat(average(Duration.ofSeconds(846), 2)).isEqualTo("423");
    assertThat(average(Duration.ofSeconds(10), 3)).isEqualTo("3.333");
    assertThat(average(Duration.ofSeconds(20), 3)).isEqualTo("6.667");
    assertThat(average(Duration.ofSeconds(1, 499_999), 1)).isEqualTo("1");
    assertThat(average(Duration.ofSeconds(0, 999_500_000), 1)).isEqualTo("1");
    // Past the exact long range, the BigDecimal path answers.
    assertThat(average(Duration.ofSeconds(Long.MAX_VALUE / 2), 3)).isEqualTo(bigAverage(Duration.ofSeconds(Long.MAX_VALUE / 2), 3));
    assertThat(average(Duration.ofSeconds(7), Long.MAX_VALUE)).isEqualTo("0");
  }

  @Test
  void averagesAgreeWithSecondsRoundedOnRandomValues() {
    SplittableRandom random = new SplittableRandom(20261208);
    for (int i = 0; i < 200_000; i++) {
      long count = i % 4 == 0 ? random.nextLong(1, 2_000_000_000_000L) : random.nextLong(1, 10_000);
      Duration total = Duration.ofSeconds(random.nextLong(0, i % 5 == 0 ? 3_000_000_000L : 10_000_000),
          random.nextInt(1_000_000_000));
      assertThat(average(total, count)).as("%s / %d", total, count).isEqualTo(bigAverage(total, count));
    }
  }

  @Test
  void agreesWithBigDecimalOnRandomValues() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int i = 0; i < 200_000; i++) {
      Duration d = Duration.ofSeconds(random.nextLong(-10_000, 10_000_000), random.nextInt(1_000_000_000));
      assertThat(seconds(d)).as("%s", d).isEqualTo(bigSeconds(d));
      long denominator = i % 3 == 0 ? random.nextLong(1, Long.MAX_VALUE) : random.nextLong(1, 100_000_000);
      long numerator = random.nextLong(0, denominator + 1 == 0 ? denominator : denominator + 1);
      String expected = BigDecimal.valueOf(numerator)
          .divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP).toPlainString();
      assertThat(fraction(numerator, denominator)).as("%d/%d", numerator, denominator).isEqualTo(expected);
    }
  }
}
