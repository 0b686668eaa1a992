package io.github.callmetrics.call.internal;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The outcome classes that counters keep the waits of ended calls by, and the one way a class and a wait are packed
 * into one number: the single definition that the report's accumulator and store and the live monitor share.
 *
 * <p>A class is {@link #ANSWERED}, {@link #ABANDONED}, or {@link #FLOW_OUT} plus the ordinal of the flow-out reason:
 * {@link #COUNT} classes, 0 to {@code COUNT - 1}. A waiting call has no class (it has no wait yet).
 *
 * <p>A wait is counted as its <b>wait index</b> ({@link #waitIndex}): {@code 2·⌊w⌋} for a wait {@code w} of a whole
 * number of seconds exactly, {@code 2·⌊w⌋ + 1} for one with a fraction of a second. The index is the least a count
 * must keep to compare a wait with any whole-second threshold {@code T} exactly at the source's resolution
 * ({@code w ≤ T ⟺ index ≤ 2T}, {@code w < T ⟺ index < 2T}) and in truncated whole seconds
 * ({@code ⌊w⌋ ≤ T ⟺ index ≤ 2T + 1}), and to give exact percentiles in whole seconds ({@code ⌊w⌋ = index / 2} is
 * monotone): {@link #largestIndexWithin} is the one rule every count of "within" uses. Every store of waits (the
 * tally's histogram, the report's chunks and overflow list, the live counters and window) keeps indices.
 *
 * <p>A packed wait holds the class in its top {@value #BITS} bits and the wait index in the bits below:
 * {@code class << waitBits | index}, in a {@code char} ({@value #CHAR_WAIT_BITS} bits of index: indices below
 * {@value #CHAR_LONG_WAIT}, waits below 4,096 s) or in a {@code long} ({@value #LONG_WAIT_BITS} bits, any wait within
 * an {@code Instant}'s range). Packed waits sorted as unsigned numbers are therefore sorted by class, then by wait.
 *
 * <p>Not exported by the module: nothing here is API.
 */
public final class OutcomeClass {
  /** The class of an answered call. */
  public static final int ANSWERED = 0;
  /** The class of an abandoned call. */
  public static final int ABANDONED = 1;
  /** The class of a call that left unanswered for the reason of ordinal {@code r} is {@code FLOW_OUT + r}. */
  public static final int FLOW_OUT = 2;
  /** How many classes there are. */
  public static final int COUNT = FLOW_OUT + FlowOutReason.values().length;
  /** Bits of a packed wait that hold its class. */
  public static final int BITS = 3;
  /** Bits of a {@code char} packed wait that hold its wait index. */
  public static final int CHAR_WAIT_BITS = Character.SIZE - BITS;
  /**
   * Wait indices of this value or more (waits of 4,096 s, 1 h 8 min 16 s, or more) do not fit a {@code char} packed
   * wait.
   */
  public static final int CHAR_LONG_WAIT = 1 << CHAR_WAIT_BITS;
  /** Bits of a {@code long} packed wait that hold its wait index. */
  public static final int LONG_WAIT_BITS = Long.SIZE - BITS;

  private static final long LONG_WAIT_MASK = (1L << LONG_WAIT_BITS) - 1;

  static {
    // A new flow-out reason must not silently overflow the packed waits of the report and the live window.
    if (COUNT > 1 << BITS) {
      throw new IllegalStateException(COUNT + " outcome classes do not fit the " + BITS
          + " class bits of a packed wait (expected at most " + (1 << BITS) + ")");
    }
  }

  private OutcomeClass() {}

  /**
   * Returns the class of an ended outcome.
   *
   * @param outcome  answered, abandoned or left unanswered
   * @param reason  the flow-out reason for {@link Outcome#LEFT_UNANSWERED}, else ignored
   * @throws IllegalArgumentException if the outcome is {@link Outcome#WAITING}
   * @throws NullPointerException if the outcome is left unanswered and the reason is null
   */
  public static int of(Outcome outcome, @Nullable FlowOutReason reason) {
    switch (outcome) {
      case ANSWERED:
        return ANSWERED;
      case ABANDONED:
        return ABANDONED;
      case LEFT_UNANSWERED:
        if (reason == null) {
          throw new NullPointerException("reason");
        }
        return flowOut(reason.ordinal());
      default:
        throw new IllegalArgumentException("a waiting call has no outcome class (it has no wait yet)");
    }
  }

  /** Returns the class of a flow-out for the reason of an ordinal. */
  public static int flowOut(int reasonOrdinal) {
    return FLOW_OUT + reasonOrdinal;
  }

  /**
   * Returns the wait index (see the class documentation) of the wait from one instant to a later one, given as their
   * epoch seconds and nanoseconds of the second: {@code 2·⌊w⌋}, plus one if {@code w} has a fraction of a second.
   */
  public static long waitIndex(long fromSecond, int fromNano, long toSecond, int toNano) {
    long seconds = toSecond - fromSecond;
    if (toNano < fromNano) {
      seconds--;
    }
    return 2 * seconds + (toNano != fromNano ? 1 : 0);
  }

  /** Returns the wait index of a wait of a whole number of seconds exactly: {@code 2 · seconds}. */
  public static long indexOfWholeSeconds(long seconds) {
    return Math.multiplyExact(seconds, 2L);
  }

  /** Returns the whole seconds of a wait from its index, truncated: {@code ⌊w⌋ = index / 2}. */
  public static long wholeSeconds(long index) {
    return index >> 1;
  }

  /**
   * Returns the largest wait index within a threshold: the one rule by which Callmetrics decides if a wait is
   * "within {@code T}" (the service level's {@code T}, the short-abandon threshold {@code S}, the live monitor's
   * watches). A wait is within if its index is at most the result.
   *
   * <ul>
   *   <li>inclusive, at the source's resolution: {@code w ≤ T ⟺ v ≤ 2T};
   *   <li>inclusive, in whole seconds (truncated): {@code ⌊w⌋ ≤ T ⟺ v ≤ 2T + 1};
   *   <li>strict, at either resolution: {@code w < T ⟺ ⌊w⌋ < T ⟺ v ≤ 2T − 1}.
   * </ul>
   *
   * @param thresholdSeconds  {@code T}, whole seconds, zero or more
   * @param inclusive  whether a wait equal to {@code T} is within it
   * @param wholeSeconds  whether waits are truncated to whole seconds first
   * @return the largest index within {@code T}; −1 (no wait) for a strict threshold of zero
   */
  public static long largestIndexWithin(long thresholdSeconds, boolean inclusive, boolean wholeSeconds) {
    if (thresholdSeconds > Long.MAX_VALUE >> 2) {
      return Long.MAX_VALUE; // longer than any wait between two instants
    }
    long twice = 2 * thresholdSeconds;
    if (!inclusive) {
      return twice - 1;
    }
    return wholeSeconds ? twice + 1 : twice;
  }

  /** Packs a class and a wait index below {@value #CHAR_LONG_WAIT} into a {@code char}. */
  public static char packChar(int outcomeClass, long waitIndex) {
    return (char) (outcomeClass << CHAR_WAIT_BITS | (int) waitIndex);
  }

  /** Returns the class of a {@code char} packed wait. */
  public static int charClass(char packed) {
    return packed >>> CHAR_WAIT_BITS;
  }

  /** Returns the wait index of a {@code char} packed wait. */
  public static int charWait(char packed) {
    return packed & (CHAR_LONG_WAIT - 1);
  }

  /** Packs a class and a wait index, zero or more (below 2<sup>61</sup>), into a {@code long}. */
  public static long packLong(int outcomeClass, long waitIndex) {
    return (long) outcomeClass << LONG_WAIT_BITS | waitIndex;
  }

  /** Returns the class of a {@code long} packed wait. */
  public static int longClass(long packed) {
    return (int) (packed >>> LONG_WAIT_BITS);
  }

  /** Returns the wait index of a {@code long} packed wait. */
  public static long longWait(long packed) {
    return packed & LONG_WAIT_MASK;
  }
}
