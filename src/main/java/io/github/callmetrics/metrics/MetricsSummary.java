package io.github.callmetrics.metrics;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import java.util.Optional;

/**
 * Every figure of a set of calls under one definition, computed at once by {@link #of}; each component is
 * what the {@link Metrics} method of the same name returns.
 *
 * @param definition  the definition the figures follow
 * @param counts  the counts as the definition sees them
 * @param serviceLevel  {@link Metrics#serviceLevel}
 * @param targetStatus  {@link Metrics#targetStatus}
 * @param abandonmentRate  {@link Metrics#abandonmentRate}
 * @param abandonmentRateExcludingShortAbandons  {@link Metrics#abandonmentRateExcludingShortAbandons}
 * @param answerRate  {@link Metrics#answerRate}
 * @param averageSpeedOfAnswer  {@link Metrics#averageSpeedOfAnswer}
 * @param averageTimeToAbandon  {@link Metrics#averageTimeToAbandon}
 * @param averageHandleTime  {@link Metrics#averageHandleTime}
 * @param longestAnsweredWait  {@link Metrics#longestWait} of {@link WaitPopulation#ANSWERED}
 * @param longestAbandonedWait  {@link Metrics#longestAbandonWait}: the abandons the definition counts, as
 *     in {@code averageTimeToAbandon}
 * @param longestWait  {@link Metrics#longestWait} of {@link WaitPopulation#ALL}
 * @param answeredWaitPercentiles  the percentiles of the answered calls' waits
 */
public record MetricsSummary(
    ServiceLevelDefinition definition,
    ServiceLevelCounts counts,
    Ratio serviceLevel,
    TargetStatus targetStatus,
    Ratio abandonmentRate,
    Ratio abandonmentRateExcludingShortAbandons,
    Ratio answerRate,
    AverageDuration averageSpeedOfAnswer,
    AverageDuration averageTimeToAbandon,
    AverageDuration averageHandleTime,
    Optional<Duration> longestAnsweredWait,
    Optional<Duration> longestAbandonedWait,
    Optional<Duration> longestWait,
    WaitPercentiles answeredWaitPercentiles) {

  /**
   * Checks no component is null.
   *
   * @param definition  the definition the figures follow
   * @param counts  the counts as the definition sees them
   * @param serviceLevel  {@link Metrics#serviceLevel}
   * @param targetStatus  {@link Metrics#targetStatus}
   * @param abandonmentRate  {@link Metrics#abandonmentRate}
   * @param abandonmentRateExcludingShortAbandons  {@link Metrics#abandonmentRateExcludingShortAbandons}
   * @param answerRate  {@link Metrics#answerRate}
   * @param averageSpeedOfAnswer  {@link Metrics#averageSpeedOfAnswer}
   * @param averageTimeToAbandon  {@link Metrics#averageTimeToAbandon}
   * @param averageHandleTime  {@link Metrics#averageHandleTime}
   * @param longestAnsweredWait  {@link Metrics#longestWait} of {@link WaitPopulation#ANSWERED}
   * @param longestAbandonedWait  {@link Metrics#longestAbandonWait}: the abandons the definition counts, as
   *     in {@code averageTimeToAbandon}
   * @param longestWait  {@link Metrics#longestWait} of {@link WaitPopulation#ALL}
   * @param answeredWaitPercentiles  the percentiles of the answered calls' waits
   */
  public MetricsSummary {
    requireNonNull(definition, "definition");
    requireNonNull(counts, "counts");
    requireNonNull(serviceLevel, "serviceLevel");
    requireNonNull(targetStatus, "targetStatus");
    requireNonNull(abandonmentRate, "abandonmentRate");
    requireNonNull(abandonmentRateExcludingShortAbandons, "abandonmentRateExcludingShortAbandons");
    requireNonNull(answerRate, "answerRate");
    requireNonNull(averageSpeedOfAnswer, "averageSpeedOfAnswer");
    requireNonNull(averageTimeToAbandon, "averageTimeToAbandon");
    requireNonNull(averageHandleTime, "averageHandleTime");
    requireNonNull(longestAnsweredWait, "longestAnsweredWait");
    requireNonNull(longestAbandonedWait, "longestAbandonedWait");
    requireNonNull(longestWait, "longestWait");
    requireNonNull(answeredWaitPercentiles, "answeredWaitPercentiles");
  }

  /**
   * Computes every figure of a snapshot under a definition.
   *
   * @param snapshot  the counted calls, not null
   * @param definition  the definition, not null
   * @return the figures
   */
  public static MetricsSummary of(TallySnapshot snapshot, ServiceLevelDefinition definition) {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(definition, "definition");
    // The abandons as the definition counts them are merged once for every figure that needs them (a live
    // wallboard computes these figures for every queue every second).
    WaitDistribution abandons = ServiceLevelCounts.abandonWaits(snapshot, definition);
    WaitDistribution countedAbandons = ServiceLevelCounts.countedAbandonWaits(abandons, definition);
    ServiceLevelCounts counts = ServiceLevelCounts.of(snapshot, definition, abandons);
    Ratio serviceLevel = counts.serviceLevel(definition.formula(), definition.creditsFlowOutsWithinThreshold());
    return new MetricsSummary(
        definition,
        counts,
        serviceLevel,
        serviceLevel.meets(definition.target()),
        Ratio.of(counts.abandoned(), counts.offered()),
        Ratio.of(counts.abandoned() - counts.shortAbandons(), counts.offered() - counts.shortAbandons()),
        Ratio.of(counts.answered(), counts.offered()),
        Metrics.averageSpeedOfAnswer(snapshot),
        AverageDuration.of(countedAbandons.total(), countedAbandons.count()),
        Metrics.averageHandleTime(snapshot),
        snapshot.answeredWaits().max(),
        countedAbandons.max(),
        longestWait(snapshot),
        WaitPercentiles.of(snapshot.answeredWaits()));
  }

  /** {@code snapshot.allWaits().max()} without merging the distributions. */
  private static Optional<Duration> longestWait(TallySnapshot snapshot) {
    long longest = Math.max(snapshot.answeredWaits().maxSeconds().orElse(-1),
        snapshot.abandonedWaits().maxSeconds().orElse(-1));
    for (FlowOutReason reason : FlowOutReason.values()) {
      longest = Math.max(longest, snapshot.flowOutWaits(reason).maxSeconds().orElse(-1));
    }
    return longest < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(longest));
  }
}
