package io.github.callmetrics.report.internal;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.report.ReportAccumulator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A package-private entry of {@code io.github.callmetrics.report}, opened to the live monitor without making
 * it public API (the pattern of {@code TallyAccess}): counting an ended call from its parts, so the monitor
 * needs no {@code Call} object per event. The report package registers the one implementation when
 * {@link ReportAccumulator} is initialised. This package is not exported by the module.
 *
 * <p>Why a bridge: the monitor ({@code io.github.callmetrics.live}) keeps one accumulator per queue and counts each
 * ended call into it as the call ends. Without this entry it would either make a {@code Call} per event (the
 * monitor allocates nothing per event) or the report package would need a public method for it.
 */
public interface ReportAccess {
  /**
   * Counts one ended call without handle time into an accumulator, exactly as {@code accumulator.add(call)}
   * counts the call with these parts.
   *
   * @param accumulator  the accumulator
   * @param queue  the call's queue
   * @param channel  the call's channel
   * @param arrivedIn  the index in the accumulator's grid of the interval of its arrival, -1 if outside
   * @param exitedIn  the index of the interval of its outcome, -1 if outside
   * @param outcomeClass  its {@link io.github.callmetrics.call.internal.OutcomeClass}
   * @param waitIndex  its wait index ({@link io.github.callmetrics.call.internal.OutcomeClass#waitIndex})
   */
  void addEnded(ReportAccumulator accumulator, String queue, Channel channel, int arrivedIn, int exitedIn,
      int outcomeClass, long waitIndex);

  /** Holds the registered implementation. */
  final class Holder {
    private static volatile @Nullable ReportAccess instance;

    private Holder() {}

    /** Registers the implementation; called once by the report package. */
    public static void register(ReportAccess access) {
      instance = access;
    }

    /** Returns the implementation, initialising the report package first if needed. */
    public static ReportAccess get() {
      ReportAccess access = instance;
      if (access == null) {
        try {
          // Initialises ReportAccumulator, which registers the implementation.
          Class.forName(ReportAccumulator.class.getName(), true, ReportAccumulator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        access = Objects.requireNonNull(instance, "ReportAccumulator registers the implementation when initialised");
      }
      return access;
    }
  }
}
