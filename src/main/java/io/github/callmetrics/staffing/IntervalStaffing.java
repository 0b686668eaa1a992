package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.metrics.TargetStatus;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One interval's required agents next to its actual figures, from {@link Staffing#perInterval}.
 *
 * @param interval  the interval with its actual figures
 * @param trafficErlangs  the offered traffic {@code A} in Erlangs
 * @param requiredAgents  the fewest agents that reach the target (0 for an interval with no calls)
 * @param predictedServiceLevel  the model's service level with the required agents; empty when no calls
 * @param predictedServiceLevelWithActualAgents  the model's service level with the actual agents; empty
 *     when they are not known, zero, or too few for a stable Erlang C queue
 * @param target  the target service level, a fraction
 */
public record IntervalStaffing(IntervalWorkload interval, double trafficErlangs, int requiredAgents,
    OptionalDouble predictedServiceLevel, OptionalDouble predictedServiceLevelWithActualAgents, BigDecimal target) {
  /**
   * Checks the components are present, the traffic finite and zero or more, the agents zero or more.
   *
   * @param interval  the interval with its actual figures
   * @param trafficErlangs  the offered traffic {@code A} in Erlangs
   * @param requiredAgents  the fewest agents that reach the target (0 for an interval with no calls)
   * @param predictedServiceLevel  the model's service level with the required agents; empty when no calls
   * @param predictedServiceLevelWithActualAgents  the model's service level with the actual agents; empty
   *     when they are not known, zero, or too few for a stable Erlang C queue
   * @param target  the target service level, a fraction
   */
  public IntervalStaffing {
    requireNonNull(interval, "interval");
    requireNonNull(predictedServiceLevel, "predictedServiceLevel");
    requireNonNull(predictedServiceLevelWithActualAgents, "predictedServiceLevelWithActualAgents");
    requireNonNull(target, "target");
    if (!(trafficErlangs >= 0) || Double.isInfinite(trafficErlangs)) {
      throw new IllegalArgumentException("interval " + interval.start() + " traffic " + trafficErlangs
          + " Erlangs is not valid (expected zero or more)");
    }
    if (requiredAgents < 0) {
      throw new IllegalArgumentException("interval " + interval.start() + " required agents " + requiredAgents
          + " is negative (expected zero or more)");
    }
  }

  /**
   * Returns the actual agents minus the required agents: negative when understaffed.
   *
   * @return the surplus, or empty if the actual agents are not known
   */
  public OptionalInt surplusAgents() {
    OptionalInt actual = interval.actualAgents();
    return actual.isPresent() ? OptionalInt.of(actual.getAsInt() - requiredAgents) : OptionalInt.empty();
  }

  /** {@return whether the interval had fewer, exactly or more agents than required} */
  public StaffingStatus status() {
    OptionalInt surplus = surplusAgents();
    if (surplus.isEmpty()) {
      return StaffingStatus.UNKNOWN;
    }
    int s = surplus.getAsInt();
    return s < 0 ? StaffingStatus.UNDERSTAFFED : s == 0 ? StaffingStatus.AS_REQUIRED : StaffingStatus.OVERSTAFFED;
  }

  /** {@return whether the measured service level met the target (undefined if it was not measured)} */
  public TargetStatus actualTargetStatus() {
    return interval.actualServiceLevel().meets(target);
  }
}
