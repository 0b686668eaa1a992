/**
 * Tallies: counting calls. A {@link io.github.callmetrics.tally.CallTally} is the mutable accumulator
 * (one per thread, per interval, per machine) that takes calls one at a time and merges with another; a
 * {@link io.github.callmetrics.tally.TallySnapshot} is the immutable result it hands out, the way Guava's
 * {@code StatsAccumulator} hands out {@code Stats}.
 *
 * <p>A tally does not depend on any service-level definition: it keeps, per outcome, the exact
 * distribution of waits at one-second resolution ({@link io.github.callmetrics.tally.WaitDistribution}),
 * so any threshold, boundary, short-abandon threshold or formula can be applied afterwards by
 * {@link io.github.callmetrics.metrics}, and so can any percentile. Counts are {@code long}: a merged tally
 * of billions of calls does not overflow.
 */
@NullMarked
package io.github.callmetrics.tally;

import org.jspecify.annotations.NullMarked;
