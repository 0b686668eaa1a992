package io.github.callmetrics.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A ratio of two counts, such as a service level of 17 calls out of 20: {@code numerator / denominator},
 * with {@code 0 ≤ numerator ≤ denominator}. A ratio whose denominator is zero is <em>undefined</em>: it has
 * no value, and {@link #value()} and {@link #percent()} are empty rather than 0, 100 or NaN.
 *
 * <p>The counts are always available, so a report can show "17 of 20" next to "85.0%", and ratios of
 * longer periods are computed from summed counts, never from averaged percentages.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares numerator and denominator (so 1/2
 * and 2/4 are not equal: they are different counts).
 */
public final class Ratio implements Comparable<Ratio> {
  private static final Ratio UNDEFINED = new Ratio(0, 0);

  private final long numerator;
  private final long denominator;

  private Ratio(long numerator, long denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * Obtains the ratio of two counts.
   *
   * @param numerator  the count that met the condition, zero or more, at most {@code denominator}
   * @param denominator  the count it is out of, zero or more; zero makes the ratio undefined
   * @return the ratio
   * @throws IllegalArgumentException if a count is negative or the numerator exceeds the denominator
   */
  public static Ratio of(long numerator, long denominator) {
    if (numerator < 0 || numerator > denominator) { // so the denominator is never negative either
      throw new IllegalArgumentException("ratio " + numerator + "/" + denominator
          + " is not a ratio of counts (expected 0 <= numerator <= denominator)");
    }
    return denominator == 0 ? UNDEFINED : new Ratio(numerator, denominator);
  }

  /** {@return the undefined ratio {@code 0/0}} */
  public static Ratio undefined() {
    return UNDEFINED;
  }

  /** {@return the numerator} */
  public long numerator() {
    return numerator;
  }

  /** {@return the denominator; zero if and only if the ratio is undefined} */
  public long denominator() {
    return denominator;
  }

  /** {@return whether the ratio has a value, that is if its denominator is not zero} */
  public boolean isDefined() {
    return denominator != 0;
  }

  /**
   * Returns the ratio as a fraction from 0 to 1.
   *
   * @return {@code numerator / denominator}, or empty if undefined
   */
  public OptionalDouble value() {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
  }

  /**
   * Returns the ratio in percent, from 0 to 100.
   *
   * @return {@code 100 · numerator / denominator}, or empty if undefined
   */
  public OptionalDouble percent() {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * numerator / denominator);
  }

  /**
   * Returns the ratio as a decimal fraction rounded half-up to a number of decimal places.
   *
   * @param scale  decimal places, zero or more
   * @return the fraction, or empty if undefined
   */
  public Optional<BigDecimal> toBigDecimal(int scale) {
    if (denominator == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP));
  }

  /**
   * Checks if the ratio reaches a target, exactly: {@code numerator / denominator ≥ target} without
   * rounding.
   *
   * @param target  a fraction, for example {@code 0.80}
   * @return {@link TargetStatus#MET} or {@link TargetStatus#MISSED}, or {@link TargetStatus#UNDEFINED} if
   *     the ratio is undefined
   */
  public TargetStatus meets(BigDecimal target) {
    if (denominator == 0) {
      return TargetStatus.UNDEFINED;
    }
    boolean met = BigDecimal.valueOf(numerator).compareTo(target.multiply(BigDecimal.valueOf(denominator))) >= 0;
    return met ? TargetStatus.MET : TargetStatus.MISSED;
  }

  /**
   * Formats the ratio as a percentage with a number of decimals, rounded half-up, for example
   * {@code "85.0%"}; an undefined ratio gives {@code "undefined"}.
   *
   * @param decimals  decimal places, zero or more
   * @return the text
   */
  public String formatPercent(int decimals) {
    if (denominator == 0) {
      return "undefined";
    }
    BigDecimal percent = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
    return percent.toPlainString() + "%";
  }

  /**
   * Compares by value; an undefined ratio sorts before every defined one, and equal values are ordered by
   * denominator.
   */
  @Override
  public int compareTo(Ratio other) {
    // The undefined ratio 0/0 needs no case of its own: both cross products are 0, so it is ordered by its
    // denominator, 0, before every defined ratio.
    int byValue = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(other.denominator))
        .compareTo(BigDecimal.valueOf(other.numerator).multiply(BigDecimal.valueOf(denominator)));
    return byValue != 0 ? byValue : Long.compare(denominator, other.denominator);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Ratio && ((Ratio) o).numerator == numerator && ((Ratio) o).denominator == denominator;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
  }

  /** Returns the ratio as text: {@code "17/20 (85.0%)"}, or {@code "undefined (0/0)"}. */
  @Override
  public String toString() {
    return denominator == 0
        ? "undefined (0/0)"
        : String.format(Locale.ROOT, "%d/%d (%s)", numerator, denominator, formatPercent(1));
  }
}
