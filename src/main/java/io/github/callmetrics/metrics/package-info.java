/**
 * The calculators: pure functions from a {@link io.github.callmetrics.tally.TallySnapshot} and a
 * {@link io.github.callmetrics.definition.ServiceLevelDefinition} to the figures a contact center is run by.
 *
 * <p>{@link io.github.callmetrics.metrics.Metrics} computes each figure on its own
 * ({@code Metrics.serviceLevel(snapshot, definition)}); {@link io.github.callmetrics.metrics.MetricsSummary}
 * computes them all at once. {@link io.github.callmetrics.metrics.ServiceLevelCounts} shows the counts of
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/counts.md">docs/counts.md</a> ({@code A}, {@code A_T}, {@code B}, {@code B_T}, {@code B_S}, {@code F},
 * {@code O}) as a definition sees them.
 *
 * <p>A figure whose denominator is empty is undefined, and its type says so: a
 * {@link io.github.callmetrics.metrics.Ratio} of {@code 0/0} or an
 * {@link io.github.callmetrics.metrics.AverageDuration} of no calls is never 0%, 100% or NaN.
 */
@NullMarked
package io.github.callmetrics.metrics;

import org.jspecify.annotations.NullMarked;
