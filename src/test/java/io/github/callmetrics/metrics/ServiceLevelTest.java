package io.github.callmetrics.metrics;

import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_COUNT_AGAINST;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_IGNORED;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_WITHIN_T_IGNORED;
import static io.github.callmetrics.definition.ServiceLevelFormula.ANSWERED_ONLY;
import static io.github.callmetrics.definition.ServiceLevelFormula.SHORT_ABANDONS_COUNT_FOR;
import static io.github.callmetrics.definition.ServiceLevelFormula.SHORT_ABANDONS_IGNORED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.FlowOutTreatment;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.testing.Calls;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service-level formula on hand-worked calls, and the published worked examples. */
class ServiceLevelTest {

  private static ServiceLevelDefinition definition(ServiceLevelFormula formula, long t, long s) {
    return ServiceLevelDefinition.builder().formula(formula).threshold(Duration.ofSeconds(t))
        .shortAbandonThreshold(Duration.ofSeconds(s)).build();
  }

  /**
   * The ICMI example (reproduced by Call Centre Helper) from real calls, T = 20 s, S = 5 s:
   * 860 answered within 20 s (waits 0..20 s in turn), 140 answered later (21..160 s): A = 1000, A_T = 860;
   * 10 abandoned within 5 s, 10 more within 20 s, 40 after 20 s: B = 60, B_T = 20, B_S = 10; F = 0; O = 1060.
   */
  static TallySnapshot icmi() {
    Calls calls = Calls.builder();
    for (int i = 0; i < 860; i++) {
      calls.answered(i % 21);
    }
    for (int i = 0; i < 140; i++) {
      calls.answered(21 + i);
    }
    for (int i = 0; i < 10; i++) {
      calls.abandoned(i % 6);        // 0..5 s
      calls.abandoned(6 + i);        // 6..15 s
    }
    for (int i = 0; i < 40; i++) {
      calls.abandoned(21 + i);
    }
    return calls.snapshot();
  }

  @Test
  void icmiCountsAreThePublishedOnes() {
    ServiceLevelCounts c = ServiceLevelCounts.of(icmi(), definition(ABANDONS_COUNT_AGAINST, 20, 5));
    // O = 1000 + 60 + 0, A = 1000, A_T = 860, B = 60, B_T = 20, B_S = 10, F = F_T = 0, nothing excluded
    assertThat(c).isEqualTo(new ServiceLevelCounts(1060, 1000, 860, 60, 20, 10, 0, 0, 0));
  }

  static Stream<Arguments> icmiExample() {
    return Stream.of(
        // formula 1: (860 + 20)/1060 = 83.02% -> published 83%
        Arguments.of(ABANDONS_WITHIN_T_COUNT_FOR, 880, 1060, "83%", "83.0%"),
        // formula 2: 860/1000 = 86% -> published 86%
        Arguments.of(ANSWERED_ONLY, 860, 1000, "86%", "86.0%"),
        // formula 3: 860/1060 = 81.13% -> published 81%
        Arguments.of(ABANDONS_COUNT_AGAINST, 860, 1060, "81%", "81.1%"),
        // formula 4: 860/(1060 - 20) = 860/1040 = 82.69% -> published 83%
        Arguments.of(ABANDONS_WITHIN_T_IGNORED, 860, 1040, "83%", "82.7%"),
        // short abandons ignored: 860/(1060 - 10) = 860/1050 = 81.90%
        Arguments.of(SHORT_ABANDONS_IGNORED, 860, 1050, "82%", "81.9%"),
        // formula 5: (860 + 10)/1060 = 82.08%
        Arguments.of(SHORT_ABANDONS_COUNT_FOR, 870, 1060, "82%", "82.1%"),
        // abandons ignored (Genesys, abandons off): 860/(1060 - 60) = 86.0%, equal to formula 2 without F
        Arguments.of(ABANDONS_IGNORED, 860, 1000, "86%", "86.0%"));
  }

  @ParameterizedTest(name = "{0}: {1}/{2}")
  @MethodSource
  void icmiExample(ServiceLevelFormula formula, long numerator, long denominator, String whole, String oneDecimal) {
    Ratio sl = Metrics.serviceLevel(icmi(), definition(formula, 20, 5));
    assertThat(sl).isEqualTo(Ratio.of(numerator, denominator));
    assertThat(sl.formatPercent(0)).isEqualTo(whole);
    assertThat(sl.formatPercent(1)).isEqualTo(oneDecimal);
  }

  /**
   * Calls on which all seven formulas differ, T = 20 s, S = 5 s:
   * answered after 2, 8, 15, 20, 30, 45 s (A = 6, A_T = 4);
   * abandoned after 3, 12, 25, 50, 60 s (B = 5, B_T = 2, B_S = 1);
   * flowed out (offered): timeout after 40 s, overflow after 10 s (F = 2, F_T = 1). O = 6 + 5 + 2 = 13.
   */
  static TallySnapshot allDiffer() {
    return Calls.builder()
        .answered(2, 8, 15, 20, 30, 45)
        .abandoned(3, 12, 25, 50, 60)
        .leftUnanswered(FlowOutReason.TIMEOUT, 40)
        .leftUnanswered(FlowOutReason.OVERFLOW, 10)
        .snapshot();
  }

  static Stream<Arguments> eachFormula() {
    return Stream.of(
        // formula, plain, with flow-outs within T credited (met = A_T + F_T = 5)
        Arguments.of(ANSWERED_ONLY, Ratio.of(4, 6), Ratio.of(4, 6)),                 // A_T/A; F never enters
        Arguments.of(ABANDONS_COUNT_AGAINST, Ratio.of(4, 13), Ratio.of(5, 13)),      // A_T/O
        Arguments.of(ABANDONS_WITHIN_T_IGNORED, Ratio.of(4, 11), Ratio.of(5, 11)),   // A_T/(13 - 2)
        Arguments.of(ABANDONS_WITHIN_T_COUNT_FOR, Ratio.of(6, 13), Ratio.of(7, 13)), // (A_T + 2)/13
        Arguments.of(SHORT_ABANDONS_IGNORED, Ratio.of(4, 12), Ratio.of(5, 12)),      // A_T/(13 - 1)
        Arguments.of(SHORT_ABANDONS_COUNT_FOR, Ratio.of(5, 13), Ratio.of(6, 13)),    // (A_T + 1)/13
        Arguments.of(ABANDONS_IGNORED, Ratio.of(4, 8), Ratio.of(5, 8)));             // A_T/(13 - 5)
  }

  @Test
  void everyFormulaIsInTheTableAndAllValuesDiffer() {
    assertThat(eachFormula().map(a -> (ServiceLevelFormula) a.get()[0]))
        .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ServiceLevelFormula.class));
    assertThat(eachFormula().map(a -> ((Ratio) a.get()[1]).value().getAsDouble())).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void eachFormula(ServiceLevelFormula formula, Ratio plain, Ratio credited) {
    ServiceLevelDefinition d = definition(formula, 20, 5);
    assertThat(ServiceLevelCounts.of(allDiffer(), d)).isEqualTo(new ServiceLevelCounts(13, 6, 4, 5, 2, 1, 2, 1, 0));
    assertThat(Metrics.serviceLevel(allDiffer(), d)).isEqualTo(plain);
    assertThat(Metrics.serviceLevel(allDiffer(), d.toBuilder().creditFlowOutsWithinThreshold(true).build()))
        .isEqualTo(credited);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // the table of docs/service-level.md, "A set where every formula differs"
      "ANSWERED_ONLY, 66.7%, 66.7%",
      "ABANDONS_COUNT_AGAINST, 30.8%, 38.5%",
      "ABANDONS_WITHIN_T_IGNORED, 36.4%, 45.5%",
      "ABANDONS_WITHIN_T_COUNT_FOR, 46.2%, 53.8%",
      "SHORT_ABANDONS_IGNORED, 33.3%, 41.7%",
      "SHORT_ABANDONS_COUNT_FOR, 38.5%, 46.2%",
      "ABANDONS_IGNORED, 50.0%, 62.5%"})
  void eachFormulaAsPrinted(ServiceLevelFormula formula, String plain, String credited) {
    ServiceLevelDefinition d = definition(formula, 20, 5);
    assertThat(Metrics.serviceLevel(allDiffer(), d).formatPercent(1)).isEqualTo(plain);
    assertThat(Metrics.serviceLevel(allDiffer(), d.toBuilder().creditFlowOutsWithinThreshold(true).build())
        .formatPercent(1)).isEqualTo(credited);
  }

  @Test
  void sameCallsUnderAsteriskAndUnderAStrictBoundary() {
    // docs/counts.md: Asterisk SL2 makes the 40 s timeout an abandon (B = 6, B_T = 2) and excludes the overflow.
    assertThat(ServiceLevelCounts.of(allDiffer(), io.github.callmetrics.definition.Preset.ASTERISK_SL2.definition()))
        .isEqualTo(new ServiceLevelCounts(12, 6, 4, 6, 2, 0, 0, 0, 1));
    // strict: the call answered after exactly 20 s is no longer within 20 s, A_T = 3.
    ServiceLevelDefinition strict = ServiceLevelDefinition.builder().boundary(ThresholdBoundary.STRICT).build();
    assertThat(ServiceLevelCounts.of(allDiffer(), strict).answeredWithinThreshold()).isEqualTo(3);
  }

  @Test
  void ciscoIcmExample() {
    // 50 answered under 30 s, 80 over: 50/130 = 38.46% -> 38%.
    TallySnapshot s = Calls.builder().answeredTimes(50, 29).answeredTimes(80, 31).snapshot();
    Ratio sl = Metrics.serviceLevel(s, ServiceLevelDefinition.builder().threshold(Duration.ofSeconds(30)).build());
    assertThat(sl).isEqualTo(Ratio.of(50, 130));
    assertThat(sl.formatPercent(0)).isEqualTo("38%");
  }

  @ParameterizedTest(name = "T = {0} s")
  @CsvSource({"10, 1, 25.0%", "20, 2, 50.0%"})
  void teliaAceExampleOneTallyTwoThresholds(long t, long within, String percent) {
    // waits 9, 15, 25, 30 s: within 10 s only the 9 s call (1/4 = 25%), within 20 s also the 15 s call (2/4).
    TallySnapshot s = Calls.builder().answered(9, 15, 25, 30).snapshot();
    Ratio sl = Metrics.serviceLevel(s, definition(ABANDONS_COUNT_AGAINST, t, 0));
    assertThat(sl).isEqualTo(Ratio.of(within, 4));
    assertThat(sl.formatPercent(1)).isEqualTo(percent);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"INCLUSIVE, SOURCE, 1, 1", "INCLUSIVE, WHOLE_SECONDS, 2, 1", "STRICT, SOURCE, 0, 0",
      "STRICT, WHOLE_SECONDS, 0, 0"})
  void waitExactlyOnTheThreshold(ThresholdBoundary boundary, WaitResolution resolution, long aT, long within) {
    // One answered, one abandoned, one overflow, each after exactly T = 20 s, and one answered after 20.999 s:
    // within 20 s only in whole seconds (truncated to 20), and then only inclusive.
    TallySnapshot s = Calls.builder().answered(20).abandoned(20).leftUnanswered(FlowOutReason.OVERFLOW, 20)
        .add(io.github.callmetrics.call.Call.answered("late", "q", Calls.T0, Calls.T0.plusMillis(20_999)))
        .snapshot();
    ServiceLevelDefinition d = definition(ABANDONS_WITHIN_T_COUNT_FOR, 20, 0).toBuilder().boundary(boundary)
        .waitResolution(resolution).build();
    // O = 2 + 1 + 1 = 4; SL2 = (A_T + B_T) / O.
    assertThat(ServiceLevelCounts.of(s, d))
        .isEqualTo(new ServiceLevelCounts(4, 2, aT, 1, within, 0, 1, within, 0));
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(aT + within, 4));
  }

  @ParameterizedTest(name = "abandon after {0} s, {1}: short {2}")
  @CsvSource({
      "4, INCLUSIVE, 1", "5, INCLUSIVE, 1", "6, INCLUSIVE, 0",
      "4, STRICT, 1", "5, STRICT, 0", "6, STRICT, 0"})
  void shortAbandonThresholdUsesTheDefinitionsBoundary(long wait, ThresholdBoundary boundary, long isShort) {
    // S = 5 s, T = 20 s; one answered call after 10 s and one abandon.
    TallySnapshot s = Calls.builder().answered(10).abandoned(wait).snapshot();
    ServiceLevelDefinition d = definition(SHORT_ABANDONS_IGNORED, 20, 5).toBuilder().boundary(boundary).build();
    assertThat(ServiceLevelCounts.of(s, d).shortAbandons()).isEqualTo(isShort);
    // A_T / (O - B_S): 1/1 when the abandon is short, 1/2 when not.
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(1, 2 - isShort));
    // (B - B_S)/(O - B_S): 0/1 or 1/2.
    assertThat(Metrics.abandonmentRateExcludingShortAbandons(s, d)).isEqualTo(Ratio.of(1 - isShort, 2 - isShort));
  }

  @Test
  void definitionWithoutShortAbandonsHasNone() {
    // S = 0 means none: even a 0 s abandon is not short, so SHORT_ABANDONS_IGNORED equals A_T / O.
    TallySnapshot s = Calls.builder().answered(10).abandoned(0).snapshot();
    ServiceLevelDefinition d = definition(SHORT_ABANDONS_IGNORED, 20, 0);
    assertThat(ServiceLevelCounts.of(s, d).shortAbandons()).isZero();
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(1, 2));
  }

  @Test
  void zeroThresholdCountsOnlyImmediateAnswersInclusively() {
    TallySnapshot s = Calls.builder().answered(0, 0, 1).snapshot();
    ServiceLevelDefinition inclusive = definition(ANSWERED_ONLY, 0, 0);
    assertThat(Metrics.serviceLevel(s, inclusive)).isEqualTo(Ratio.of(2, 3));
    ServiceLevelDefinition strict = inclusive.toBuilder().boundary(ThresholdBoundary.STRICT).build();
    assertThat(Metrics.serviceLevel(s, strict)).isEqualTo(Ratio.of(0, 3)); // nothing waits < 0 s
  }

  static Stream<Arguments> onlyFlowOuts() {
    // A timeout after 10 s and an overflow after 30 s, T = 20 s, no answered call, no abandon.
    return Stream.of(
        // OFFERED: O = F = 2, F_T = 1. A_T/O = 0/2; A_T/A undefined; (A_T + B_T)/O = 0/2; B/O = 0/2.
        Arguments.of(FlowOutTreatment.OFFERED, new ServiceLevelCounts(2, 0, 0, 0, 0, 0, 2, 1, 0),
            Ratio.of(0, 2), Ratio.undefined(), Ratio.of(0, 2), Ratio.of(0, 2)),
        // ABANDONED: O = B = 2, B_T = 1. 0/2; undefined; (0 + 1)/2; abandonment 2/2.
        Arguments.of(FlowOutTreatment.ABANDONED, new ServiceLevelCounts(2, 0, 0, 2, 1, 0, 0, 0, 0),
            Ratio.of(0, 2), Ratio.undefined(), Ratio.of(1, 2), Ratio.of(2, 2)),
        // EXCLUDED: nothing offered, everything undefined.
        Arguments.of(FlowOutTreatment.EXCLUDED, new ServiceLevelCounts(0, 0, 0, 0, 0, 0, 0, 0, 2),
            Ratio.undefined(), Ratio.undefined(), Ratio.undefined(), Ratio.undefined()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void onlyFlowOuts(FlowOutTreatment treatment, ServiceLevelCounts counts, Ratio countAgainst, Ratio answeredOnly,
      Ratio countFor, Ratio abandonment) {
    TallySnapshot s = Calls.builder().leftUnanswered(FlowOutReason.TIMEOUT, 10)
        .leftUnanswered(FlowOutReason.OVERFLOW, 30).snapshot();
    ServiceLevelDefinition d = ServiceLevelDefinition.builder().flowOuts(treatment).build();
    assertThat(ServiceLevelCounts.of(s, d)).isEqualTo(counts);
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(countAgainst);
    assertThat(Metrics.serviceLevel(s, d.toBuilder().formula(ANSWERED_ONLY).build())).isEqualTo(answeredOnly);
    assertThat(Metrics.serviceLevel(s, d.toBuilder().formula(ABANDONS_WITHIN_T_COUNT_FOR).build()))
        .isEqualTo(countFor);
    assertThat(Metrics.abandonmentRate(s, d)).isEqualTo(abandonment);
  }

  @Test
  void flowOutTreatmentIsPerReason() {
    // timeout as abandon (12 s), key press excluded (5 s), overflow offered (25 s); one answered after 8 s.
    TallySnapshot s = Calls.builder().answered(8).leftUnanswered(FlowOutReason.TIMEOUT, 12)
        .leftUnanswered(FlowOutReason.KEY_PRESS, 5).leftUnanswered(FlowOutReason.OVERFLOW, 25).snapshot();
    ServiceLevelDefinition d = ServiceLevelDefinition.builder()
        .flowOut(FlowOutReason.TIMEOUT, FlowOutTreatment.ABANDONED)
        .flowOut(FlowOutReason.KEY_PRESS, FlowOutTreatment.EXCLUDED)
        .build();
    // O = A 1 + B 1 + F 1 = 3; A_T = 1, B_T = 1, F_T = 0; excluded 1.
    assertThat(ServiceLevelCounts.of(s, d)).isEqualTo(new ServiceLevelCounts(3, 1, 1, 1, 1, 0, 1, 0, 1));
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(1, 3));
  }

  @Test
  void inconsistentCountsAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelCounts(10, 5, 6, 5, 0, 0, 0, 0, 0))
        .withMessage("counts O=10 A=5 A_T=6 B=5 B_T=0 B_S=0 F=0 F_T=0 excluded=0 are inconsistent (expected counts"
            + " of zero or more, O = A + B + F, A_T <= A, B_S <= B, B_T <= B, F_T <= F)");
    assertThatIllegalArgumentException().isThrownBy(() -> new ServiceLevelCounts(11, 5, 4, 5, 0, 0, 0, 0, 0));
  }
}
