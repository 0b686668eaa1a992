package io.github.callmetrics.live;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.report.ReportSpec;

/** What every queue of one monitor shares: its spec's grid, attribution and definitions, its window. Immutable. */
final class LiveSettings {
  final ReportSpec spec;
  final IntervalGrid grid;
  final Attribution attribution;
  /** The epoch second the grid's period starts at. */
  final long gridStart;
  final ImmutableList<ServiceLevelDefinition> definitions;
  /** Per definition, the largest wait index within its threshold ({@link #largestIndexWithin}). */
  private final long[] largestWithin;
  final long windowSeconds;
  final long horizonSeconds;

  LiveSettings(ReportSpec spec, long windowSeconds, long horizonSeconds) {
    this.spec = spec;
    this.grid = spec.grid();
    this.attribution = spec.attribution();
    this.gridStart = grid.period().start().getEpochSecond();
    this.definitions = ImmutableList.copyOf(spec.definitions());
    this.largestWithin = new long[definitions.size()];
    for (int d = 0; d < definitions.size(); d++) {
      largestWithin[d] = largestIndexWithin(definitions.get(d));
    }
    this.windowSeconds = windowSeconds;
    this.horizonSeconds = horizonSeconds;
  }

  /** Checks if a wait, given as its index ({@link OutcomeClass#waitIndex}), is within the threshold of definition {@code d}. */
  boolean isWithin(int d, long waitIndex) {
    return waitIndex <= largestWithin[d];
  }

  /**
   * Returns the largest wait index within a definition's threshold, under its boundary and wait resolution: the rule
   * of {@link OutcomeClass#largestIndexWithin}, which the batch counts apply too.
   */
  static long largestIndexWithin(ServiceLevelDefinition d) {
    return OutcomeClass.largestIndexWithin(d.thresholdSeconds(), d.boundary() == ThresholdBoundary.INCLUSIVE,
        d.waitResolution() == WaitResolution.WHOLE_SECONDS);
  }

  /**
   * Returns the index of the interval before the one of now ({@code nowIndex}, −1 if now is outside the grid):
   * −1 before the grid, the last interval after it.
   */
  int previous(int nowIndex, long nowSecond) {
    return nowIndex >= 0 ? nowIndex - 1 : nowSecond < gridStart ? -1 : grid.size() - 1;
  }
}
