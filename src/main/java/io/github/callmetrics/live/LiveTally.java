package io.github.callmetrics.live;

import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.tally.internal.TallyAccess;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The counts of ended calls in one live span (an interval of one channel, or a channel's sliding window),
 * kept as primitive counters: arrivals, and the waits of each {@link OutcomeClass outcome class}. Live events carry
 * no handle time, so there is none here.
 *
 * <p>Every change bumps {@link #version()}; the immutable {@link TallySnapshot} is built on first demand after
 * a change and kept until the next, so a span nobody fed since the last snapshot costs nothing to read again.
 * Not thread-safe: guarded by the queue's lock.
 */
final class LiveTally {
  private static final TallyAccess TALLY = TallyAccess.Holder.get();

  private long arrivals;
  private final @Nullable WaitCounter[] waits = new WaitCounter[OutcomeClass.COUNT];
  private long version;
  private @Nullable TallySnapshot snapshot;
  private long snapshotVersion = -1;

  /** Counts the arrival of one call. */
  void countArrival() {
    arrivals++;
    version++;
  }

  /** Counts the wait of one ended call, given as its index ({@link OutcomeClass#waitIndex}), under its outcome class. */
  void countOutcome(int outcomeClass, long waitIndex) {
    WaitCounter counter = waits[outcomeClass];
    if (counter == null) {
      counter = new WaitCounter();
      waits[outcomeClass] = counter;
    }
    counter.record(waitIndex);
    version++;
  }

  /** Counts one ended call whole: its arrival and its wait. */
  void add(int outcomeClass, long waitIndex) {
    arrivals++;
    countOutcome(outcomeClass, waitIndex);
  }

  /**
   * Removes one ended call counted whole before, the inverse of {@link #add}.
   *
   * @throws IllegalStateException if no such call is counted
   */
  void remove(int outcomeClass, long waitIndex) {
    WaitCounter counter = waits[outcomeClass];
    if (counter == null || arrivals == 0) {
      throw new IllegalStateException("no call of class " + outcomeClass + " with a wait of index " + waitIndex
          + " to remove (it was never added)");
    }
    counter.remove(waitIndex);
    arrivals--;
    version++;
  }

  /** Forgets every call, keeping the counters' arrays for reuse. */
  void clear() {
    arrivals = 0;
    for (WaitCounter counter : waits) {
      if (counter != null) {
        counter.clear();
      }
    }
    version++;
  }

  /** Returns a number that changes whenever the counts change. */
  long version() {
    return version;
  }

  /** Returns the counts as an immutable snapshot, built once per change. */
  TallySnapshot snapshot() {
    TallySnapshot s = snapshot;
    if (s != null && snapshotVersion == version) {
      return s;
    }
    WaitDistribution[] flowOuts = new WaitDistribution[OutcomeClass.COUNT - OutcomeClass.FLOW_OUT];
    for (int r = 0; r < flowOuts.length; r++) {
      flowOuts[r] = distribution(OutcomeClass.FLOW_OUT + r);
    }
    s = TALLY.snapshot(arrivals, distribution(OutcomeClass.ANSWERED), distribution(OutcomeClass.ABANDONED),
        flowOuts, 0, Duration.ZERO, 0);
    snapshot = s;
    snapshotVersion = version;
    return s;
  }

  private WaitDistribution distribution(int outcomeClass) {
    WaitCounter counter = waits[outcomeClass];
    return counter == null ? WaitDistribution.empty() : counter.toDistribution();
  }
}
