package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The work offered to a queue: traffic intensity {@code A} in Erlangs and the average handle time
 * {@code AHT}. {@code A = calls · AHT / interval}: 100 calls in 30 minutes with an AHT of 3 minutes are
 * {@code 100 · 180 s / 1800 s = 10} Erlangs, that is ten agents busy all the time on average.
 *
 * <p>The models need both: the traffic decides how many agents are busy, the handle time sets the clock
 * (the arrival rate is {@code λ = A / AHT} calls per second and the service rate of one agent is
 * {@code μ = 1 / AHT}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Workload {
  private final double erlangs;
  private final Duration averageHandleTime;

  private Workload(double erlangs, Duration averageHandleTime) {
    this.erlangs = erlangs;
    this.averageHandleTime = averageHandleTime;
  }

  /**
   * Obtains the workload of a number of calls arriving in an interval.
   *
   * @param calls  calls offered in the interval, zero or more
   * @param interval  the interval's length, positive
   * @param averageHandleTime  average handle time (talk + hold + after-call work), positive
   * @return the workload with {@code A = calls · averageHandleTime / interval}, rounded once to a double
   * @throws IllegalArgumentException if a value is outside its range
   */
  public static Workload of(long calls, Duration interval, Duration averageHandleTime) {
    requireNonNull(interval, "interval");
    requireNonNull(averageHandleTime, "averageHandleTime");
    if (calls < 0) {
      throw new IllegalArgumentException("calls " + calls + " is negative (expected zero or more)");
    }
    requirePositive("interval", interval);
    requirePositive("average handle time", averageHandleTime);
    BigDecimal erlangs = BigDecimal.valueOf(calls)
        .multiply(nanos(averageHandleTime))
        .divide(nanos(interval), MathContext.DECIMAL128);
    return new Workload(erlangs.doubleValue(), averageHandleTime);
  }

  /**
   * Obtains a workload from its traffic intensity.
   *
   * @param erlangs  traffic intensity {@code A} in Erlangs, finite, zero or more
   * @param averageHandleTime  average handle time, positive
   * @return the workload
   * @throws IllegalArgumentException if a value is outside its range
   */
  public static Workload ofErlangs(double erlangs, Duration averageHandleTime) {
    requireNonNull(averageHandleTime, "averageHandleTime");
    requirePositive("average handle time", averageHandleTime);
    return new Workload(checkErlangs(erlangs), averageHandleTime);
  }

  /** {@return the traffic intensity {@code A} in Erlangs, zero or more} */
  public double erlangs() {
    return erlangs;
  }

  /** {@return the average handle time {@code AHT}, positive} */
  public Duration averageHandleTime() {
    return averageHandleTime;
  }

  /** {@return the average handle time in seconds, with its nanoseconds} */
  public double averageHandleTimeSeconds() {
    return seconds(averageHandleTime);
  }

  /** {@return the arrival rate {@code λ = A / AHT} in calls per second} */
  public double arrivalsPerSecond() {
    return erlangs / averageHandleTimeSeconds();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Workload
        && Double.compare(((Workload) o).erlangs, erlangs) == 0
        && ((Workload) o).averageHandleTime.equals(averageHandleTime);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(erlangs) * 31 + averageHandleTime.hashCode();
  }

  /** Returns the workload as text, for example {@code "10.0 Erlangs, AHT PT3M"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s Erlangs, AHT %s", erlangs, averageHandleTime);
  }

  static double checkErlangs(double erlangs) {
    if (!(erlangs >= 0) || Double.isInfinite(erlangs)) {
      throw new IllegalArgumentException("traffic " + erlangs
          + " Erlangs is not a finite number, zero or more (expected for example 10.0)");
    }
    return erlangs;
  }

  static Duration requirePositive(String what, Duration d) {
    requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " " + d + " is not positive (expected for example PT3M)");
    }
    return d;
  }

  static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private static BigDecimal nanos(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).scaleByPowerOfTen(9).add(BigDecimal.valueOf(d.getNano()));
  }
}
