package io.github.callmetrics.tally.internal;

import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The package-private factories of {@code io.github.callmetrics.tally}, opened to the report store without
 * making them public API (the JDK's {@code SharedSecrets} pattern). The tally package registers the one
 * implementation when {@link TallySnapshot} is initialised. This package is not exported by the module.
 */
public interface TallyAccess {
  /**
   * Obtains a distribution from distinct ascending waits and cumulative counts, taken as they are (not copied).
   *
   * @param values  distinct waits in whole seconds, ascending
   * @param cumulative  {@code cumulative[i]} = how many waits are {@code ≤ values[i]}, strictly ascending
   * @param totalSeconds  the sum of the waits
   * @return the distribution
   */
  WaitDistribution distribution(long[] values, long[] cumulative, long totalSeconds);

  /**
   * Obtains a snapshot from its counts.
   *
   * @param arrivals  arrivals
   * @param answered  waits of answered calls
   * @param abandoned  waits of abandoned calls
   * @param flowOuts  waits of flow-outs, one per {@code FlowOutReason} ordinal (not copied)
   * @param waiting  calls still waiting
   * @param handleTimeTotal  sum of handle times
   * @param handleTimeCount  how many handle times
   * @return the snapshot
   */
  TallySnapshot snapshot(long arrivals, WaitDistribution answered, WaitDistribution abandoned,
      WaitDistribution[] flowOuts, long waiting, Duration handleTimeTotal, long handleTimeCount);

  /** Holds the registered implementation. */
  final class Holder {
    private static volatile @Nullable TallyAccess instance;

    private Holder() {}

    /** Registers the implementation; called once by the tally package. */
    public static void register(TallyAccess access) {
      instance = access;
    }

    /** Returns the implementation, initialising the tally package first if needed. */
    public static TallyAccess get() {
      TallyAccess access = instance;
      if (access == null) {
        TallySnapshot.empty(); // initialises TallySnapshot, which registers the implementation
        access = Objects.requireNonNull(instance, "TallySnapshot registers the implementation when initialised");
      }
      return access;
    }
  }
}
