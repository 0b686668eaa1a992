package io.github.callmetrics.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Assertions on figures as a calculator shows them. */
final class Digits {
  private Digits() {}

  /** Rounds half-up to a number of decimals, the way a published figure is shown. */
  static BigDecimal rounded(double value, int decimals) {
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP);
  }

  /** Asserts that {@code value} shows as {@code published} to the published number of decimals. */
  static void assertShowsAs(double value, String published) {
    BigDecimal expected = new BigDecimal(published);
    assertThat(rounded(value, expected.scale())).as("%s shown to %d decimals", value, expected.scale())
        .isEqualByComparingTo(expected);
  }

  /** Asserts agreement to a relative tolerance. */
  static void assertRelative(double actual, double expected, double tolerance) {
    double error = Math.abs(actual - expected) / Math.abs(expected);
    assertThat(error).as("relative error of %s against %s", actual, expected).isLessThanOrEqualTo(tolerance);
  }
}
