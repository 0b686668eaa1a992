package io.github.callmetrics.definition;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.internal.EnumNames;
import java.time.Duration;

/**
 * The service-level definitions of the major platforms, by name, so a user can say "compute it the way my
 * platform does". Each preset is a {@link ServiceLevelDefinition} with a 20-second threshold unless another
 * is given ({@link #withThreshold(Duration)}); change any other choice with
 * {@code preset.definition().toBuilder()}.
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/presets.md">docs/presets.md</a> gives each preset's source.
 *
 * <pre>{@code
 * ServiceLevelDefinition sl2 = Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(30));
 * ServiceLevelDefinition same = Preset.parse("asterisk-sl2").withThreshold(Duration.ofSeconds(30));
 * }</pre>
 */
public enum Preset {
  /**
   * Callmetrics' default, the seeds' formula: answered within {@code T} over all calls offered
   * ({@code A_T / O}), inclusive, flow-outs in the denominator, no short abandons.
   */
  DEFAULT("default", "Default", ServiceLevelDefinition.builder()),

  /**
   * Asterisk {@code app_queue} {@code SL}: {@code A_T / A} (completed calls answered within
   * {@code servicelevel} over completed calls), inclusive, waits in whole seconds. Timeouts, empty-queue exits and withdrawn callers count as
   * abandons, key-press exits and transfers not at all, as in {@code queue show}.
   */
  ASTERISK_SL("asterisk-sl", "Asterisk SL", asterisk().formula(ServiceLevelFormula.ANSWERED_ONLY)),

  /**
   * Asterisk {@code app_queue} {@code SL2}: {@code (A_T + B_T) / O}, where abandons include timeouts,
   * empty-queue exits and withdrawn callers (Asterisk's {@code A} counter), inclusive, waits in whole seconds; key-press exits and transfers not counted.
   */
  ASTERISK_SL2("asterisk-sl2", "Asterisk SL2",
      asterisk().formula(ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR)),

  /**
   * Cisco Unified CCE service level type "ignore abandoned calls": {@code A_T / (O − B_T)}, inclusive.
   * Short calls (abandoned within the call type's abandon wait time, set with
   * {@code toBuilder().shortAbandonThreshold(...)}) are removed from every count first.
   */
  CISCO_UCCE_ABANDONS_IGNORED("cisco-ucce-abandons-ignored", "Cisco UCCE, abandons ignored",
      ucce().formula(ServiceLevelFormula.ABANDONS_WITHIN_T_IGNORED)),

  /**
   * Cisco Unified CCE service level type "abandoned calls have negative impact": {@code A_T / O};
   * short calls removed first.
   */
  CISCO_UCCE_ABANDONS_NEGATIVE("cisco-ucce-abandons-negative", "Cisco UCCE, abandons negative",
      ucce().formula(ServiceLevelFormula.ABANDONS_COUNT_AGAINST)),

  /**
   * Cisco Unified CCE service level type "abandoned calls have positive impact":
   * {@code (A_T + B_T) / O}; short calls removed first.
   */
  CISCO_UCCE_ABANDONS_POSITIVE("cisco-ucce-abandons-positive", "Cisco UCCE, abandons positive",
      ucce().formula(ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR)),

  /** Cisco Unified CCX "only handled" service level: {@code A_T / A}, inclusive. */
  CISCO_UCCX_ONLY_HANDLED("cisco-uccx-only-handled", "Cisco UCCX, only handled",
      ServiceLevelDefinition.builder().formula(ServiceLevelFormula.ANSWERED_ONLY)),

  /** Cisco Unified CCX "without abandoned calls" service level: {@code A_T / (O − B_T)}, inclusive. */
  CISCO_UCCX_WITHOUT_ABANDONED("cisco-uccx-without-abandoned", "Cisco UCCX, without abandoned",
      ServiceLevelDefinition.builder().formula(ServiceLevelFormula.ABANDONS_WITHIN_T_IGNORED)),

  /**
   * Genesys Cloud with its default switches (flow-outs not included, short abandons and abandons
   * included): {@code (answered − answered over target) / (answered + abandoned)}, inclusive; flow-outs
   * left out. Other switch settings: {@link #genesysCloud(Duration, boolean, boolean, boolean, Duration)}.
   */
  GENESYS_CLOUD("genesys-cloud", "Genesys Cloud",
      ServiceLevelDefinition.builder().formula(ServiceLevelFormula.ABANDONS_COUNT_AGAINST)
          .flowOuts(FlowOutTreatment.EXCLUDED)),

  /**
   * Amazon Connect "service level X": contacts removed from the queue within X (answered, abandoned,
   * or callback requested and other flow-outs) over contacts queued, with the API's strict {@code <}.
   */
  AMAZON_CONNECT("amazon-connect", "Amazon Connect",
      ServiceLevelDefinition.builder().formula(ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR)
          .boundary(ThresholdBoundary.STRICT)
          .flowOuts(FlowOutTreatment.OFFERED)
          .creditFlowOutsWithinThreshold(true)),

  /**
   * Avaya BCMS "% in service level": calls answered within the service level over all calls offered to
   * the split (answered, abandoned and flowed out), inclusive.
   */
  AVAYA_BCMS("avaya-bcms", "Avaya BCMS",
      ServiceLevelDefinition.builder().formula(ServiceLevelFormula.ABANDONS_COUNT_AGAINST)
          .flowOuts(FlowOutTreatment.OFFERED));

  private final String id;
  private final String displayName;
  @SuppressWarnings("ImmutableEnumChecker") // ServiceLevelDefinition is immutable (final fields, immutable values)
  private final ServiceLevelDefinition definition;

  // Each constant hands over a configured builder rather than a lambda that configures one: this code runs once,
  // while the enum initialises, where PIT would mutate a lambda no test can see (docs/development/mutation-testing.md).
  Preset(String id, String displayName, ServiceLevelDefinition.Builder definition) {
    this.id = id;
    this.displayName = displayName;
    this.definition = definition.name(displayName).build();
  }

  /** Asterisk's counting: {@code app_queue} measures waits in whole seconds ({@code time(NULL)} differences). */
  private static ServiceLevelDefinition.Builder asterisk() {
    return ServiceLevelDefinition.builder().waitResolution(WaitResolution.WHOLE_SECONDS).flowOut(FlowOutReason.TIMEOUT, FlowOutTreatment.ABANDONED)
        .flowOut(FlowOutReason.QUEUE_EMPTY, FlowOutTreatment.ABANDONED)
        .flowOut(FlowOutReason.KEY_PRESS, FlowOutTreatment.EXCLUDED)
        .flowOut(FlowOutReason.OVERFLOW, FlowOutTreatment.EXCLUDED)
        .flowOut(FlowOutReason.WITHDRAWN, FlowOutTreatment.ABANDONED);
  }

  private static ServiceLevelDefinition.Builder ucce() {
    return ServiceLevelDefinition.builder().removeShortAbandonsFromAllCounts(true);
  }

  /** {@return the preset's identifier as used on the command line, for example {@code "asterisk-sl2"}} */
  public String id() {
    return id;
  }

  /** {@return the preset's name as shown in reports, for example {@code "Asterisk SL2"}} */
  public String displayName() {
    return displayName;
  }

  /** {@return the preset's definition with the default 20-second threshold} */
  public ServiceLevelDefinition definition() {
    return definition;
  }

  /**
   * Returns the preset's definition with a given threshold.
   *
   * @param threshold  {@code T}, a whole number of seconds, zero or more
   * @return the definition
   * @throws IllegalArgumentException if the threshold is negative or not whole seconds
   */
  public ServiceLevelDefinition withThreshold(Duration threshold) {
    return definition.withThreshold(threshold);
  }

  /**
   * Obtains a Genesys Cloud definition with its three switches as set under Admin &gt; Analytics &gt;
   * Service Level Calculations Options. The formula is {@code A_T / (A + B [+ F] [− B_S] [− B])}.
   *
   * @param target  the service-level target time {@code T}, whole seconds
   * @param includeFlowOuts  "Include Flowouts in Calculation"
   * @param includeShortAbandons  "Include Short Abandons in Calculation"
   * @param includeAbandons  "Include Abandons in Calculation"; when false every abandon leaves the
   *     denominator ({@link ServiceLevelFormula#ABANDONS_IGNORED})
   * @param shortAbandonThreshold  the short-abandon interval, whole seconds below {@code T}; only used when
   *     short abandons are not included
   * @return the definition
   * @throws IllegalArgumentException if a duration is negative, not whole seconds, or {@code S ≥ T}
   */
  public static ServiceLevelDefinition genesysCloud(
      Duration target,
      boolean includeFlowOuts,
      boolean includeShortAbandons,
      boolean includeAbandons,
      Duration shortAbandonThreshold) {
    requireNonNull(target, "target");
    requireNonNull(shortAbandonThreshold, "shortAbandonThreshold");
    ServiceLevelDefinition.Builder b = GENESYS_CLOUD.definition.toBuilder()
        .threshold(target)
        .flowOuts(includeFlowOuts ? FlowOutTreatment.OFFERED : FlowOutTreatment.EXCLUDED);
    if (!includeAbandons) {
      b.formula(ServiceLevelFormula.ABANDONS_IGNORED);
    } else if (!includeShortAbandons) {
      b.formula(ServiceLevelFormula.SHORT_ABANDONS_IGNORED).shortAbandonThreshold(shortAbandonThreshold);
    }
    return b.build();
  }

  /**
   * Obtains a preset from its {@linkplain #id() identifier} or constant name, ignoring case.
   *
   * @param name  for example {@code "asterisk-sl2"} or {@code "ASTERISK_SL2"}, not null
   * @return the preset
   * @throws IllegalArgumentException if no preset has that name; the message lists the valid identifiers
   */
  public static Preset parse(String name) {
    return EnumNames.parse(Preset.class, requireNonNull(name, "name"), "preset", Preset::id);
  }
}
