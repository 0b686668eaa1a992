package io.github.callmetrics.live;

import io.github.callmetrics.call.internal.OutcomeClass;
import org.jspecify.annotations.Nullable;

/**
 * The calls of one channel that ended within the sliding window, each as its outcome's epoch second and its
 * packed wait ({@link OutcomeClass#packLong}), in a ring buffer of pairs sorted by second, and the counts of them
 * all. Events come in time order up to the late tolerance, so a call is appended at the tail or moved in past the
 * few calls that ended in the seconds after it; expiring takes calls off the head. One contiguous array per window:
 * no object per call or per second. Not thread-safe: guarded by the queue's lock.
 */
final class LiveWindow {
  private final long windowSeconds;
  /** Pairs {@code (second, packed wait)} from {@code head}, {@code size} of them, ascending by second, wrapping. */
  private long[] ring = new long[2 * 16];
  private int head;
  private int size;
  final LiveTally tally = new LiveTally();
  /** Every second up to this one is expired (its calls removed from the tally). */
  private long expiredThrough = Long.MIN_VALUE;
  @Nullable LiveFigures figures;
  long figuresVersion;

  /** A window of the last {@code windowSeconds} whole seconds. */
  LiveWindow(long windowSeconds) {
    this.windowSeconds = windowSeconds;
  }

  /** Counts a call that ended in an epoch second, once the window is moved to now. */
  void add(long second, int outcomeClass, long waitIndex, long nowSecond) {
    expire(nowSecond);
    if (second <= expiredThrough) {
      return; // already out of the window: possible only with a tolerance longer than the window
    }
    int capacity = ring.length >>> 1;
    if (size == capacity) {
      grow();
      capacity = ring.length >>> 1;
    }
    int mask = capacity - 1;
    int at = (head + size) & mask;
    // Move up the calls that ended after this one (none when events come in order).
    for (int moved = 0; moved < size; moved++) {
      int before = (at - 1) & mask;
      if (ring[2 * before] <= second) {
        break;
      }
      ring[2 * at] = ring[2 * before];
      ring[2 * at + 1] = ring[2 * before + 1];
      at = before;
    }
    ring[2 * at] = second;
    ring[2 * at + 1] = OutcomeClass.packLong(outcomeClass, waitIndex);
    size++;
    tally.add(outcomeClass, waitIndex);
  }

  /** Takes the calls that ended at or before {@code nowSecond − window} out of the counts. */
  void expire(long nowSecond) {
    long through = nowSecond - windowSeconds; // the window is (now - W, now] in whole seconds
    if (through <= expiredThrough) {
      return;
    }
    int mask = (ring.length >>> 1) - 1;
    while (size > 0 && ring[2 * head] <= through) {
      long packed = ring[2 * head + 1];
      tally.remove(OutcomeClass.longClass(packed), OutcomeClass.longWait(packed));
      head = (head + 1) & mask;
      size--;
    }
    expiredThrough = through;
  }

  private void grow() {
    int capacity = ring.length >>> 1;
    long[] larger = new long[4 * capacity];
    for (int i = 0; i < size; i++) {
      int from = (head + i) & (capacity - 1);
      larger[2 * i] = ring[2 * from];
      larger[2 * i + 1] = ring[2 * from + 1];
    }
    ring = larger;
    head = 0;
  }
}
