package io.github.callmetrics.metrics;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import java.util.Optional;

/**
 * The wait percentiles a contact center reports: p50 (the median), p80, p90, p95 and p99, each by the
 * nearest-rank method of {@link WaitDistribution#percentile(double)} and each empty when there are no waits.
 *
 * @param p50  the median wait
 * @param p80  the 80th percentile
 * @param p90  the 90th percentile
 * @param p95  the 95th percentile
 * @param p99  the 99th percentile
 */
public record WaitPercentiles(
    Optional<Duration> p50, Optional<Duration> p80, Optional<Duration> p90, Optional<Duration> p95,
    Optional<Duration> p99) {

  /**
   * Checks no component is null.
   *
   * @param p50  the median wait
   * @param p80  the 80th percentile
   * @param p90  the 90th percentile
   * @param p95  the 95th percentile
   * @param p99  the 99th percentile
   */
  public WaitPercentiles {
    requireNonNull(p50, "p50");
    requireNonNull(p80, "p80");
    requireNonNull(p90, "p90");
    requireNonNull(p95, "p95");
    requireNonNull(p99, "p99");
  }

  /**
   * Obtains the percentiles of a distribution of waits.
   *
   * @param waits  the waits, not null
   * @return the percentiles
   */
  public static WaitPercentiles of(WaitDistribution waits) {
    return new WaitPercentiles(
        waits.percentile(50), waits.percentile(80), waits.percentile(90), waits.percentile(95), waits.percentile(99));
  }
}
