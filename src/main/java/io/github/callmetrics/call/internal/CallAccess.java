package io.github.callmetrics.call.internal;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Call}'s fields as primitives, opened to the report accumulator without making them public API (the
 * JDK's {@code SharedSecrets} pattern, as {@code TallyAccess}): counting a year of calls reads these for every
 * call, and the public accessors build an {@code Instant}, a {@code Duration} and an {@code Optional} each time.
 * The call package registers the one implementation when {@link Call} is initialised. This package is not
 * exported by the module.
 */
public interface CallAccess {
  /** Returns the epoch second of {@link Call#arrived()}. */
  long arrivedSecond(Call call);

  /**
   * Returns the epoch second of {@link Call#outcomeAt()}, or of {@link Call#arrived()} for a waiting call
   * (it has not left).
   */
  long exitSecond(Call call);

  /**
   * Returns the wait index of an ended call ({@link OutcomeClass#waitIndex}): its wait at the source's resolution,
   * as counts keep it. Meaningless for a waiting call.
   */
  long waitIndex(Call call);

  /** Returns the ordinal of {@link Call#channel()}, which the call keeps as it is (no enum looked up). */
  int channelOrdinal(Call call);

  /** Returns the ordinal of {@link Call#outcome()}, which the call keeps as it is (no enum looked up). */
  int outcomeOrdinal(Call call);

  /**
   * Returns the ordinal of {@link Call#flowOutReason()}, which the call keeps as it is (no enum or
   * {@code Optional}), or −1 if it has none.
   */
  int flowOutReasonOrdinal(Call call);

  /** Returns whether {@link Call#handleTime()} is present. */
  boolean hasHandleTime(Call call);

  /** Returns the seconds part of {@link Call#handleTime()} ({@code Duration.getSeconds()}), 0 if absent. */
  long handleSeconds(Call call);

  /** Returns the nanosecond part of {@link Call#handleTime()} ({@code Duration.getNano()}); only if present. */
  int handleNanos(Call call);

  /**
   * Obtains a call from primitives, with the checks and messages of the public factories, in their order:
   * {@code Call.answered} (or {@code abandoned}, {@code leftUnanswered}, {@code waiting}), then
   * {@code withChannel}, then {@code withHandleTime}; one object instead of up to three calls, two instants
   * and a duration. For readers, which parse the primitives straight from their input.
   *
   * @param reason  the flow-out reason for {@link Outcome#LEFT_UNANSWERED}, else null
   * @param outcomeSecond  the outcome's epoch second; ignored for {@link Outcome#WAITING}
   * @param outcomeNano  the outcome's nanosecond of the second; ignored for {@link Outcome#WAITING}
   * @param arrivedNano  0 to 999,999,999, as {@code Instant.getNano()}; so are {@code outcomeNano} and
   *     {@code handleNanos}
   * @param hasHandleTime  whether the call has a handle time; if not, the next two are ignored
   * @throws io.github.callmetrics.call.InvalidCallException if a rule is broken
   */
  Call create(String id, String queue, Channel channel, Outcome outcome, @Nullable FlowOutReason reason,
      long arrivedSecond, int arrivedNano, long outcomeSecond, int outcomeNano, boolean hasHandleTime,
      long handleSeconds, int handleNanos);

  /** Holds the registered implementation. */
  final class Holder {
    private static volatile @Nullable CallAccess instance;

    private Holder() {}

    /** Registers the implementation; called once by the call package. */
    public static void register(CallAccess access) {
      instance = access;
    }

    /** Returns the implementation, initialising {@link Call} first if needed. */
    public static CallAccess get() {
      CallAccess access = instance;
      if (access == null) {
        try {
          Class.forName(Call.class.getName(), true, Call.class.getClassLoader()); // registers the implementation
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        access = Objects.requireNonNull(instance, "Call registers the implementation when initialised");
      }
      return access;
    }
  }
}
