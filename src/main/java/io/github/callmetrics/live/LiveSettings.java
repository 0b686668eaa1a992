package io.github.callmetrics.live;

import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.report.ReportSpec;

/** What every queue of one monitor shares: its spec's grid and attribution, its window (the
 * definitions are each queue's own: {@link QueueDefinitions}). Immutable. */
final class LiveSettings {
  final ReportSpec spec;
  final IntervalGrid grid;
  final Attribution attribution;
  /** The epoch second the grid's period starts at. */
  final long gridStart;
  final long windowSeconds;
  final long horizonSeconds;

  LiveSettings(ReportSpec spec, long windowSeconds, long horizonSeconds) {
    this.spec = spec;
    this.grid = spec.grid();
    this.attribution = spec.attribution();
    this.gridStart = grid.period().start().getEpochSecond();
    this.windowSeconds = windowSeconds;
    this.horizonSeconds = horizonSeconds;
  }

  /**
   * Returns the index of the interval before the one of now ({@code nowIndex}, −1 if now is outside the grid):
   * −1 before the grid, the last interval after it.
   */
  int previous(int nowIndex, long nowSecond) {
    return nowIndex >= 0 ? nowIndex - 1 : nowSecond < gridStart ? -1 : grid.size() - 1;
  }
}
