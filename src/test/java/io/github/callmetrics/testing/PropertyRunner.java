package io.github.callmetrics.testing;

import java.time.Duration;
import java.util.Locale;

/**
 * Runs a property over many seeded cases: each case gets its own {@link Generators} from a seed derived from a
 * base seed, and a failing case throws an {@link AssertionError} whose message holds the case's seed, the
 * command that re-runs exactly that case, and the inputs the property noted.
 *
 * <pre>{@code
 * @Test
 * void mergeIsCommutative() {
 *   PropertyRunner.forAll(2_000, g -> {
 *     TallySnapshot a = TallySnapshot.of(g.note("a", g.calls(g.scene(), 20)));
 *     ...
 *   });
 * }
 * }</pre>
 *
 * <p>System properties (Maven passes {@code -D} options on to the tests):
 * <ul>
 *   <li>{@value #SEED_PROPERTY}: the base seed, a number (default {@value #DEFAULT_SEED}, so every run checks the
 *       same cases), or {@code random} for a new base seed per run (printed with any failure). Case 0 runs with
 *       the base seed itself, so {@code -Dcallmetrics.seed=S -Dcallmetrics.cases=1} re-runs the case of seed
 *       {@code S} alone;
 *   <li>{@value #CASES_PROPERTY}: how many cases every property runs, instead of its own default (raise it for a
 *       longer search, {@code 1} to re-run one case);
 *   <li>{@value #TIMING_PROPERTY}: {@code true} prints each property's cases, time and the process's CPU time.
 * </ul>
 *
 * <p>There is no shrinking: the generators favour small inputs and edge values instead, so a failing case is
 * usually small already.
 */
public final class PropertyRunner {
  /** The system property holding the base seed. */
  public static final String SEED_PROPERTY = "callmetrics.seed";
  /** The system property holding the number of cases per property. */
  public static final String CASES_PROPERTY = "callmetrics.cases";
  /** The base seed when none is given. */
  public static final long DEFAULT_SEED = 20_261_123L;

  /** The system property that, when true, prints each property's CPU time (to tune case counts). */
  public static final String TIMING_PROPERTY = "callmetrics.timing";

  private static final int MAX_NOTE_CHARS = 3_000;

  private PropertyRunner() {}

  /** One property: checks one case, with the case's generators; throws (an assertion error or any other) on failure. */
  @FunctionalInterface
  public interface Property {
    /**
     * Checks one case.
     *
     * @param g  the case's generators
     * @throws Exception if the property does not hold
     */
    void check(Generators g) throws Exception;
  }

  /**
   * Runs a property over {@code defaultCases} cases (or {@value #CASES_PROPERTY} cases if set), each with its own
   * seed, and stops at the first failure.
   *
   * @param defaultCases  the number of cases when {@value #CASES_PROPERTY} is not set
   * @param property  the property
   * @throws AssertionError at the first case that fails, naming its seed and how to re-run it
   */
  public static void forAll(int defaultCases, Property property) {
    StackWalker.StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.filter(PropertyRunner::isTestMethod).findFirst())
        .orElseThrow(() -> new IllegalStateException("forAll is not called from a test of io.github.callmetrics"));
    String testClass = caller.getDeclaringClass().getSimpleName();
    String testMethod = caller.getMethodName();
    long base = baseSeed();
    int cases = Integer.getInteger(CASES_PROPERTY, defaultCases);
    long seed = base;
    long wallBefore = System.nanoTime();
    Duration cpuBefore = processCpu();
    for (int i = 0; i < cases; i++) {
      Generators g = new Generators(seed);
      try {
        property.check(g);
      } catch (Throwable t) {
        if (t instanceof VirtualMachineError) {
          throw (VirtualMachineError) t;
        }
        throw new AssertionError(failure(testClass, testMethod, i, cases, seed, base, g, t), t);
      }
      seed = nextSeed(seed);
    }
    if (Boolean.getBoolean(TIMING_PROPERTY)) {
      System.out.printf(Locale.ROOT, "property %s.%s: %d cases, %d ms, %d ms CPU (process, JIT and GC included)%n",
          testClass, testMethod, cases, (System.nanoTime() - wallBefore) / 1_000_000,
          processCpu().minus(cpuBefore).toMillis());
    }
  }

  /** The test method that runs the property: the first frame of our own code, past lambdas and test libraries. */
  private static boolean isTestMethod(StackWalker.StackFrame f) {
    return f.getDeclaringClass() != PropertyRunner.class
        && f.getDeclaringClass().getName().startsWith("io.github.callmetrics.")
        && !f.getMethodName().startsWith("lambda$");
  }

  private static Duration processCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static long baseSeed() {
    String given = System.getProperty(SEED_PROPERTY);
    if (given == null || given.isBlank()) {
      return DEFAULT_SEED;
    }
    if (given.strip().toLowerCase(Locale.ROOT).equals("random")) {
      return System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    }
    try {
      return Long.parseLong(given.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + given
          + " is not a seed (expected a whole number or random)", e);
    }
  }

  /** The seed of the case after a case: one step of SplitMix64, so the cases' seeds are well spread. */
  static long nextSeed(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String failure(String testClass, String testMethod, int index, int cases, long seed, long base,
      Generators g, Throwable t) {
    StringBuilder s = new StringBuilder()
        .append("property ").append(testClass).append('.').append(testMethod)
        .append(" failed on case ").append(index + 1).append(" of ").append(cases)
        .append(", seed ").append(seed).append(" (base seed ").append(base).append(")\n")
        .append("  re-run this case: mvn -q -B test -Dtest=").append(testClass).append('#').append(testMethod)
        .append(" -D").append(SEED_PROPERTY).append('=').append(seed)
        .append(" -D").append(CASES_PROPERTY).append("=1\n");
    g.notes().forEach((name, value) -> {
      String text = String.valueOf(value);
      if (text.length() > MAX_NOTE_CHARS) {
        text = text.substring(0, MAX_NOTE_CHARS) + "... (" + text.length() + " characters)";
      }
      s.append("  ").append(name).append(": ").append(text).append('\n');
    });
    return s.append("  failure: ").append(t).toString();
  }
}
