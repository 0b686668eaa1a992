package io.github.callmetrics.staffing;

/**
 * A non-negative number {@code mantissa · 2^exponent} with a long exponent, for sums whose terms would
 * overflow a double (the Erlang A queue tail when traffic exceeds the agents). Scaling by powers of two is
 * exact, so ratios of two scaled numbers keep full double precision.
 */
record Scaled(double mantissa, long exponent) {
  static final Scaled ZERO = new Scaled(0, 0);

  /**
   * ln 2 split so that {@code k · LN2_HI} is exact for |k| below 2^20 (as in fdlibm): the high part has its
   * low 21 bits zero, which the hexadecimal literal shows; the values are fdlibm's
   * {@code 6.93147180369123816490e-01} and {@code 1.90821492927058770002e-10}.
   */
  private static final double LN2_HI = 0x1.62e42feep-1;
  private static final double LN2_LO = 0x1.a39ef35793c76p-33;

  static Scaled of(double value) {
    return normalize(value, 0);
  }

  /** Returns {@code e^z} for any finite {@code z}, without overflow or underflow. */
  static Scaled exp(double z) {
    long k = (long) Math.floor(z / (LN2_HI + LN2_LO));
    double r = (z - k * LN2_HI) - k * LN2_LO;
    return normalize(Math.exp(r), k);
  }

  static Scaled normalize(double mantissa, long exponent) {
    if (mantissa == 0) {
      return ZERO;
    }
    int g = Math.getExponent(mantissa);
    return new Scaled(Math.scalb(mantissa, -g), exponent + g);
  }

  Scaled times(Scaled other) {
    return normalize(mantissa * other.mantissa, exponent + other.exponent);
  }

  Scaled times(double factor) {
    return normalize(mantissa * factor, exponent);
  }

  Scaled plus(Scaled other) {
    return add(other, 1);
  }

  Scaled minus(Scaled other) {
    return add(other, -1);
  }

  /** Returns {@code this / other} as a double (0 if {@code this} is zero). */
  double divide(Scaled other) {
    if (mantissa == 0) {
      return 0;
    }
    return shift(mantissa / other.mantissa, exponent - other.exponent);
  }

  private Scaled add(Scaled other, int sign) {
    if (other.mantissa == 0) {
      return this;
    }
    if (mantissa == 0) {
      return normalize(sign * other.mantissa, other.exponent);
    }
    long top = Math.max(exponent, other.exponent);
    return normalize(shift(mantissa, exponent - top) + sign * shift(other.mantissa, other.exponent - top), top);
  }

  private static double shift(double m, long by) {
    return Math.scalb(m, (int) Math.max(-4000, Math.min(4000, by)));
  }
}
