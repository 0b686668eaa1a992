package io.github.callmetrics.metrics;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The calculators: each figure of
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/metrics.md">docs/metrics.md</a> as a pure function of a snapshot of counted
 * calls and, where the figure depends on it, a service-level definition.
 *
 * <pre>{@code
 * TallySnapshot counts = calls.stream().collect(CallTally.toSnapshot());
 * Ratio sl = Metrics.serviceLevel(counts, Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(20)));
 * System.out.println(sl);                          // 29/45 (64.4%)
 * }</pre>
 *
 * <p>Every ratio whose denominator is zero is {@linkplain Ratio#undefined() undefined}, every average of
 * nothing is an undefined {@link AverageDuration}; no method returns NaN. All methods are stateless and
 * thread-safe.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Returns the service level: the definition's {@linkplain ServiceLevelDefinition#formula() formula}
   * applied to the {@linkplain ServiceLevelCounts counts} it sees.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @return the service level; undefined if the formula's denominator is zero
   */
  public static Ratio serviceLevel(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    return ServiceLevelCounts.of(snapshot, definition)
        .serviceLevel(definition.formula(), definition.creditsFlowOutsWithinThreshold());
  }

  /**
   * Checks if the service level reaches the definition's target: {@code service level ≥ target}, exactly.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition with its target, not null
   * @return met, missed, or undefined when the service level is
   */
  public static TargetStatus targetStatus(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    return serviceLevel(snapshot, definition).meets(definition.target());
  }

  /**
   * Returns the abandonment rate {@code B / O}, with abandons and offered calls as the definition counts
   * them (flow-outs treated as abandons are abandons; short abandons are included unless the definition
   * removes them from all counts).
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @return the rate; undefined if no call was offered
   */
  public static Ratio abandonmentRate(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    ServiceLevelCounts c = ServiceLevelCounts.of(snapshot, definition);
    return Ratio.of(c.abandoned(), c.offered());
  }

  /**
   * Returns the abandonment rate with short abandons excluded, {@code (B − B_S) / (O − B_S)}: callers who
   * hung up within the short-abandon threshold (wrong numbers, changed minds) count neither as offered nor
   * as abandoned. Without a short-abandon threshold it equals {@link #abandonmentRate}.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition with its short-abandon threshold, not null
   * @return the rate; undefined if no call other than a short abandon was offered
   */
  public static Ratio abandonmentRateExcludingShortAbandons(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    ServiceLevelCounts c = ServiceLevelCounts.of(snapshot, definition);
    return Ratio.of(c.abandoned() - c.shortAbandons(), c.offered() - c.shortAbandons());
  }

  /**
   * Returns the answer rate {@code A / O}.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition that says which calls are offered, not null
   * @return the rate; undefined if no call was offered
   */
  public static Ratio answerRate(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    ServiceLevelCounts c = ServiceLevelCounts.of(snapshot, definition);
    return Ratio.of(c.answered(), c.offered());
  }

  /**
   * Returns the average speed of answer (ASA): the sum of the answered calls' waits over the number of
   * answered calls, {@code Σ wait / A}, waits in whole seconds.
   *
   * @param snapshot  the counted calls, not null
   * @return the average; undefined if no call was answered
   */
  public static AverageDuration averageSpeedOfAnswer(TallySnapshot snapshot) {
    return average(snapshot.answeredWaits());
  }

  /**
   * Returns the average time to abandon: the sum of the abandons' waits over the number of abandons, with
   * abandons as the definition counts them.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @return the average; undefined if there was no abandon
   */
  public static AverageDuration averageTimeToAbandon(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    requireNonNull(definition, "definition");
    return average(ServiceLevelCounts.countedAbandonWaits(requireNonNull(snapshot, "snapshot"), definition));
  }

  /**
   * Returns the longest wait of the abandons as the definition counts them: callers who hung up, plus the
   * flow-outs it treats as abandons, less the short abandons it removes from all counts. It goes with
   * {@link #averageTimeToAbandon}; {@code longestWait(snapshot, WaitPopulation.ABANDONED)} is the same for
   * callers who hung up, whatever the definition.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @return the longest wait, or empty if there was no abandon
   */
  public static Optional<Duration> longestAbandonWait(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    requireNonNull(definition, "definition");
    return ServiceLevelCounts.countedAbandonWaits(requireNonNull(snapshot, "snapshot"), definition).max();
  }

  /**
   * Returns the average handle time (AHT) of the answered calls that have a handle time.
   *
   * @param snapshot  the counted calls, not null
   * @return the average; undefined if no answered call has a handle time
   */
  public static AverageDuration averageHandleTime(TallySnapshot snapshot) {
    return AverageDuration.of(snapshot.handleTimeTotal(), snapshot.handleTimeCount());
  }

  /**
   * Returns the longest wait of a population of calls.
   *
   * @param snapshot  the counted calls, not null
   * @param population  whose waits, not null
   * @return the longest wait, or empty if the population has no calls
   */
  public static Optional<Duration> longestWait(TallySnapshot snapshot, WaitPopulation population) {
    return waits(snapshot, population).max();
  }

  /**
   * Returns a percentile of the waits of a population of calls, by the nearest-rank method of
   * {@link WaitDistribution#percentile(double)}: exact, one of the observed whole-second waits.
   *
   * @param snapshot  the counted calls, not null
   * @param population  whose waits, not null
   * @param percent  the percentile, in (0, 100]
   * @return the percentile, or empty if the population has no calls
   * @throws IllegalArgumentException if {@code percent} is not in (0, 100]
   */
  public static Optional<Duration> waitPercentile(TallySnapshot snapshot, WaitPopulation population, double percent) {
    return waits(snapshot, population).percentile(percent);
  }

  /**
   * Returns the waits of a population of calls.
   *
   * @param snapshot  the counted calls, not null
   * @param population  whose waits, not null
   * @return the distribution of their waits
   */
  public static WaitDistribution waits(TallySnapshot snapshot, WaitPopulation population) {
    requireNonNull(snapshot, "snapshot");
    switch (requireNonNull(population, "population")) {
      case ANSWERED:
        return snapshot.answeredWaits();
      case ABANDONED:
        return snapshot.abandonedWaits();
      case FLOWED_OUT:
        WaitDistribution flowed = WaitDistribution.empty();
        for (FlowOutReason reason : FlowOutReason.values()) {
          flowed = flowed.plus(snapshot.flowOutWaits(reason));
        }
        return flowed;
      case ALL:
        return snapshot.allWaits();
    }
    throw new AssertionError(population);
  }

  /**
   * Returns the lost opportunity of the abandoned calls: {@code B × valuePerCall}, with abandons as the
   * definition counts them. In a sales line every abandoned call is a potential sale lost.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @param valuePerCall  the value of one answered call, in the user's currency, zero or more
   * @return the value lost, exact
   * @throws IllegalArgumentException if the value is negative
   */
  public static BigDecimal lostOpportunity(
      TallySnapshot snapshot, ServiceLevelDefinition definition, BigDecimal valuePerCall) {
    return lostOpportunity(snapshot, definition, valuePerCall, BigDecimal.ONE);
  }

  /**
   * Returns the lost opportunity of the abandoned calls with a conversion rate:
   * {@code B × valuePerCall × conversionRate}, for example 40 abandons × 250.00 per sale × 0.15 of calls
   * that become a sale = 1500.00.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @param valuePerCall  the value of one sale, in the user's currency, zero or more
   * @param conversionRate  the fraction of answered calls that become a sale, in [0, 1]
   * @return the value lost, exact (scale of the product)
   * @throws IllegalArgumentException if the value is negative or the rate is outside [0, 1]
   */
  public static BigDecimal lostOpportunity(
      TallySnapshot snapshot, ServiceLevelDefinition definition, BigDecimal valuePerCall, BigDecimal conversionRate) {
    requireNonNull(valuePerCall, "valuePerCall");
    requireNonNull(conversionRate, "conversionRate");
    if (valuePerCall.signum() < 0) {
      throw new IllegalArgumentException("value per call " + valuePerCall.toPlainString() + " is negative (expected zero or more)");
    }
    if (conversionRate.signum() < 0 || conversionRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("conversion rate " + conversionRate.toPlainString()
          + " is outside [0, 1] (expected a fraction such as 0.15)");
    }
    long abandoned = ServiceLevelCounts.of(snapshot, definition).abandoned();
    return valuePerCall.multiply(conversionRate).multiply(BigDecimal.valueOf(abandoned));
  }

  private static AverageDuration average(WaitDistribution waits) {
    return AverageDuration.of(waits.total(), waits.count());
  }
}
