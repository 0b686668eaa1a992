package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's now and its late tolerance: the latest event instant seen (or given), or with a clock the later of
 * the clock and that instant; never goes back. Thread-safe.
 */
final class EventTime {
  private final @Nullable Clock clock;
  private final Duration lateTolerance;
  private final AtomicReference<Instant> latest;

  EventTime(@Nullable Clock clock, Duration lateTolerance, Instant start) {
    this.clock = clock;
    this.lateTolerance = lateTolerance;
    this.latest = new AtomicReference<>(start);
  }

  Duration lateTolerance() {
    return lateTolerance;
  }

  /** Returns now: the latest instant seen, or with a clock the later of that and the clock. */
  Instant now() {
    Instant seen = latestSeen();
    if (clock == null) {
      return seen;
    }
    Instant c = clock.instant();
    return c.isAfter(seen) ? c : seen;
  }

  /** Moves the latest instant seen forward to an instant; an earlier one changes nothing. */
  void advanceTo(Instant instant) {
    Instant current = latestSeen();
    while (instant.isAfter(current)) {
      if (latest.compareAndSet(current, instant)) {
        return;
      }
      current = latestSeen();
    }
  }

  /** The latest instant seen; set in the constructor and only ever replaced by a later instant. */
  private Instant latestSeen() {
    return requireNonNull(latest.get(), "latest");
  }

  /** Checks if an event instant is late: more than the tolerance before now. */
  boolean isLate(Instant at, Instant now) {
    return beyondTolerance(at, now);
  }

  /** Returns the clock's instant if an event instant is more than the tolerance after it, else null. */
  @Nullable Instant clockBehind(Instant at) {
    if (clock == null) {
      return null;
    }
    Instant c = clock.instant();
    return beyondTolerance(c, at) ? c : null;
  }

  /** Checks if {@code earlier} is more than the late tolerance before {@code later}, in exact arithmetic. */
  private boolean beyondTolerance(Instant earlier, Instant later) {
    long seconds = later.getEpochSecond() - earlier.getEpochSecond(); // Instants span ±3.2e16 s: no overflow
    int nanos = later.getNano() - earlier.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    long toleranceSeconds = lateTolerance.getSeconds();
    return seconds > toleranceSeconds || (seconds == toleranceSeconds && nanos > lateTolerance.getNano());
  }
}
