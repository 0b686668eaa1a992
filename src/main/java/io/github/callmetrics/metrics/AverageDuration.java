package io.github.callmetrics.metrics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * An average of durations, such as the average speed of answer: a {@linkplain #total() total} over a
 * {@linkplain #count() count}. The average of no durations is <em>undefined</em>: {@link #value()} is empty,
 * never zero.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AverageDuration {
  /** Enough significant digits for a double's nearest value: the quotient is rounded once, not via nanoseconds. */
  private static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private final Duration total;
  private final long count;

  private AverageDuration(Duration total, long count) {
    this.total = total;
    this.count = count;
  }

  /**
   * Obtains the average of {@code count} durations that add up to {@code total}.
   *
   * @param total  the sum, zero or more
   * @param count  how many durations, zero or more; zero makes the average undefined
   * @return the average
   * @throws IllegalArgumentException if the total or the count is negative, or the count is zero and the
   *     total is not
   */
  public static AverageDuration of(Duration total, long count) {
    requireNonNull(total, "total");
    if (total.isNegative() || count < 0 || (count == 0 && !total.isZero())) {
      throw new IllegalArgumentException("average of " + total + " over " + count
          + " durations is not valid (expected a total and a count of zero or more, and no total without a count)");
    }
    return new AverageDuration(total, count);
  }

  /** {@return the sum of the durations} */
  public Duration total() {
    return total;
  }

  /** {@return how many durations were averaged} */
  public long count() {
    return count;
  }

  /** {@return whether the average has a value, that is if at least one duration was averaged} */
  public boolean isDefined() {
    return count != 0;
  }

  /**
   * Returns the average, rounded half-up to the nanosecond.
   *
   * @return {@code total / count}, or empty if undefined
   */
  public Optional<Duration> value() {
    if (count == 0) {
      return Optional.empty();
    }
    BigInteger nanos = BigInteger.valueOf(total.getSeconds()).multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(total.getNano()));
    BigInteger[] qr = nanos.divideAndRemainder(BigInteger.valueOf(count));
    BigInteger rounded = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(count)) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    BigInteger[] secondsAndNanos = rounded.divideAndRemainder(NANOS_PER_SECOND);
    return Optional.of(Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue()));
  }

  /**
   * Returns the average in seconds, the double nearest the exact {@code total / count} (not the average
   * rounded to the nanosecond first).
   *
   * @return the average in seconds, or empty if undefined
   */
  public OptionalDouble seconds() {
    if (count == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(exactNanos().divide(BigDecimal.valueOf(count), SEVENTEEN_DIGITS).doubleValue());
  }

  /**
   * Returns the average in seconds rounded half-up once to a number of decimals, straight from the exact
   * {@code total / count} ({@code (540.001 s + 305.999999999 s) / 2 = 423.0004999995 s} gives 423.000 at
   * three decimals; rounding to the nanosecond first would give 423.0005, then 423.001).
   *
   * @param decimals  decimal places, zero or more
   * @return the average in seconds, or empty if undefined
   */
  public Optional<BigDecimal> secondsRounded(int decimals) {
    return count == 0 ? Optional.empty() : Optional.of(rounded(decimals));
  }

  private BigDecimal exactNanos() {
    return new BigDecimal(BigInteger.valueOf(total.getSeconds()).multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(total.getNano())), 9);
  }

  /**
   * Returns {@code total / count} in seconds rounded half-up once, straight from the exact nanoseconds, so
   * that 0.04999999995 s shows as 0.0 s at one decimal (rounding to the nanosecond first would give 0.1 s).
   */
  private BigDecimal rounded(int decimals) {
    return exactNanos().divide(BigDecimal.valueOf(count), decimals, RoundingMode.HALF_UP);
  }

  /**
   * Formats the average in seconds with a number of decimals, rounded half-up, for example {@code "7.8 s"};
   * an undefined average gives {@code "undefined"}.
   *
   * @param decimals  decimal places, zero or more
   * @return the text
   */
  public String formatSeconds(int decimals) {
    return count == 0 ? "undefined" : rounded(decimals).toPlainString() + " s";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AverageDuration && ((AverageDuration) o).count == count && ((AverageDuration) o).total.equals(total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(total, count);
  }

  /** Returns the average as text, for example {@code "7.8 s (78 s over 10)"} or {@code "undefined (0 s over 0)"}. */
  @Override
  public String toString() {
    return formatSeconds(1) + " (" + total.getSeconds() + " s over " + count + ")";
  }
}
