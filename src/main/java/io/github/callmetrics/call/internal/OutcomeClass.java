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
 * <p>A packed wait holds the class in its top {@value #BITS} bits and the wait in whole seconds in the bits below:
 * {@code class << waitBits | wait}, in a {@code char} ({@value #CHAR_WAIT_BITS} bits of wait, waits below
 * {@value #CHAR_LONG_WAIT} s) or in a {@code long} ({@value #LONG_WAIT_BITS} bits, any wait within an
 * {@code Instant}'s range). Packed waits sorted as unsigned numbers are therefore sorted by class, then by wait.
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
  /** Bits of a {@code char} packed wait that hold its whole seconds. */
  public static final int CHAR_WAIT_BITS = Character.SIZE - BITS;
  /** Waits of this many seconds (2 h 16 min 32 s) or more do not fit a {@code char} packed wait. */
  public static final int CHAR_LONG_WAIT = 1 << CHAR_WAIT_BITS;
  /** Bits of a {@code long} packed wait that hold its whole seconds. */
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

  /** Packs a class and a wait of fewer than {@value #CHAR_LONG_WAIT} whole seconds into a {@code char}. */
  public static char packChar(int outcomeClass, long waitSeconds) {
    return (char) (outcomeClass << CHAR_WAIT_BITS | (int) waitSeconds);
  }

  /** Returns the class of a {@code char} packed wait. */
  public static int charClass(char packed) {
    return packed >>> CHAR_WAIT_BITS;
  }

  /** Returns the whole seconds of a {@code char} packed wait. */
  public static int charWait(char packed) {
    return packed & (CHAR_LONG_WAIT - 1);
  }

  /** Packs a class and a wait of zero or more whole seconds (below 2<sup>61</sup>) into a {@code long}. */
  public static long packLong(int outcomeClass, long waitSeconds) {
    return (long) outcomeClass << LONG_WAIT_BITS | waitSeconds;
  }

  /** Returns the class of a {@code long} packed wait. */
  public static int longClass(long packed) {
    return (int) (packed >>> LONG_WAIT_BITS);
  }

  /** Returns the whole seconds of a {@code long} packed wait. */
  public static long longWait(long packed) {
    return packed & LONG_WAIT_MASK;
  }
}
