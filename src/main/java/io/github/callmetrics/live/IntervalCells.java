package io.github.callmetrics.live;

import org.jspecify.annotations.Nullable;

/**
 * The counts of one channel's intervals that a snapshot can still show, in two cells: the current and the
 * previous interval. Now never goes back, so an interval before the previous one is never read again; an
 * event that would change it changes the report only. A cell is claimed by interval {@code i} in slot
 * {@code i & 1}: its former interval is then two or more before {@code i}, gone by; and if the slot already
 * holds a later interval, {@code i} itself is gone by. Each cell keeps the figures last built from it while
 * its counts have not changed. Not thread-safe: guarded by the queue's lock.
 */
final class IntervalCells {
  private final Cell[] cells = {new Cell(), new Cell()};

  /**
   * Returns the counts of an interval, claiming a cell for it, or null if the interval can no longer be
   * shown: before {@code floor} (the previous interval at a now not later than the real one), before the
   * grid, or older than the interval in its slot.
   */
  @Nullable Cell cell(int index, int floor) {
    if (index < 0 || index < floor) {
      return null;
    }
    Cell cell = cells[index & 1];
    if (cell.index != index) {
      if (cell.index > index) {
        return null;
      }
      cell.index = index;
      cell.tally.clear();
      cell.figures = null;
    }
    return cell;
  }

  /** The ended calls counted in one interval of one channel, and the figures last built from them. */
  static final class Cell {
    int index = Integer.MIN_VALUE;
    final LiveTally tally = new LiveTally();
    @Nullable LiveFigures figures;
    long figuresVersion;
  }
}
