package io.github.callmetrics.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.call.FlowOutReason;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceLevelDefinitionTest {

  @Test
  void standardIsTheSeedsFormulaAt80In20() {
    ServiceLevelDefinition d = ServiceLevelDefinition.standard();
    assertThat(d.name()).isEqualTo("Default");
    assertThat(d.threshold()).isEqualTo(Duration.ofSeconds(20));
    assertThat(d.boundary()).isEqualTo(ThresholdBoundary.INCLUSIVE);
    assertThat(d.formula()).isEqualTo(ServiceLevelFormula.ABANDONS_COUNT_AGAINST);
    assertThat(d.shortAbandonThreshold()).isEmpty();
    for (FlowOutReason reason : FlowOutReason.values()) {
      assertThat(d.flowOutTreatment(reason)).isEqualTo(FlowOutTreatment.OFFERED);
    }
    assertThat(d.creditsFlowOutsWithinThreshold()).isFalse();
    assertThat(d.removesShortAbandonsFromAllCounts()).isFalse();
    assertThat(d.target()).isEqualByComparingTo("0.80");
    assertThat(d).isEqualTo(Preset.DEFAULT.definition());
  }

  @Test
  void toStringStatesEveryChoice() {
    assertThat(Preset.ASTERISK_SL2.definition()).hasToString("Asterisk SL2: (A_T + B_T) / O, wait <= 20 s in whole seconds,"
        + " flow-outs timeout=ABANDONED queue-empty=ABANDONED key-press=EXCLUDED overflow=EXCLUDED withdrawn=ABANDONED, target 0.80");
    ServiceLevelDefinition ucce = Preset.CISCO_UCCE_ABANDONS_IGNORED.definition().toBuilder()
        .shortAbandonThreshold(Duration.ofSeconds(5)).build();
    assertThat(ucce.toString()).contains("short abandons <= 5 s removed from all counts");
    assertThat(Preset.AMAZON_CONNECT.definition().toString()).contains("wait < 20 s", "(credited within T)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT20.5S", "PT0.001S", "PT-1S"})
  void thresholdMustBeWholeSecondsZeroOrMore(String threshold) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceLevelDefinition.builder().threshold(Duration.parse(threshold)))
        .withMessage("threshold " + threshold + " is not a whole number of seconds, zero or more"
            + " (thresholds are whole seconds)");
  }

  @Test
  void shortAbandonThresholdMustBeWholeSeconds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceLevelDefinition.builder().shortAbandonThreshold(Duration.ofMillis(5500)))
        .withMessage("short-abandon threshold PT5.5S is not a whole number of seconds, zero or more"
            + " (thresholds are whole seconds)");
  }

  @ParameterizedTest(name = "S={0} T={1}")
  @CsvSource({"20, 20", "21, 20", "1, 0"})
  void shortAbandonThresholdMustBeBelowThreshold(long s, long t) {
    ServiceLevelDefinition.Builder b = ServiceLevelDefinition.builder()
        .threshold(Duration.ofSeconds(t)).shortAbandonThreshold(Duration.ofSeconds(s));
    assertThatIllegalArgumentException().isThrownBy(b::build)
        .withMessage("short-abandon threshold " + s + " s is not below the threshold " + t + " s (expected S < T)");
  }

  @Test
  void lowerThresholdUnderAnExistingShortAbandonThresholdIsRejectedAtBuild() {
    ServiceLevelDefinition d = ServiceLevelDefinition.builder().shortAbandonThreshold(Duration.ofSeconds(5)).build();
    assertThatIllegalArgumentException().isThrownBy(() -> d.withThreshold(Duration.ofSeconds(5)))
        .withMessage("short-abandon threshold 5 s is not below the threshold 5 s (expected S < T)");
    assertThat(d.withThreshold(Duration.ofSeconds(6)).shortAbandonThreshold()).contains(Duration.ofSeconds(5));
  }

  @Test
  void zeroShortAbandonThresholdMeansNone() {
    ServiceLevelDefinition d = ServiceLevelDefinition.builder().shortAbandonThreshold(Duration.ZERO).build();
    assertThat(d.shortAbandonThreshold()).isEmpty();
    ServiceLevelDefinition withS = ServiceLevelDefinition.builder().shortAbandonThreshold(Duration.ofSeconds(5)).build();
    assertThat(withS.toBuilder().noShortAbandons().build()).isEqualTo(ServiceLevelDefinition.standard());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.01", "1.01", "80"})
  void targetMustBeAFractionFromZeroToOne(String target) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceLevelDefinition.builder().target(new BigDecimal(target)))
        .withMessage("target " + target + " is outside [0, 1] (expected a fraction such as 0.80)");
  }

  /**
   * Found by CommandLineFuzzTest's contract on edge values: report --target 1e999999999 ran out of memory
   * printing the rejected target.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "1e999999999; target 1E+999999999 is outside [0, 1] (expected a fraction such as 0.80)",
      "-1e-999999999; target -1E-999999999 is outside [0, 1] (expected a fraction such as 0.80)",
      "1e-999999999; target 1E-999999999 has more than 18 decimal places (expected a fraction such as 0.80)",
      "0.8000000000000000001; target 0.8000000000000000001 has more than 18 decimal places (expected a fraction such as 0.80)",
      "0E-999999999; target 0E-999999999 has more than 18 decimal places (expected a fraction such as 0.80)"})
  void extremeTargetsAreRejectedWithoutPrintingEveryDigit(String target, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceLevelDefinition.builder().target(new BigDecimal(target)))
        .withMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "0.8", "1.000", "0.999999999999999999", "0.800000000000000000"})
  void targetsAtTheEndsAreAccepted(String target) {
    assertThat(ServiceLevelDefinition.builder().target(new BigDecimal(target)).build().target())
        .isEqualByComparingTo(target);
  }

  @Test
  void blankNameIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceLevelDefinition.builder().name(" "))
        .withMessage("definition name \" \" is blank (expected a non-blank name)");
  }

  @Test
  void equalDefinitionsCompareTargetsByValue() {
    ServiceLevelDefinition a = ServiceLevelDefinition.builder().target(new BigDecimal("0.8")).build();
    ServiceLevelDefinition b = ServiceLevelDefinition.builder().target(new BigDecimal("0.800")).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.toBuilder().boundary(ThresholdBoundary.STRICT).build());
    assertThat(a).isNotEqualTo(a.toBuilder().flowOut(FlowOutReason.OVERFLOW, FlowOutTreatment.EXCLUDED).build());
  }

  @Test
  void toBuilderDoesNotShareState() {
    ServiceLevelDefinition original = Preset.ASTERISK_SL.definition();
    ServiceLevelDefinition changed = original.toBuilder().flowOuts(FlowOutTreatment.OFFERED).build();
    assertThat(original.flowOutTreatment(FlowOutReason.TIMEOUT)).isEqualTo(FlowOutTreatment.ABANDONED);
    assertThat(changed.flowOutTreatment(FlowOutReason.TIMEOUT)).isEqualTo(FlowOutTreatment.OFFERED);
  }

  @ParameterizedTest(name = "wait {0} s, T {1} s: inclusive {2}, strict {3}")
  @CsvSource({
      "19, 20, true, true",
      "20, 20, true, false",
      "21, 20, false, false",
      "0, 0, true, false"})
  void boundaryDecidesAWaitExactlyOnTheThreshold(long wait, long t, boolean inclusive, boolean strict) {
    assertThat(ThresholdBoundary.INCLUSIVE.isWithin(wait, t)).isEqualTo(inclusive);
    assertThat(ThresholdBoundary.STRICT.isWithin(wait, t)).isEqualTo(strict);
  }

  @Test
  void formulasParseFromTheirNames() {
    assertThat(ServiceLevelFormula.parse("answered-only")).isEqualTo(ServiceLevelFormula.ANSWERED_ONLY);
    assertThat(ServiceLevelFormula.parse("ABANDONS_WITHIN_T_COUNT_FOR"))
        .isEqualTo(ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR);
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceLevelFormula.parse("icmi-1"))
        .withMessage("unknown formula \"icmi-1\" (expected one of answered-only, abandons-count-against,"
            + " abandons-within-t-ignored, abandons-within-t-count-for, short-abandons-ignored,"
            + " short-abandons-count-for, abandons-ignored)");
  }
}
