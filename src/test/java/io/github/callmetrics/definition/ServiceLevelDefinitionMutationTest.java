package io.github.callmetrics.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.call.FlowOutReason;
import java.math.BigDecimal;
import java.time.Duration;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/**
 * Edges of the definition's contract that mutation testing (docs/development/mutation-testing.md) found untested: equality
 * field by field, the builder's chaining and the words of {@code toString}.
 */
class ServiceLevelDefinitionMutationTest {

  @Test
  void equalsAndHashCodeUseEveryChoice() {
    EqualsVerifier.forClass(ServiceLevelDefinition.class)
        .withNonnullFields("name", "threshold", "boundary", "formula", "flowOutTreatments", "target")
        .withPrefabValues(ServiceLevelDefinition.class, ServiceLevelDefinition.standard(),
            Preset.ASTERISK_SL2.definition())
        .verify();
  }

  @Test
  void everyBuilderSetterReturnsTheSameBuilder() {
    ServiceLevelDefinition.Builder b = ServiceLevelDefinition.builder();
    assertThat(b.name("support 80/30")).isSameAs(b);
    assertThat(b.threshold(Duration.ofSeconds(30))).isSameAs(b);
    assertThat(b.boundary(ThresholdBoundary.STRICT)).isSameAs(b);
    assertThat(b.formula(ServiceLevelFormula.SHORT_ABANDONS_IGNORED)).isSameAs(b);
    assertThat(b.shortAbandonThreshold(Duration.ofSeconds(5))).isSameAs(b);
    assertThat(b.removeShortAbandonsFromAllCounts(true)).isSameAs(b);
    assertThat(b.flowOut(FlowOutReason.OVERFLOW, FlowOutTreatment.EXCLUDED)).isSameAs(b);
    assertThat(b.flowOuts(FlowOutTreatment.ABANDONED)).isSameAs(b);
    assertThat(b.creditFlowOutsWithinThreshold(true)).isSameAs(b);
    assertThat(b.target(new BigDecimal("0.90"))).isSameAs(b);
    assertThat(b.noShortAbandons()).isSameAs(b);
  }

  @Test
  void aNameThatIsNotBlankIsKept() {
    assertThat(ServiceLevelDefinition.builder().name("support 80/30").build().name()).isEqualTo("support 80/30");
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceLevelDefinition.builder().name(""))
        .withMessage("definition name \"\" is blank (expected a non-blank name)");
  }

  @Test
  void toStringOfShortAbandonsKeptInTheCountsSaysNothingOfRemoval() {
    ServiceLevelDefinition d = ServiceLevelDefinition.builder().name("support")
        .threshold(Duration.ofSeconds(30)).formula(ServiceLevelFormula.SHORT_ABANDONS_IGNORED)
        .shortAbandonThreshold(Duration.ofSeconds(5)).build();
    assertThat(d).hasToString("support: A_T / (O - B_S), wait <= 30 s, short abandons <= 5 s, flow-outs"
        + " timeout=OFFERED queue-empty=OFFERED key-press=OFFERED overflow=OFFERED withdrawn=OFFERED, target 0.80");
  }

  @Test
  void boundaryParsesFromItsName() {
    assertThat(ThresholdBoundary.parse("Strict")).isEqualTo(ThresholdBoundary.STRICT);
    assertThat(ThresholdBoundary.parse(" inclusive ")).isEqualTo(ThresholdBoundary.INCLUSIVE);
    assertThatIllegalArgumentException().isThrownBy(() -> ThresholdBoundary.parse("lenient"))
        .withMessage("unknown boundary \"lenient\" (expected one of inclusive, strict)");
  }

  @Test
  void largestWaitWithinIsTheThresholdOrOneSecondLess() {
    assertThat(ThresholdBoundary.INCLUSIVE.largestWaitWithin(20)).isEqualTo(20);
    assertThat(ThresholdBoundary.STRICT.largestWaitWithin(20)).isEqualTo(19);
    assertThat(ThresholdBoundary.STRICT.largestWaitWithin(0)).isEqualTo(-1);
  }
}
