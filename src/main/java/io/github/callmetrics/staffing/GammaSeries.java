package io.github.callmetrics.staffing;

/**
 * The series behind the Erlang A queue: with terms {@code t_k = z^k / (c·(c+1)···(c+k))} for
 * {@code k ≥ 0} it sums {@code S = Σ t_k}, {@code K = Σ k·t_k} and {@code H = Σ t_k·h_k} with
 * {@code h_k = Σ_{i=0..k} 1/(c+i)}. {@code S} is Tricomi's form of the lower incomplete gamma function,
 * {@code S(c, z) = e^z z^(−c) γ(c, z)}; {@code H = −∂S/∂c}.
 *
 * <p>Terms are built by the ratio {@code z / (c+k)}, so no power or factorial is formed; the running sums
 * are rescaled by {@code 2^−512} whenever a term passes {@code 2^512}. Summation stops once the terms
 * decrease (ratio below 1) and a geometric bound on every remaining tail is below {@code 1e-18} of its sum.
 */
final class GammaSeries {
  /** The relative size of the tail left off. */
  static final double TAIL = 1e-18;
  /** The most terms summed; a model that needs more is outside the range this library serves. */
  static final long MAX_TERMS = 400_000_000L;

  private static final double BIG = 0x1p512;

  final Scaled sum;
  final Scaled kSum;
  final Scaled hSum;

  private GammaSeries(Scaled sum, Scaled kSum, Scaled hSum) {
    this.sum = sum;
    this.kSum = kSum;
    this.hSum = hSum;
  }

  static GammaSeries of(double c, double z) {
    double term = 1 / c;
    double h = 1 / c;
    double s = term;
    double sk = 0;
    double sh = term * h;
    long scale = 0;
    for (long k = 1; ; k++) {
      double ck = c + k;
      double r = z / ck;
      term *= r;
      h += 1 / ck;
      s += term;
      sk += k * term;
      sh += term * h;
      if (term > BIG) {
        term = Math.scalb(term, -512);
        s = Math.scalb(s, -512);
        sk = Math.scalb(sk, -512);
        sh = Math.scalb(sh, -512);
        scale += 512;
      }
      if (r < 1) {
        // The ratios only fall from here, so the tail after term k is at most term·r/(1−r), and the
        // weights k and h_k grow by at most 1 and 1/(c+k) a term.
        double tail = term * r / (1 - r);
        if (tail <= TAIL * s
            && tail * (k + 1 / (1 - r)) <= TAIL * sk
            && tail * (h + 1 / ((1 - r) * ck)) <= TAIL * sh) {
          break;
        }
      }
      if (k >= MAX_TERMS) {
        throw new ArithmeticException("Erlang A queue tail needs more than " + MAX_TERMS
            + " terms (traffic·patience/AHT " + z + ", agents·patience/AHT " + c
            + "): patience is too long for the traffic above the agents (expected a shorter patience)");
      }
    }
    return new GammaSeries(Scaled.normalize(s, scale), Scaled.normalize(sk, scale), Scaled.normalize(sh, scale));
  }
}
