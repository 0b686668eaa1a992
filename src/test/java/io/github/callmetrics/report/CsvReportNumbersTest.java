package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.metrics.Ratio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV report's own number formatting writes exactly what BigDecimal's rounding writes. */
class CsvReportNumbersTest {
  private static String seconds(Duration d) {
    StringBuilder s = new StringBuilder();
    CsvReport.appendSeconds(s, d);
    return s.toString();
  }

  private static String fraction(long n, long d) {
    StringBuilder s = new StringBuilder();
    CsvReport.appendFraction(s, Ratio.of(n, d));
    return s.toString();
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
