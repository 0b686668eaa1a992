package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.definition.ServiceLevelDefinition;

/**
 * The calls waiting now, seen against one definition's threshold {@code T}: how many already missed it, and
 * how many will miss it within the monitor's breach horizon {@code N} if nobody answers them.
 *
 * @param definition  the definition whose threshold and boundary apply
 * @param overThreshold  waiting calls whose wait now is no longer within {@code T}
 * @param breakingWithinHorizon  waiting calls whose wait is within {@code T} now but will not be {@code N}
 *     seconds from now
 */
public record ThresholdWatch(ServiceLevelDefinition definition, long overThreshold, long breakingWithinHorizon) {
  /**
   * Checks the definition is not null and the counts are not negative.
   *
   * @param definition  the definition whose threshold and boundary apply
   * @param overThreshold  waiting calls whose wait now is no longer within {@code T}
   * @param breakingWithinHorizon  waiting calls whose wait is within {@code T} now but will not be {@code N}
   *     seconds from now
   * @throws IllegalArgumentException if a count is negative
   */
  public ThresholdWatch {
    requireNonNull(definition, "definition");
    if (overThreshold < 0 || breakingWithinHorizon < 0) {
      throw new IllegalArgumentException("threshold watch counts " + overThreshold + " and " + breakingWithinHorizon
          + " are not valid (expected zero or more)");
    }
  }
}
