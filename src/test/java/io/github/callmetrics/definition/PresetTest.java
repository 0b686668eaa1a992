package io.github.callmetrics.definition;

import static io.github.callmetrics.call.FlowOutReason.KEY_PRESS;
import static io.github.callmetrics.call.FlowOutReason.OVERFLOW;
import static io.github.callmetrics.call.FlowOutReason.QUEUE_EMPTY;
import static io.github.callmetrics.call.FlowOutReason.TIMEOUT;
import static io.github.callmetrics.definition.FlowOutTreatment.ABANDONED;
import static io.github.callmetrics.definition.FlowOutTreatment.EXCLUDED;
import static io.github.callmetrics.definition.FlowOutTreatment.OFFERED;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_COUNT_AGAINST;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_IGNORED;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR;
import static io.github.callmetrics.definition.ServiceLevelFormula.ABANDONS_WITHIN_T_IGNORED;
import static io.github.callmetrics.definition.ServiceLevelFormula.ANSWERED_ONLY;
import static io.github.callmetrics.definition.ServiceLevelFormula.SHORT_ABANDONS_IGNORED;
import static io.github.callmetrics.definition.ThresholdBoundary.INCLUSIVE;
import static io.github.callmetrics.definition.ThresholdBoundary.STRICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.testing.Calls;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PresetTest {
  private static final Duration T20 = Duration.ofSeconds(20);

  /**
   * Calls that tell every preset apart, T = 20 s:
   * answered after 5, 10, 20, 25 s (A = 4; A_T = 3 inclusive, 2 strict);
   * abandoned after 3, 15, 40 s (B = 3, B_T = 2 both ways, B_S(5 s) = 1);
   * left unanswered: timeout after 30 s, queue empty after 0 s, key press after 12 s, overflow after 20 s.
   */
  static TallySnapshot mixed() {
    return Calls.builder()
        .answered(5, 10, 20, 25)
        .abandoned(3, 15, 40)
        .leftUnanswered(TIMEOUT, 30)
        .leftUnanswered(QUEUE_EMPTY, 0)
        .leftUnanswered(KEY_PRESS, 12)
        .leftUnanswered(OVERFLOW, 20)
        .snapshot();
  }

  static Stream<Arguments> presets() {
    return Stream.of(
        // preset, formula, boundary, timeout, queue-empty, key-press, overflow, credits F_T, removes B_S,
        // then the service level of mixed() with its hand-worked counts:
        // O = 4 + 3 + 4 = 11 (all four flow-outs offered), A_T = 3, B_T = 2 -> A_T / O = 3/11.
        Arguments.of(Preset.DEFAULT, ABANDONS_COUNT_AGAINST, INCLUSIVE, OFFERED, OFFERED, OFFERED, OFFERED,
            false, false, Ratio.of(3, 11)),
        // A_T / A = 3/4; flow-outs never enter.
        Arguments.of(Preset.ASTERISK_SL, ANSWERED_ONLY, INCLUSIVE, ABANDONED, ABANDONED, EXCLUDED, EXCLUDED,
            false, false, Ratio.of(3, 4)),
        // B = 3 abandons + timeout (30 s) + queue empty (0 s) = 5, B_T = 3 (3, 15, 0 s), O = 4 + 5 = 9;
        // key press and overflow excluded. (A_T + B_T) / O = (3 + 3)/9 = 6/9.
        Arguments.of(Preset.ASTERISK_SL2, ABANDONS_WITHIN_T_COUNT_FOR, INCLUSIVE, ABANDONED, ABANDONED, EXCLUDED,
            EXCLUDED, false, false, Ratio.of(6, 9)),
        // A_T / (O - B_T) = 3/(11 - 2) = 3/9.
        Arguments.of(Preset.CISCO_UCCE_ABANDONS_IGNORED, ABANDONS_WITHIN_T_IGNORED, INCLUSIVE, OFFERED, OFFERED,
            OFFERED, OFFERED, false, true, Ratio.of(3, 9)),
        // A_T / O = 3/11.
        Arguments.of(Preset.CISCO_UCCE_ABANDONS_NEGATIVE, ABANDONS_COUNT_AGAINST, INCLUSIVE, OFFERED, OFFERED,
            OFFERED, OFFERED, false, true, Ratio.of(3, 11)),
        // (A_T + B_T) / O = (3 + 2)/11 = 5/11.
        Arguments.of(Preset.CISCO_UCCE_ABANDONS_POSITIVE, ABANDONS_WITHIN_T_COUNT_FOR, INCLUSIVE, OFFERED,
            OFFERED, OFFERED, OFFERED, false, true, Ratio.of(5, 11)),
        // A_T / A = 3/4.
        Arguments.of(Preset.CISCO_UCCX_ONLY_HANDLED, ANSWERED_ONLY, INCLUSIVE, OFFERED, OFFERED, OFFERED,
            OFFERED, false, false, Ratio.of(3, 4)),
        // A_T / (O - B_T) = 3/9.
        Arguments.of(Preset.CISCO_UCCX_WITHOUT_ABANDONED, ABANDONS_WITHIN_T_IGNORED, INCLUSIVE, OFFERED, OFFERED,
            OFFERED, OFFERED, false, false, Ratio.of(3, 9)),
        // flow-outs excluded: O = 4 + 3 = 7; A_T / O = 3/7.
        Arguments.of(Preset.GENESYS_CLOUD, ABANDONS_COUNT_AGAINST, INCLUSIVE, EXCLUDED, EXCLUDED, EXCLUDED,
            EXCLUDED, false, false, Ratio.of(3, 7)),
        // strict: A_T = 2 (5, 10 s; 20 s is not < 20), B_T = 2 (3, 15 s), F_T = 2 (queue empty 0 s, key press
        // 12 s; overflow at 20 s and timeout at 30 s are not < 20). (A_T + F_T + B_T) / O = (2 + 2 + 2)/11.
        Arguments.of(Preset.AMAZON_CONNECT, ABANDONS_WITHIN_T_COUNT_FOR, STRICT, OFFERED, OFFERED, OFFERED,
            OFFERED, true, false, Ratio.of(6, 11)),
        // A_T / O = 3/11.
        Arguments.of(Preset.AVAYA_BCMS, ABANDONS_COUNT_AGAINST, INCLUSIVE, OFFERED, OFFERED, OFFERED, OFFERED,
            false, false, Ratio.of(3, 11)));
  }

  @Test
  void everyPresetIsInTheTable() {
    assertThat(presets().map(a -> (Preset) a.get()[0])).containsExactlyInAnyOrder(Preset.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void presetHasItsPlatformsRules(
      Preset preset, ServiceLevelFormula formula, ThresholdBoundary boundary,
      FlowOutTreatment timeout, FlowOutTreatment queueEmpty, FlowOutTreatment keyPress, FlowOutTreatment overflow,
      boolean credits, boolean removesShortAbandons, Ratio onMixedCalls) {
    ServiceLevelDefinition d = preset.definition();
    assertThat(d.name()).isEqualTo(preset.displayName());
    assertThat(d.threshold()).isEqualTo(T20);
    assertThat(d.formula()).isEqualTo(formula);
    assertThat(d.boundary()).isEqualTo(boundary);
    assertThat(List.of(d.flowOutTreatment(TIMEOUT), d.flowOutTreatment(QUEUE_EMPTY), d.flowOutTreatment(KEY_PRESS),
        d.flowOutTreatment(OVERFLOW))).containsExactly(timeout, queueEmpty, keyPress, overflow);
    assertThat(d.creditsFlowOutsWithinThreshold()).isEqualTo(credits);
    assertThat(d.removesShortAbandonsFromAllCounts()).isEqualTo(removesShortAbandons);
    assertThat(d.shortAbandonThreshold()).isEmpty();
    assertThat(d.target()).isEqualByComparingTo("0.80");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void presetComputesItsServiceLevelOnTheSameCalls(
      Preset preset, ServiceLevelFormula formula, ThresholdBoundary boundary,
      FlowOutTreatment timeout, FlowOutTreatment queueEmpty, FlowOutTreatment keyPress, FlowOutTreatment overflow,
      boolean credits, boolean removesShortAbandons, Ratio onMixedCalls) {
    assertThat(Metrics.serviceLevel(mixed(), preset.withThreshold(T20))).isEqualTo(onMixedCalls);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // the summary table of docs/presets.md
      "DEFAULT, 27.3%", "ASTERISK_SL, 75.0%", "ASTERISK_SL2, 66.7%", "CISCO_UCCE_ABANDONS_IGNORED, 33.3%",
      "CISCO_UCCE_ABANDONS_NEGATIVE, 27.3%", "CISCO_UCCE_ABANDONS_POSITIVE, 45.5%",
      "CISCO_UCCX_ONLY_HANDLED, 75.0%", "CISCO_UCCX_WITHOUT_ABANDONED, 33.3%", "GENESYS_CLOUD, 42.9%",
      "AMAZON_CONNECT, 54.5%", "AVAYA_BCMS, 27.3%"})
  void presetPercentagesOnTheSameCalls(Preset preset, String percent) {
    assertThat(Metrics.serviceLevel(mixed(), preset.definition()).formatPercent(1)).isEqualTo(percent);
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void presetParsesFromItsIdAndItsConstantName(Preset preset) {
    assertThat(Preset.parse(preset.id())).isSameAs(preset);
    assertThat(Preset.parse(" " + preset.name().toLowerCase(java.util.Locale.ROOT) + " ")).isSameAs(preset);
    assertThat(preset.withThreshold(Duration.ofSeconds(30)).threshold()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unknownPresetListsTheValidOnes() {
    assertThatIllegalArgumentException().isThrownBy(() -> Preset.parse("five9"))
        .withMessage("unknown preset \"five9\" (expected one of default, asterisk-sl, asterisk-sl2,"
            + " cisco-ucce-abandons-ignored, cisco-ucce-abandons-negative, cisco-ucce-abandons-positive,"
            + " cisco-uccx-only-handled, cisco-uccx-without-abandoned, genesys-cloud, amazon-connect, avaya-bcms)");
  }

  static Stream<Arguments> genesysSwitches() {
    // mixed(), T = 20 s, S = 5 s: A = 4, A_T = 3, B = 3, B_S = 1 (the 3 s abandon), F = 4.
    return Stream.of(
        // flow-outs, short abandons, abandons -> formula, treatment, hand-worked ratio
        Arguments.of(false, true, true, ABANDONS_COUNT_AGAINST, EXCLUDED, Ratio.of(3, 7)),    // 3/(4+3)
        Arguments.of(true, true, true, ABANDONS_COUNT_AGAINST, OFFERED, Ratio.of(3, 11)),     // 3/(4+3+4)
        Arguments.of(false, false, true, SHORT_ABANDONS_IGNORED, EXCLUDED, Ratio.of(3, 6)),   // 3/(4+3-1)
        Arguments.of(true, false, true, SHORT_ABANDONS_IGNORED, OFFERED, Ratio.of(3, 10)),    // 3/(4+3+4-1)
        Arguments.of(false, true, false, ABANDONS_IGNORED, EXCLUDED, Ratio.of(3, 4)),         // 3/(4+3-3)
        Arguments.of(false, false, false, ABANDONS_IGNORED, EXCLUDED, Ratio.of(3, 4)),        // short ⊂ abandons
        Arguments.of(true, true, false, ABANDONS_IGNORED, OFFERED, Ratio.of(3, 8)));          // 3/(4+3+4-3)
  }

  @ParameterizedTest(name = "flow-outs {0}, short abandons {1}, abandons {2}")
  @MethodSource
  void genesysSwitches(boolean flowOuts, boolean shortAbandons, boolean abandons,
      ServiceLevelFormula formula, FlowOutTreatment treatment, Ratio expected) {
    ServiceLevelDefinition d = Preset.genesysCloud(T20, flowOuts, shortAbandons, abandons, Duration.ofSeconds(5));
    assertThat(d.formula()).isEqualTo(formula);
    for (FlowOutReason reason : FlowOutReason.values()) {
      assertThat(d.flowOutTreatment(reason)).isEqualTo(treatment);
    }
    assertThat(d.boundary()).isEqualTo(INCLUSIVE);
    assertThat(d.creditsFlowOutsWithinThreshold()).isFalse();
    assertThat(d.shortAbandonThreshold().isPresent()).isEqualTo(abandons && !shortAbandons);
    assertThat(Metrics.serviceLevel(mixed(), d)).isEqualTo(expected);
  }

  @Test
  void genesysDefaultSwitchesAreThePreset() {
    assertThat(Preset.genesysCloud(T20, false, true, true, Duration.ofSeconds(5)))
        .isEqualTo(Preset.GENESYS_CLOUD.definition());
  }

  @Test
  void genesysShortAbandonIntervalMustBeBelowTheTarget() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Preset.genesysCloud(T20, false, false, true, Duration.ofSeconds(20)))
        .withMessage("short-abandon threshold 20 s is not below the threshold 20 s (expected S < T)");
  }

  @ParameterizedTest(name = "answered after {0} s: {1}")
  @CsvSource({"19, 1", "20, 0", "21, 0"})
  void amazonConnectIsStrict(long wait, long within) {
    // "service level 20": only a contact removed from the queue in less than 20 s counts.
    TallySnapshot s = Calls.builder().answered(wait).snapshot();
    assertThat(Metrics.serviceLevel(s, Preset.AMAZON_CONNECT.withThreshold(T20))).isEqualTo(Ratio.of(within, 1));
  }

  @Test
  void amazonConnectCreditsCallbacksAndAbandonsRemovedWithinX() {
    // 1 answered after 30 s (not within), 1 abandoned after 10 s, 1 callback requested (key press) after 8 s,
    // 1 overflow after 45 s. Removed from the queue within 20 s: the abandon and the callback = 2 of 4.
    TallySnapshot s = Calls.builder().answered(30).abandoned(10).leftUnanswered(KEY_PRESS, 8)
        .leftUnanswered(OVERFLOW, 45).snapshot();
    ServiceLevelDefinition amazon = Preset.AMAZON_CONNECT.withThreshold(T20);
    ServiceLevelCounts c = ServiceLevelCounts.of(s, amazon);
    assertThat(c).isEqualTo(new ServiceLevelCounts(4, 1, 0, 1, 1, 0, 2, 1, 0));
    assertThat(Metrics.serviceLevel(s, amazon)).isEqualTo(Ratio.of(2, 4));
    // Without the credit the callback is offered but not met: (0 + 1)/4.
    ServiceLevelDefinition noCredit = amazon.toBuilder().creditFlowOutsWithinThreshold(false).build();
    assertThat(Metrics.serviceLevel(s, noCredit)).isEqualTo(Ratio.of(1, 4));
    // Abandonment rate: abandoned / queued = 1/4; the callback is not an abandon.
    assertThat(Metrics.abandonmentRate(s, amazon)).isEqualTo(Ratio.of(1, 4));
  }

  static TallySnapshot ciscoUcceExample() {
    // 100 calls: 70 answered within T = 20 s, 10 abandoned within T (4 of them within 5 s), 20 answered over T.
    return Calls.builder()
        .answeredTimes(70, 12)
        .abandonedTimes(4, 3)
        .abandonedTimes(6, 15)
        .answeredTimes(20, 45)
        .snapshot();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // ignore abandons: 70/(100 - 10) = 77.78% -> 77.8%; negative: 70/100; positive: (70 + 10)/100.
      "CISCO_UCCE_ABANDONS_IGNORED, 70, 90, 77.8%",
      "CISCO_UCCE_ABANDONS_NEGATIVE, 70, 100, 70.0%",
      "CISCO_UCCE_ABANDONS_POSITIVE, 80, 100, 80.0%"})
  void ciscoUcceServiceLevelTypes(Preset preset, long numerator, long denominator, String percent) {
    Ratio sl = Metrics.serviceLevel(ciscoUcceExample(), preset.withThreshold(T20));
    assertThat(sl).isEqualTo(Ratio.of(numerator, denominator));
    assertThat(sl.formatPercent(1)).isEqualTo(percent);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // The 4 abandons within S = 5 s leave every count: O = 96, B = 6, B_T = 6.
      // ignore: 70/(96 - 6) = 70/90 (unchanged, short abandons are within T anyway) = 77.8%;
      // negative: 70/96 = 72.92% -> 72.9%; positive: (70 + 6)/96 = 79.17% -> 79.2%.
      "CISCO_UCCE_ABANDONS_IGNORED, 70, 90, 77.8%",
      "CISCO_UCCE_ABANDONS_NEGATIVE, 70, 96, 72.9%",
      "CISCO_UCCE_ABANDONS_POSITIVE, 76, 96, 79.2%"})
  void ciscoUcceRemovesShortCallsFromEveryCount(Preset preset, long numerator, long denominator, String percent) {
    ServiceLevelDefinition d = preset.definition().toBuilder().shortAbandonThreshold(Duration.ofSeconds(5)).build();
    ServiceLevelCounts c = ServiceLevelCounts.of(ciscoUcceExample(), d);
    assertThat(c).isEqualTo(new ServiceLevelCounts(96, 90, 70, 6, 6, 0, 0, 0, 4));
    Ratio sl = Metrics.serviceLevel(ciscoUcceExample(), d);
    assertThat(sl).isEqualTo(Ratio.of(numerator, denominator));
    assertThat(sl.formatPercent(1)).isEqualTo(percent);
    // Abandonment rate after removal: 6/96 = 6.25%; the short calls are neither offered nor abandoned.
    assertThat(Metrics.abandonmentRate(ciscoUcceExample(), d)).isEqualTo(Ratio.of(6, 96));
  }

  @Test
  void asteriskCountsATimeoutAsAnAbandonButNotAKeyPress() {
    // T = 20: answered 10 s, timeout 15 s, key press 5 s. SL2 = (1 + 1)/(1 + 1) = 2/2; key press left out.
    TallySnapshot s = Calls.builder().answered(10).leftUnanswered(TIMEOUT, 15).leftUnanswered(KEY_PRESS, 5).snapshot();
    ServiceLevelCounts c = ServiceLevelCounts.of(s, Preset.ASTERISK_SL2.withThreshold(T20));
    assertThat(c).isEqualTo(new ServiceLevelCounts(2, 1, 1, 1, 1, 0, 0, 0, 1));
  }
}
