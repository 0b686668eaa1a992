package io.github.callmetrics.definition;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One complete definition of service level: the threshold {@code T}, its boundary and the resolution at which
 * waits are compared with it, the formula, the short-abandon threshold {@code S}, how each flow-out reason is
 * counted, whether short abandons are removed from every count first, and the target.
 *
 * <p>Obtain one from a {@link Preset} ({@code Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(20))}),
 * from {@link #standard()}, or build your own:
 * <pre>{@code
 * ServiceLevelDefinition mine = ServiceLevelDefinition.builder()
 *     .name("support 80/30")
 *     .threshold(Duration.ofSeconds(30))
 *     .formula(ServiceLevelFormula.SHORT_ABANDONS_IGNORED)
 *     .shortAbandonThreshold(Duration.ofSeconds(5))
 *     .flowOuts(FlowOutTreatment.OFFERED)
 *     .target(new BigDecimal("0.80"))
 *     .build();
 * }</pre>
 *
 * <p>Thresholds are whole seconds. Waits are compared with them at the {@linkplain #waitResolution() wait
 * resolution}: by default as the source measured them (a 20.9 s wait is not within 20 s), or truncated to whole
 * seconds as Asterisk does ({@link WaitResolution}). The short-abandon threshold uses the same boundary and
 * resolution as {@code T}. The definition only says how to count; the counting happens in
 * {@link io.github.callmetrics.metrics}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ServiceLevelDefinition {
  /** The default threshold, 20 seconds: the "80/20" of the industry. */
  public static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(20);
  /** The default target, 0.80. */
  public static final BigDecimal DEFAULT_TARGET = new BigDecimal("0.80");

  /** Decimal places a target may have: more is no target anyone sets, and 1E-999999999 prints a billion digits. */
  private static final int MAX_TARGET_DECIMALS = 18;

  private static final ServiceLevelDefinition STANDARD = builder().build();

  private final String name;
  private final Duration threshold;
  private final ThresholdBoundary boundary;
  private final WaitResolution waitResolution;
  private final ServiceLevelFormula formula;
  private final @Nullable Duration shortAbandonThreshold;
  private final FlowOutTreatment[] flowOutTreatments;
  private final boolean creditsFlowOutsWithinThreshold;
  private final boolean removesShortAbandonsFromAllCounts;
  private final BigDecimal target;

  private ServiceLevelDefinition(Builder b) {
    this.name = b.name;
    this.threshold = b.threshold;
    this.boundary = b.boundary;
    this.waitResolution = b.waitResolution;
    this.formula = b.formula;
    this.shortAbandonThreshold = b.shortAbandonThreshold;
    this.flowOutTreatments = b.flowOutTreatments.clone();
    this.creditsFlowOutsWithinThreshold = b.creditsFlowOutsWithinThreshold;
    this.removesShortAbandonsFromAllCounts = b.removesShortAbandonsFromAllCounts;
    this.target = b.target;
  }

  /**
   * Obtains the default definition, the seeds' formula: calls answered within 20 s (inclusive, waits at the
   * source's resolution) divided by all calls offered, flow-outs in the denominator, no short abandons, target 80%.
   * Equivalent to
   * {@code Preset.DEFAULT.definition()}.
   *
   * @return the default definition
   */
  public static ServiceLevelDefinition standard() {
    return STANDARD;
  }

  /**
   * Obtains a builder that starts from the {@linkplain #standard() default definition}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Obtains a builder that starts from this definition, to change some of its choices.
   *
   * @return a new builder holding this definition's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns a copy of this definition with another threshold; equivalent to {@code toBuilder().threshold(t).build()}.
   *
   * @param threshold  a whole number of seconds, zero or more
   * @return the copy
   */
  public ServiceLevelDefinition withThreshold(Duration threshold) {
    return toBuilder().threshold(threshold).build();
  }

  /** {@return the definition's name, for reports and messages (for example {@code "Asterisk SL2"})} */
  public String name() {
    return name;
  }

  /** {@return the threshold {@code T}, a whole number of seconds, zero or more} */
  public Duration threshold() {
    return threshold;
  }

  /** {@return the threshold {@code T} in whole seconds} */
  public long thresholdSeconds() {
    return threshold.getSeconds();
  }

  /** {@return whether a wait equal to the threshold is within it} */
  public ThresholdBoundary boundary() {
    return boundary;
  }

  /**
   * Returns the resolution at which waits are compared with the thresholds {@code T} and {@code S}.
   *
   * @return {@link WaitResolution#SOURCE} unless set (the Asterisk presets: {@link WaitResolution#WHOLE_SECONDS})
   */
  public WaitResolution waitResolution() {
    return waitResolution;
  }

  /** {@return the formula} */
  public ServiceLevelFormula formula() {
    return formula;
  }

  /**
   * Returns the short-abandon threshold {@code S}: abandons with a wait within {@code S} (same boundary and wait
   * resolution as {@code T}) are short abandons {@code B_S}.
   *
   * @return {@code S}, below {@code T}; empty if the definition has no short abandons
   */
  public Optional<Duration> shortAbandonThreshold() {
    return Optional.ofNullable(shortAbandonThreshold);
  }

  /**
   * Returns how calls that left the queue unanswered for a reason are counted.
   *
   * @param reason  the reason, not null
   * @return the treatment
   */
  public FlowOutTreatment flowOutTreatment(FlowOutReason reason) {
    return flowOutTreatments[reason.ordinal()];
  }

  /**
   * Checks if flow-outs in the denominator that left within the threshold count as met, the way Amazon
   * Connect's "service level X" counts every contact removed from the queue within X (answered,
   * abandoned or callback requested).
   *
   * @return true if flow-outs within {@code T} add to the numerator of every formula with {@code O}
   */
  public boolean creditsFlowOutsWithinThreshold() {
    return creditsFlowOutsWithinThreshold;
  }

  /**
   * Checks if short abandons are removed from every count before the formula applies (Cisco UCCE: a
   * call abandoned within the call type's abandon wait time is neither offered nor abandoned).
   *
   * @return true if short abandons are removed from {@code O}, {@code B} and {@code B_T}
   */
  public boolean removesShortAbandonsFromAllCounts() {
    return removesShortAbandonsFromAllCounts;
  }

  /** {@return the target service level as a fraction in [0, 1], for example 0.80} */
  public BigDecimal target() {
    return target;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ServiceLevelDefinition)) {
      return false;
    }
    ServiceLevelDefinition other = (ServiceLevelDefinition) o;
    return name.equals(other.name)
        && threshold.equals(other.threshold)
        && boundary == other.boundary
        && waitResolution == other.waitResolution
        && formula == other.formula
        && Objects.equals(shortAbandonThreshold, other.shortAbandonThreshold)
        && java.util.Arrays.equals(flowOutTreatments, other.flowOutTreatments)
        && creditsFlowOutsWithinThreshold == other.creditsFlowOutsWithinThreshold
        && removesShortAbandonsFromAllCounts == other.removesShortAbandonsFromAllCounts
        && target.compareTo(other.target) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, threshold, boundary, waitResolution, formula, shortAbandonThreshold,
        java.util.Arrays.hashCode(flowOutTreatments), creditsFlowOutsWithinThreshold,
        removesShortAbandonsFromAllCounts, target.stripTrailingZeros());
  }

  /**
   * Returns the definition in words, for example
   * {@code Asterisk SL2: (A_T + B_T) / O, wait <= 20 s in whole seconds, flow-outs timeout=ABANDONED
   * queue-empty=ABANDONED key-press=EXCLUDED overflow=EXCLUDED, target 0.80}; the waits' resolution is said only
   * when it is not the source's.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append(": ").append(formula.expression())
        .append(", wait ").append(boundary.symbol()).append(' ').append(thresholdSeconds()).append(" s");
    if (waitResolution == WaitResolution.WHOLE_SECONDS) {
      s.append(" in whole seconds");
    }
    if (shortAbandonThreshold != null) {
      s.append(", short abandons ").append(boundary.symbol()).append(' ')
          .append(shortAbandonThreshold.getSeconds()).append(" s");
      if (removesShortAbandonsFromAllCounts) {
        s.append(" removed from all counts");
      }
    }
    s.append(", flow-outs");
    for (FlowOutReason reason : FlowOutReason.values()) {
      s.append(' ').append(reason.label()).append('=').append(flowOutTreatment(reason));
    }
    if (creditsFlowOutsWithinThreshold) {
      s.append(" (credited within T)");
    }
    return s.append(", target ").append(target.toPlainString()).toString();
  }

  /**
   * Builds a {@link ServiceLevelDefinition}. Starts from the {@linkplain #standard() default} (or from
   * the definition it was obtained from); every setter validates its own argument, {@link #build()}
   * checks the rules between them. Not thread-safe.
   */
  public static final class Builder {
    private String name = "Default";
    private Duration threshold = DEFAULT_THRESHOLD;
    private ThresholdBoundary boundary = ThresholdBoundary.INCLUSIVE;
    private WaitResolution waitResolution = WaitResolution.SOURCE;
    private ServiceLevelFormula formula = ServiceLevelFormula.ABANDONS_COUNT_AGAINST;
    private @Nullable Duration shortAbandonThreshold;
    private final FlowOutTreatment[] flowOutTreatments = new FlowOutTreatment[FlowOutReason.values().length];
    private boolean creditsFlowOutsWithinThreshold;
    private boolean removesShortAbandonsFromAllCounts;
    private BigDecimal target = DEFAULT_TARGET;

    private Builder() {
      java.util.Arrays.fill(flowOutTreatments, FlowOutTreatment.OFFERED);
    }

    private Builder(ServiceLevelDefinition d) {
      name = d.name;
      threshold = d.threshold;
      boundary = d.boundary;
      waitResolution = d.waitResolution;
      formula = d.formula;
      shortAbandonThreshold = d.shortAbandonThreshold;
      System.arraycopy(d.flowOutTreatments, 0, flowOutTreatments, 0, flowOutTreatments.length);
      creditsFlowOutsWithinThreshold = d.creditsFlowOutsWithinThreshold;
      removesShortAbandonsFromAllCounts = d.removesShortAbandonsFromAllCounts;
      target = d.target;
    }

    /**
     * Sets the name shown in reports.
     *
     * @param name  the name, not blank
     * @return this builder
     */
    public Builder name(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("definition name \"" + name + "\" is blank (expected a non-blank name)");
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the threshold {@code T}.
     *
     * @param threshold  a whole number of seconds, zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative or not whole seconds
     */
    public Builder threshold(Duration threshold) {
      this.threshold = wholeSeconds("threshold", threshold);
      return this;
    }

    /**
     * Sets whether a wait equal to a threshold is within it.
     *
     * @param boundary  inclusive or strict
     * @return this builder
     */
    public Builder boundary(ThresholdBoundary boundary) {
      this.boundary = requireNonNull(boundary, "boundary");
      return this;
    }

    /**
     * Sets the resolution at which waits are compared with the thresholds: {@link WaitResolution#SOURCE} (the
     * default) or truncated to {@link WaitResolution#WHOLE_SECONDS}.
     *
     * @param waitResolution  the resolution, not null
     * @return this builder
     */
    public Builder waitResolution(WaitResolution waitResolution) {
      this.waitResolution = requireNonNull(waitResolution, "waitResolution");
      return this;
    }

    /**
     * Sets the formula.
     *
     * @param formula  the service-level formula
     * @return this builder
     */
    public Builder formula(ServiceLevelFormula formula) {
      this.formula = requireNonNull(formula, "formula");
      return this;
    }

    /**
     * Sets the short-abandon threshold {@code S}; zero means "no short abandons".
     *
     * @param shortAbandonThreshold  a whole number of seconds, zero or more, below the threshold
     * @return this builder
     * @throws IllegalArgumentException if negative or not whole seconds
     */
    public Builder shortAbandonThreshold(Duration shortAbandonThreshold) {
      requireNonNull(shortAbandonThreshold, "shortAbandonThreshold");
      Duration s = wholeSeconds("short-abandon threshold", shortAbandonThreshold);
      this.shortAbandonThreshold = s.isZero() ? null : s;
      return this;
    }

    /**
     * Removes the short-abandon threshold: the definition has no short abandons.
     *
     * @return this builder
     */
    public Builder noShortAbandons() {
      this.shortAbandonThreshold = null;
      return this;
    }

    /**
     * Sets whether short abandons are removed from every count before the formula (Cisco UCCE).
     *
     * @param remove  true to remove them from every count
     * @return this builder
     */
    public Builder removeShortAbandonsFromAllCounts(boolean remove) {
      this.removesShortAbandonsFromAllCounts = remove;
      return this;
    }

    /**
     * Sets how calls that left unanswered for one reason are counted.
     *
     * @param reason  the flow-out reason
     * @param treatment  how its calls are counted
     * @return this builder
     */
    public Builder flowOut(FlowOutReason reason, FlowOutTreatment treatment) {
      flowOutTreatments[requireNonNull(reason, "reason").ordinal()] = requireNonNull(treatment, "treatment");
      return this;
    }

    /**
     * Sets how calls that left unanswered are counted, for every reason.
     *
     * @param treatment  how they are counted
     * @return this builder
     */
    public Builder flowOuts(FlowOutTreatment treatment) {
      requireNonNull(treatment, "treatment");
      java.util.Arrays.fill(flowOutTreatments, treatment);
      return this;
    }

    /**
     * Sets whether flow-outs in the denominator that left within {@code T} count as met (Amazon Connect).
     *
     * @param credit  true to count them as met
     * @return this builder
     */
    public Builder creditFlowOutsWithinThreshold(boolean credit) {
      this.creditsFlowOutsWithinThreshold = credit;
      return this;
    }

    /**
     * Sets the target service level.
     *
     * @param target  a fraction from 0 to 1 with at most 18 decimal places, for example
     *     {@code new BigDecimal("0.80")}
     * @return this builder
     * @throws IllegalArgumentException if outside [0, 1] or with more decimal places
     */
    public Builder target(BigDecimal target) {
      requireNonNull(target, "target");
      // Messages use toString: toPlainString of 1E+999999999 is a billion digits.
      if (target.signum() < 0 || target.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("target " + target + " is outside [0, 1] (expected a fraction such as 0.80)");
      }
      if (target.scale() > MAX_TARGET_DECIMALS) { // as written: 0E-999999999 is zero, and prints a billion zeros
        throw new IllegalArgumentException("target " + target + " has more than " + MAX_TARGET_DECIMALS
            + " decimal places (expected a fraction such as 0.80)");
      }
      this.target = target;
      return this;
    }

    /**
     * Builds the definition.
     *
     * @return the definition
     * @throws IllegalArgumentException if the short-abandon threshold is not below the threshold
     */
    public ServiceLevelDefinition build() {
      if (shortAbandonThreshold != null && shortAbandonThreshold.compareTo(threshold) >= 0) {
        throw new IllegalArgumentException("short-abandon threshold " + shortAbandonThreshold.getSeconds()
            + " s is not below the threshold " + threshold.getSeconds() + " s (expected S < T)");
      }
      return new ServiceLevelDefinition(this);
    }

    private static Duration wholeSeconds(String what, Duration d) {
      requireNonNull(d, what);
      if (d.isNegative() || d.toNanosPart() != 0) {
        throw new IllegalArgumentException(what + " " + d + " is not a whole number of seconds, zero or more"
            + " (thresholds are whole seconds)");
      }
      return d;
    }
  }
}
