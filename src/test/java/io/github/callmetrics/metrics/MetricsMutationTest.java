package io.github.callmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.tally.TallySnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edges of the calculators' contracts that mutation testing (docs/development/mutation-testing.md) found untested: each
 * consistency rule of the counts on its own, both ends of every accepted range, and the accessors.
 */
class MetricsMutationTest {

  @Test
  void ratioHandsBackItsCounts() {
    Ratio r = Ratio.of(17, 20);
    assertThat(r.numerator()).isEqualTo(17);
    assertThat(r.denominator()).isEqualTo(20);
    assertThat(Ratio.undefined().numerator()).isZero();
    assertThat(Ratio.undefined().denominator()).isZero();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"0, -1", "-1, -1", "-5, -2", "0, " + Long.MIN_VALUE})
  void aNegativeDenominatorIsRejected(long numerator, long denominator) {
    assertThatIllegalArgumentException().isThrownBy(() -> Ratio.of(numerator, denominator))
        .withMessage("ratio " + numerator + "/" + denominator
            + " is not a ratio of counts (expected 0 <= numerator <= denominator)");
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3}: {4}")
  @CsvSource({
      "0, 0, 0, 0, 0",      // undefined equals undefined
      "0, 0, 0, 1, -1",     // undefined before 0 %
      "0, 1, 0, 0, 1",
      "0, 0, 1, 1, -1",
      "1, 1, 0, 0, 1",
      "0, 3, 0, 5, -1",     // both 0 %: the smaller denominator first
      "2, 3, 3, 4, -1",     // 8 < 9 cross-multiplied
      "3, 4, 2, 3, 1",
      "2, 4, 2, 4, 0"})
  void compareToOrdersUndefinedFirstThenByValueThenByDenominator(long n1, long d1, long n2, long d2, int sign) {
    assertThat(Integer.signum(Ratio.of(n1, d1).compareTo(Ratio.of(n2, d2)))).isEqualTo(sign);
  }

  @Test
  void anAverageOfOneOrMoreDurationsIsDefined() {
    assertThat(AverageDuration.of(Duration.ZERO, 1).isDefined()).isTrue();
    assertThat(AverageDuration.of(Duration.ofSeconds(47), 2).isDefined()).isTrue();
    assertThat(AverageDuration.of(Duration.ZERO, 0).isDefined()).isFalse();
  }

  @ParameterizedTest(name = "O={0} A={1} A_T={2} B={3} B_T={4} B_S={5} F={6} F_T={7} excluded={8}")
  @CsvSource({
      "10, 7, -1, 2, 1, 1, 1, 0, 0",    // A_T negative
      "10, 7, 5, 2, -1, 1, 1, 0, 0",    // B_T negative
      "10, 7, 5, 2, 1, -1, 1, 0, 0",    // B_S negative
      "10, 7, 5, 2, 1, 1, 1, -1, 0",    // F_T negative
      "10, 7, 5, 2, 1, 1, 1, 0, -1",    // excluded negative
      "9, -1, 0, 9, 1, 1, 1, 0, 0",     // A negative (O = A + B + F still holds)
      "9, 7, 0, -1, 0, 0, 3, 0, 0",     // B negative
      "9, 7, 5, 3, 1, 1, -1, 0, 0",     // F negative
      "11, 7, 5, 2, 1, 1, 1, 0, 0",     // O > A + B + F
      "9, 7, 5, 2, 1, 1, 1, 0, 0",      // O < A + B + F
      "10, 7, 8, 2, 1, 1, 1, 0, 0",     // A_T > A
      "10, 7, 5, 2, 3, 1, 1, 0, 0",     // B_T > B
      "10, 7, 5, 2, 1, 3, 1, 0, 0",     // B_S > B
      "10, 7, 5, 2, 1, 1, 1, 2, 0"})    // F_T > F
  void eachInconsistencyOfTheCountsIsRejected(long o, long a, long aT, long b, long bT, long bS, long f, long fT,
      long excluded) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ServiceLevelCounts(o, a, aT, b, bT, bS, f, fT, excluded))
        .withMessage("counts O=" + o + " A=" + a + " A_T=" + aT + " B=" + b + " B_T=" + bT + " B_S=" + bS
            + " F=" + f + " F_T=" + fT + " excluded=" + excluded + " are inconsistent (expected counts of zero or"
            + " more, O = A + B + F, A_T <= A, B_S <= B, B_T <= B, F_T <= F)");
  }

  @Test
  void countsAtTheEndsOfEveryRuleAreAccepted() {
    // Every part equal to its whole, and all zero: the largest and smallest consistent counts.
    assertThat(new ServiceLevelCounts(10, 7, 7, 2, 2, 2, 1, 1, 0).answeredWithinThreshold()).isEqualTo(7);
    assertThat(new ServiceLevelCounts(0, 0, 0, 0, 0, 0, 0, 0, 0).offered()).isZero();
  }

  @ParameterizedTest(name = "rate {0}")
  @CsvSource({"-0.01", "1.01", "-1"})
  void lostOpportunityRejectsARateOutsideZeroToOne(String rate) {
    TallySnapshot s = TallySnapshot.empty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Metrics.lostOpportunity(s, ServiceLevelDefinition.standard(), BigDecimal.TEN,
            new BigDecimal(rate)))
        .withMessage("conversion rate " + rate + " is outside [0, 1] (expected a fraction such as 0.15)");
  }

  @Test
  void lostOpportunityAcceptsTheEndsOfItsRanges() {
    TallySnapshot s = TallySnapshot.empty();
    ServiceLevelDefinition d = ServiceLevelDefinition.standard();
    assertThat(Metrics.lostOpportunity(s, d, BigDecimal.ZERO, BigDecimal.ONE)).isEqualByComparingTo("0");
    assertThat(Metrics.lostOpportunity(s, d, BigDecimal.TEN, BigDecimal.ZERO)).isEqualByComparingTo("0");
  }
}
