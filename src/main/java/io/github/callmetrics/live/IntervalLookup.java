package io.github.callmetrics.live;

import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.MeasurementInterval;

/**
 * The last two intervals of a grid found, each as {@code [from, to)} epoch seconds: events come roughly in time
 * order, and calls ending early in an interval arrived in it or in the one before, so nearly every lookup is a few
 * comparisons, and a new interval costs one lookup in the grid. Not thread-safe: guarded by the queue's lock.
 */
final class IntervalLookup {
  private final IntervalGrid grid;
  private long from = 1;
  private long to;
  private int index;
  private long otherFrom = 1;
  private long otherTo;
  private int otherIndex;

  IntervalLookup(IntervalGrid grid) {
    this.grid = grid;
  }

  /** Returns the index of the interval that contains an epoch second, or −1 if the grid does not. */
  int indexOf(long epochSecond) {
    if (epochSecond >= from && epochSecond < to) {
      return index;
    }
    if (epochSecond >= otherFrom && epochSecond < otherTo) {
      return otherIndex;
    }
    int i = grid.indexOfEpochSecond(epochSecond);
    if (i >= 0) {
      MeasurementInterval interval = grid.interval(i);
      otherFrom = from;
      otherTo = to;
      otherIndex = index;
      from = interval.start().getEpochSecond();
      to = interval.end().getEpochSecond();
      index = i;
    }
    return i;
  }
}
