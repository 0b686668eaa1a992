package io.github.callmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioTest {

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"-1, 5", "0, -1", "6, 5", "1, 0"})
  void badCountsAreRejected(long numerator, long denominator) {
    assertThatIllegalArgumentException().isThrownBy(() -> Ratio.of(numerator, denominator))
        .withMessage("ratio " + numerator + "/" + denominator
            + " is not a ratio of counts (expected 0 <= numerator <= denominator)");
  }

  @Test
  void zeroDenominatorIsUndefined() {
    Ratio r = Ratio.of(0, 0);
    assertThat(r).isSameAs(Ratio.undefined());
    assertThat(r.isDefined()).isFalse();
    assertThat(r.value()).isEmpty();
    assertThat(r.percent()).isEmpty();
    assertThat(r.toBigDecimal(3)).isEmpty();
    assertThat(r.formatPercent(1)).isEqualTo("undefined");
    assertThat(r.meets(BigDecimal.ZERO)).isEqualTo(TargetStatus.UNDEFINED);
    assertThat(r).hasToString("undefined (0/0)");
  }

  @Test
  void zeroOfSomeIsDefinedAndZero() {
    Ratio r = Ratio.of(0, 7);
    assertThat(r.isDefined()).isTrue();
    assertThat(r.value()).hasValue(0.0);
    assertThat(r.formatPercent(1)).isEqualTo("0.0%");
    assertThat(r.meets(BigDecimal.ZERO)).isEqualTo(TargetStatus.MET);
  }

  @ParameterizedTest(name = "{0}/{1} with {2} decimals = {3}")
  @CsvSource({
      "17, 20, 1, 85.0%",
      "23, 35, 1, 65.7%",      // 65.714...
      "29, 45, 1, 64.4%",      // 64.444...
      "25, 32, 1, 78.1%",      // 78.125 -> 78.1 (the 2 decides)
      "1, 8, 1, 12.5%",        // 12.5 exactly
      "1, 16, 1, 6.3%",        // 6.25 exactly: half-up 6.3
      "1, 16, 2, 6.25%",
      "2, 3, 0, 67%",          // 66.67 -> 67
      "1, 3, 3, 33.333%",
      "1, 1, 1, 100.0%",
      "999, 1000, 0, 100%",    // 99.9 rounds up to 100 at zero decimals; the counts still say 999 of 1000
      "860, 1060, 1, 81.1%"})
  void formatPercentRoundsHalfUpOnce(long numerator, long denominator, int decimals, String expected) {
    assertThat(Ratio.of(numerator, denominator).formatPercent(decimals)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}: {3}")
  @CsvSource({
      "4, 5, 0.80, MET",                // 0.8 exactly: met, with no floating-point doubt
      "80, 100, 0.8, MET",
      "79999, 100000, 0.80, MISSED",    // 79.999% prints as 80.0% but misses
      "799999999, 1000000000, 0.8, MISSED",
      "2, 3, 0.6666666666666667, MISSED", // 2/3 is below the decimal 0.6666666666666667
      "2, 3, 0.6666666666666666, MET",
      "0, 1, 0, MET",
      "1, 1, 1, MET",
      "9, 10, 1, MISSED"})
  void meetsComparesExactly(long numerator, long denominator, String target, TargetStatus expected) {
    assertThat(Ratio.of(numerator, denominator).meets(new BigDecimal(target))).isEqualTo(expected);
  }

  @Test
  void valueAndPercentAreTheFraction() {
    Ratio r = Ratio.of(17, 20);
    assertThat(r.value()).hasValue(0.85);
    assertThat(r.percent()).hasValue(85.0);
    assertThat(r.toBigDecimal(4)).contains(new BigDecimal("0.8500"));
    assertThat(Ratio.of(2, 3).toBigDecimal(2)).contains(new BigDecimal("0.67"));
    assertThat(r).hasToString("17/20 (85.0%)");
  }

  @Test
  void equalityIsByCountsNotByValue() {
    assertThat(Ratio.of(1, 2)).isEqualTo(Ratio.of(1, 2)).hasSameHashCodeAs(Ratio.of(1, 2));
    assertThat(Ratio.of(1, 2)).isNotEqualTo(Ratio.of(2, 4));
    assertThat(Ratio.of(1, 2).compareTo(Ratio.of(2, 4))).isNegative(); // equal values: smaller denominator first
  }

  @Test
  void sortsUndefinedFirstThenByExactValue() {
    List<Ratio> ratios = new ArrayList<>(List.of(
        Ratio.of(2, 3), Ratio.undefined(), Ratio.of(1, 1), Ratio.of(0, 5),
        Ratio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE), Ratio.of(2, 4), Ratio.of(1, 2)));
    Collections.sort(ratios);
    assertThat(ratios).containsExactly(
        Ratio.undefined(), Ratio.of(0, 5), Ratio.of(1, 2), Ratio.of(2, 4), Ratio.of(2, 3),
        Ratio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE), Ratio.of(1, 1));
  }
}
