package io.github.callmetrics.report;

import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.Ratio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The CSV report's numbers, appended without a string or a {@code BigDecimal} per cell, exactly as the
 * {@code BigDecimal} rounding the formats document writes them (a test holds them to it on random values).
 * Values past the exact {@code long} range take the {@code BigDecimal} path.
 */
final class CsvNumbers {
  /**
   * Up to this total (about 73 years) and {@link #MAX_EXACT_COUNT}, an average is rounded in {@code long}:
   * {@code 2 · nanos + count · 10^6} stays below {@code Long.MAX_VALUE}.
   */
  private static final long MAX_EXACT_TOTAL_SECONDS = Long.MAX_VALUE / 4_000_000_000L;
  /** See {@link #MAX_EXACT_TOTAL_SECONDS}. */
  private static final long MAX_EXACT_COUNT = Long.MAX_VALUE / 8_000_000L;
  /** Up to this denominator, six decimals of a fraction are computed in {@code long} without overflow. */
  private static final long MAX_EXACT_DENOMINATOR = Long.MAX_VALUE / 4_000_000;

  private CsvNumbers() {}

  /**
   * Appends seconds with up to three decimals, rounded half up and without trailing zeros ({@code 12.5},
   * {@code 7}), as {@code BigDecimal.setScale(3, HALF_UP).stripTrailingZeros().toPlainString()} writes them.
   */
  static void appendSeconds(StringBuilder s, Duration d) {
    if (d.isNegative()) {
      BigDecimal v = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
      s.append(v.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
      return;
    }
    long seconds = d.getSeconds();
    int millis = (d.getNano() + 500_000) / 1_000_000;
    if (millis == 1000) {
      seconds++;
      millis = 0;
    }
    appendMillis(s, seconds, millis);
  }

  /**
   * Appends an average in seconds as {@code average.secondsRounded(3)} gives it, without trailing zeros: the
   * exact total over the count, rounded half up once (never via the nanosecond mean); nothing if undefined.
   */
  static void appendAverage(StringBuilder s, AverageDuration average) {
    long count = average.count();
    if (count == 0) {
      return;
    }
    Duration total = average.total();
    if (total.isNegative() || total.getSeconds() > MAX_EXACT_TOTAL_SECONDS || count > MAX_EXACT_COUNT) {
      average.secondsRounded(3).ifPresent(v -> s.append(v.stripTrailingZeros().toPlainString()));
      return;
    }
    // millis = round half up (nanos / (count · 10^6)) = floor((2 · nanos + count · 10^6) / (2 · count · 10^6)).
    long nanos = total.getSeconds() * 1_000_000_000L + total.getNano();
    long perMilli = count * 1_000_000L;
    long millis = (2 * nanos + perMilli) / (2 * perMilli);
    appendMillis(s, millis / 1000, (int) (millis % 1000));
  }

  /**
   * Appends a ratio as a fraction with six decimals, rounded half up ({@code 0.305700}), as {@link
   * Ratio#toBigDecimal(int)} gives it; nothing if undefined.
   */
  static void appendFraction(StringBuilder s, Ratio ratio) {
    long n = ratio.numerator();
    long d = ratio.denominator();
    if (d == 0) {
      return;
    }
    if (n < 0 || d < 0 || d > MAX_EXACT_DENOMINATOR) {
      ratio.toBigDecimal(6).ifPresent(v -> s.append(v.toPlainString()));
      return;
    }
    // n / d = whole + rest / d; six decimals of rest / d, half up: floor((2 · rest · 10^6 + d) / (2 · d)).
    long whole = n / d;
    long micros = (2 * (n % d) * 1_000_000 + d) / (2 * d);
    if (micros == 1_000_000) {
      whole++;
      micros = 0;
    }
    s.append(whole).append('.');
    decimals(s, micros, 6);
  }

  /** Appends whole seconds and 0–999 milliseconds with no trailing zeros: {@code 12.5}, not {@code 12.500}. */
  private static void appendMillis(StringBuilder s, long seconds, int millis) {
    s.append(seconds);
    if (millis != 0) {
      s.append('.');
      decimals(s, millis, 3);
      while (s.charAt(s.length() - 1) == '0') {
        s.setLength(s.length() - 1);
      }
    }
  }

  /** Appends {@code value} as exactly {@code digits} digits, with leading zeros. */
  private static void decimals(StringBuilder s, long value, int digits) {
    long limit = 10;
    for (int i = 1; i < digits; i++) {
      if (value < limit) {
        s.append('0');
      }
      limit *= 10;
    }
    s.append(value);
  }
}
