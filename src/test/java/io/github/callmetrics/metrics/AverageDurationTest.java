package io.github.callmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AverageDurationTest {

  @Test
  void averageOfNothingIsUndefined() {
    AverageDuration a = AverageDuration.of(Duration.ZERO, 0);
    assertThat(a.isDefined()).isFalse();
    assertThat(a.value()).isEmpty();
    assertThat(a.seconds()).isEmpty();
    assertThat(a.formatSeconds(1)).isEqualTo("undefined");
    assertThat(a).hasToString("undefined (0 s over 0)");
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"PT-1S, 1", "PT1S, -1", "PT1S, 0"})
  void invalidTotalsAndCountsAreRejected(String total, long count) {
    assertThatIllegalArgumentException().isThrownBy(() -> AverageDuration.of(Duration.parse(total), count))
        .withMessage("average of " + total + " over " + count + " durations is not valid (expected a total and a"
            + " count of zero or more, and no total without a count)");
  }

  @ParameterizedTest(name = "{0} over {1} = {2}")
  @CsvSource({
      "PT78S, 10, PT7.8S",                 // 78 / 10 = 7.8 s
      "PT10S, 3, PT3.333333333S",          // 3.3333333333... -> 3.333333333 s (down)
      "PT20S, 3, PT6.666666667S",          // 6.6666666666... -> 6.666666667 s (up)
      "PT0.000000001S, 2, PT0.000000001S", // 0.5 ns -> half-up 1 ns
      "PT0.000000001S, 3, PT0S",           // 0.333 ns -> 0 ns
      "PT0S, 5, PT0S"})
  void valueIsRoundedHalfUpToTheNanosecond(String total, long count, String expected) {
    assertThat(AverageDuration.of(Duration.parse(total), count).value()).contains(Duration.parse(expected));
  }

  @ParameterizedTest(name = "{0} over {1} at {2} decimals = {3}")
  @CsvSource({
      "PT78S, 10, 1, 7.8 s",
      "PT10S, 3, 1, 3.3 s",
      "PT20S, 3, 1, 6.7 s",
      "PT5S, 2, 0, 3 s",                 // 2.5 -> half-up 3
      "PT5S, 4, 1, 1.3 s",               // 1.25 -> half-up 1.3
      "PT7S, 8, 2, 0.88 s",              // 0.875 -> 0.88
      // 0.999999999 s over 20 = 0.04999999995 s: below 0.05, so 0.0 at one decimal. Rounding first to the
      // nanosecond (0.050000000) and then to one decimal would wrongly give 0.1.
      "PT0.999999999S, 20, 1, 0.0 s",
      "PT0.999999999S, 20, 9, 0.050000000 s"})
  void formatSecondsRoundsHalfUpOnce(String total, long count, int decimals, String expected) {
    assertThat(AverageDuration.of(Duration.parse(total), count).formatSeconds(decimals)).isEqualTo(expected);
  }

  @Test
  void secondsAndToStringShowTheCounts() {
    AverageDuration a = AverageDuration.of(Duration.ofSeconds(78), 10);
    assertThat(a.seconds()).hasValue(7.8);
    assertThat(a.total()).isEqualTo(Duration.ofSeconds(78));
    assertThat(a.count()).isEqualTo(10);
    assertThat(a).hasToString("7.8 s (78 s over 10)");
    assertThat(a).isEqualTo(AverageDuration.of(Duration.ofSeconds(78), 10)).hasSameHashCodeAs(
        AverageDuration.of(Duration.ofSeconds(78), 10));
    assertThat(a).isNotEqualTo(AverageDuration.of(Duration.ofSeconds(39), 5)); // same value, other counts
  }

  @Test
  void hugeTotalsStayExact() {
    // 796,716,433,408 s over 4,294,967,296 = 185.5 s exactly (185.5 s doubled 32 times).
    AverageDuration a = AverageDuration.of(Duration.ofSeconds(796_716_433_408L), 4_294_967_296L);
    assertThat(a.value()).contains(Duration.ofMillis(185_500));
    assertThat(a.formatSeconds(1)).isEqualTo("185.5 s");
  }

  @Test
  void theAverageIsRoundedOnceFromTheExactQuotient() {
    // (540.001 s + 305.999999999 s) / 2 = 846.000999999 / 2 = 423.0004999995 s exactly. Rounding to the
    // nanosecond first gives 423.000500000, which then rounds to 423.001 at three decimals: twice rounded.
    AverageDuration a = AverageDuration.of(Duration.parse("PT540.001S").plus(Duration.parse("PT305.999999999S")), 2);
    assertThat(a.value()).contains(Duration.parse("PT423.0005S")); // the Duration is to the nanosecond, half-up
    assertThat(a.secondsRounded(3)).contains(new java.math.BigDecimal("423.000"));
    assertThat(a.secondsRounded(4)).contains(new java.math.BigDecimal("423.0005"));
    assertThat(a.secondsRounded(10)).contains(new java.math.BigDecimal("423.0004999995"));
    assertThat(a.formatSeconds(3)).isEqualTo("423.000 s");
    assertThat(a.seconds().getAsDouble()).isEqualTo(423.0004999995);
    assertThat(AverageDuration.of(Duration.ofSeconds(10), 3).seconds().getAsDouble()).isEqualTo(10.0 / 3);
    assertThat(AverageDuration.of(Duration.ZERO, 0).secondsRounded(3)).isEmpty();
  }
}
