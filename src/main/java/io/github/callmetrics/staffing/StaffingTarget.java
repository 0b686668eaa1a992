package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import java.time.Duration;

/**
 * One thing an interval's staffing must achieve, for {@link Staffing}: a service level, an average speed
 * of answer, a maximum occupancy or (Erlang A only) an abandonment ceiling. Each is monotone in the
 * number of agents (more agents never make it worse), which is what lets the solvers search.
 *
 * <p>Every implementation is an immutable, thread-safe record.
 */
public sealed interface StaffingTarget {
  /**
   * Obtains a service-level target, {@code P(answered within threshold) ≥ level} with abandons counting
   * against ({@code A_T / O}), for example 80% within 20 s.
   *
   * @param level  the service level to reach, in [0, 1), for example 0.8
   * @param threshold  the threshold, zero or more
   * @return the target
   */
  static ServiceLevel serviceLevel(double level, Duration threshold) {
    return new ServiceLevel(level, threshold, ServiceLevelFormula.ABANDONS_COUNT_AGAINST, Duration.ZERO);
  }

  /**
   * Obtains the service-level target of a definition: its target, threshold, formula and short-abandon
   * threshold.
   *
   * @param definition  the definition, not null; its target must be below 1
   * @return the target
   */
  static ServiceLevel serviceLevel(ServiceLevelDefinition definition) {
    requireNonNull(definition, "definition");
    return new ServiceLevel(definition.target().doubleValue(), definition.threshold(), definition.formula(),
        definition.shortAbandonThreshold().orElse(Duration.ZERO));
  }

  /**
   * Obtains an average-speed-of-answer target, {@code ASA ≤ maximum}.
   *
   * @param maximum  the longest acceptable ASA, positive
   * @return the target
   */
  static AverageSpeedOfAnswer averageSpeedOfAnswer(Duration maximum) {
    return new AverageSpeedOfAnswer(maximum);
  }

  /**
   * Obtains an occupancy ceiling, {@code occupancy ≤ maximum}.
   *
   * @param maximum  the highest acceptable occupancy, in (0, 1], for example 0.85
   * @return the target
   */
  static MaxOccupancy maxOccupancy(double maximum) {
    return new MaxOccupancy(maximum);
  }

  /**
   * Obtains an abandonment ceiling, {@code P(abandon) ≤ maximum}; only Erlang A models abandonment.
   *
   * @param maximum  the highest acceptable probability of abandoning, in (0, 1), for example 0.05
   * @return the target
   */
  static MaxAbandonment maxAbandonment(double maximum) {
    return new MaxAbandonment(maximum);
  }

  /**
   * Service level at least {@code level}: the fraction of calls answered within {@code threshold}, counted
   * by {@code formula} (Erlang C answers every call, so there every formula is {@code A_T / O}).
   *
   * @param level  in [0, 1): a queue with random arrivals never answers every call within a threshold
   * @param threshold  zero or more
   * @param formula  the formula, for Erlang A
   * @param shortAbandonThreshold  {@code S} for the short-abandon formulas, zero for none
   */
  record ServiceLevel(double level, Duration threshold, ServiceLevelFormula formula,
      Duration shortAbandonThreshold) implements StaffingTarget {
    /**
     * Validates every component.
     *
     * @param level  in [0, 1)
     * @param threshold  zero or more
     * @param formula  the formula, for Erlang A
     * @param shortAbandonThreshold  {@code S} for the short-abandon formulas, zero for none
     */
    public ServiceLevel {
      requireNonNull(threshold, "threshold");
      requireNonNull(formula, "formula");
      requireNonNull(shortAbandonThreshold, "shortAbandonThreshold");
      Checks.probability("service level target", level, true, false);
      Checks.notNegative("threshold", threshold);
      Checks.notNegative("short-abandon threshold", shortAbandonThreshold);
    }
  }

  /**
   * Average speed of answer at most {@code maximum}.
   *
   * @param maximum  positive
   */
  record AverageSpeedOfAnswer(Duration maximum) implements StaffingTarget {
    /**
     * Validates the maximum.
     *
     * @param maximum  positive
     */
    public AverageSpeedOfAnswer {
      Workload.requirePositive("maximum average speed of answer", maximum);
    }
  }

  /**
   * Occupancy at most {@code maximum}.
   *
   * @param maximum  in (0, 1]
   */
  record MaxOccupancy(double maximum) implements StaffingTarget {
    /**
     * Validates the maximum.
     *
     * @param maximum  in (0, 1]
     */
    public MaxOccupancy {
      Checks.probability("maximum occupancy", maximum, false, true);
    }
  }

  /**
   * Probability of abandoning at most {@code maximum} (Erlang A only).
   *
   * @param maximum  in (0, 1)
   */
  record MaxAbandonment(double maximum) implements StaffingTarget {
    /**
     * Validates the maximum.
     *
     * @param maximum  in (0, 1)
     */
    public MaxAbandonment {
      Checks.probability("maximum abandonment", maximum, false, false);
    }
  }
}
