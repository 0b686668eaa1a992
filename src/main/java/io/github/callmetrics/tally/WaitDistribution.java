package io.github.callmetrics.tally;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.definition.ThresholdBoundary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The exact distribution of a set of waits at one-second resolution: how many waits lasted exactly
 * 0 s, 1 s, 2 s, ... (whole seconds, truncated). From it come the counts within any threshold, the
 * longest wait, the total (for averages) and exact percentiles.
 *
 * <p>Only the seconds that occur are stored, as a sorted list of distinct waits with cumulative counts, so
 * a distribution of a million calls that waited under a minute holds at most 60 entries.
 *
 * <p><b>Percentiles</b> use the nearest-rank method: the {@code p}-th percentile of {@code n} waits is
 * the smallest wait {@code w} such that at least {@code p%} of the waits are {@code ≤ w}, that is the
 * wait of rank {@code ⌈p·n/100⌉} in ascending order. It is always one of the observed waits, never an
 * interpolation.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares the distributions.
 */
public final class WaitDistribution {
  private static final WaitDistribution EMPTY = new WaitDistribution(new long[0], new long[0], 0);

  /** Distinct waits in seconds, ascending. */
  private final long[] values;
  /** {@code cumulative[i]} = how many waits are {@code ≤ values[i]}. */
  private final long[] cumulative;
  private final long totalSeconds;

  private WaitDistribution(long[] values, long[] cumulative, long totalSeconds) {
    this.values = values;
    this.cumulative = cumulative;
    this.totalSeconds = totalSeconds;
  }

  /** Returns the distribution of no waits. */
  public static WaitDistribution empty() {
    return EMPTY;
  }

  /**
   * Obtains the distribution of the given waits.
   *
   * @param waitSeconds  waits in whole seconds, each zero or more
   * @return the distribution
   * @throws IllegalArgumentException if a wait is negative
   */
  public static WaitDistribution of(long... waitSeconds) {
    requireNonNull(waitSeconds, "waitSeconds");
    WaitHistogram h = new WaitHistogram();
    for (long w : waitSeconds) {
      h.record(w);
    }
    return h.toDistribution();
  }

  /** Creates a distribution from distinct ascending waits and their counts (each positive). */
  static WaitDistribution ofBuckets(long[] values, long[] counts, long totalSeconds) {
    long[] cumulative = new long[counts.length];
    long running = 0;
    for (int i = 0; i < counts.length; i++) {
      running = Math.addExact(running, counts[i]);
      cumulative[i] = running;
    }
    return new WaitDistribution(values, cumulative, totalSeconds);
  }

  /**
   * Creates a distribution from distinct ascending waits and their cumulative counts, taken as they are: the
   * report store builds these straight from its sorted waits.
   */
  static WaitDistribution ofCumulative(long[] values, long[] cumulative, long totalSeconds) {
    return values.length == 0 ? EMPTY : new WaitDistribution(values, cumulative, totalSeconds);
  }

  /** Returns how many waits there are. */
  public long count() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** Checks if there are no waits. */
  public boolean isEmpty() {
    return values.length == 0;
  }

  /** Returns the sum of the waits in whole seconds. */
  public long totalSeconds() {
    return totalSeconds;
  }

  /** Returns the sum of the waits. */
  public Duration total() {
    return Duration.ofSeconds(totalSeconds);
  }

  /**
   * Returns the longest wait.
   *
   * @return the longest wait, or empty if there are no waits
   */
  public Optional<Duration> max() {
    return values.length == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(values[values.length - 1]));
  }

  /**
   * Returns the longest wait in whole seconds.
   *
   * @return the longest wait, or empty if there are no waits
   */
  public OptionalLong maxSeconds() {
    return values.length == 0 ? OptionalLong.empty() : OptionalLong.of(values[values.length - 1]);
  }

  /**
   * Returns how many waits lasted at most the given number of seconds ({@code wait ≤ seconds}).
   *
   * @param seconds  whole seconds; a negative value counts nothing
   * @return the count
   */
  public long countAtMost(long seconds) {
    int i = Arrays.binarySearch(values, seconds);
    int below = i >= 0 ? i + 1 : -i - 1; // entries whose value is <= seconds
    return below == 0 ? 0 : cumulative[below - 1];
  }

  /**
   * Returns how many waits are within a threshold under a boundary: {@code wait ≤ T} when inclusive,
   * {@code wait < T} when strict.
   *
   * @param thresholdSeconds  {@code T} in whole seconds
   * @param boundary  the boundary, not null
   * @return the count
   */
  public long countWithin(long thresholdSeconds, ThresholdBoundary boundary) {
    return countAtMost(boundary.largestWaitWithin(thresholdSeconds));
  }

  /**
   * Returns how many waits lasted exactly the given number of whole seconds.
   *
   * @param seconds  whole seconds
   * @return the count
   */
  public long countAt(long seconds) {
    return countAtMost(seconds) - countAtMost(seconds - 1);
  }

  /**
   * Returns the {@code percent}-th percentile by the nearest-rank method (see the class documentation).
   *
   * @param percent  the percentile, greater than 0 and at most 100 (for example 50, 80, 90, 95, 99)
   * @return the percentile, or empty if there are no waits
   * @throws IllegalArgumentException if {@code percent} is not in (0, 100]
   */
  public Optional<Duration> percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile " + percent + " is outside (0, 100] (expected for example 50, 90 or 99)");
    }
    if (values.length == 0) {
      return Optional.empty();
    }
    // rank = ceil(percent * n / 100), computed exactly so 80% of 5 is rank 4, not 5: in long arithmetic for
    // the whole percents reports use (50, 80, 90, 95, 99; a live wallboard asks for them every second),
    // with BigDecimal otherwise.
    long n = count();
    long rank = percent == (long) percent && n <= (Long.MAX_VALUE - 99) / 100
        ? (((long) percent) * n + 99) / 100
        : BigDecimal.valueOf(percent).multiply(BigDecimal.valueOf(n))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
    int i = Arrays.binarySearch(cumulative, Math.max(rank, 1));
    int index = i >= 0 ? i : -i - 1; // first entry whose cumulative count reaches the rank
    return Optional.of(Duration.ofSeconds(values[index]));
  }

  /**
   * Returns the distribution of the waits that lasted longer than a number of seconds
   * ({@code wait > seconds}), leaving out the shorter ones.
   *
   * @param seconds  whole seconds; a negative value keeps every wait
   * @return the distribution of the longer waits
   */
  public WaitDistribution longerThan(long seconds) {
    if (countAtMost(seconds) == 0) {
      return this;
    }
    WaitHistogram h = new WaitHistogram();
    forEachBucket((wait, count) -> {
      if (wait > seconds) {
        h.record(wait, count);
      }
    });
    return h.toDistribution();
  }

  /**
   * Returns the distribution of the waits of both this and another distribution.
   *
   * @param other  the other distribution, not null
   * @return the combined distribution
   */
  public WaitDistribution plus(WaitDistribution other) {
    requireNonNull(other, "other");
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    // Merge the two sorted lists of distinct waits: linear, and no dense histogram to allocate.
    long[] v = new long[values.length + other.values.length];
    long[] c = new long[v.length];
    int i = 0;
    int j = 0;
    int n = 0;
    long running = 0;
    while (i < values.length || j < other.values.length) {
      long a = i < values.length ? values[i] : Long.MAX_VALUE;
      long b = j < other.values.length ? other.values[j] : Long.MAX_VALUE;
      long wait = Math.min(a, b);
      if (a == wait) {
        running = Math.addExact(running, cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]));
        i++;
      }
      if (b == wait) {
        running = Math.addExact(running, other.cumulative[j] - (j == 0 ? 0 : other.cumulative[j - 1]));
        j++;
      }
      v[n] = wait;
      c[n++] = running;
    }
    return new WaitDistribution(Arrays.copyOf(v, n), Arrays.copyOf(c, n),
        Math.addExact(totalSeconds, other.totalSeconds));
  }

  /** Calls {@code action} with each distinct wait and how many waits lasted that long, ascending. */
  void forEachBucket(BucketAction action) {
    long previous = 0;
    for (int i = 0; i < values.length; i++) {
      action.accept(values[i], cumulative[i] - previous);
      previous = cumulative[i];
    }
  }

  @FunctionalInterface
  interface BucketAction {
    void accept(long seconds, long count);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof WaitDistribution)) {
      return false;
    }
    WaitDistribution other = (WaitDistribution) o;
    return totalSeconds == other.totalSeconds
        && Arrays.equals(values, other.values)
        && Arrays.equals(cumulative, other.cumulative);
  }

  @Override
  public int hashCode() {
    return (31 * Arrays.hashCode(values) + Arrays.hashCode(cumulative)) * 31 + Long.hashCode(totalSeconds);
  }

  /** Returns the distribution as text, for example {@code WaitDistribution{0s×3, 12s×1, 40s×2}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("WaitDistribution{");
    forEachBucket((seconds, count) -> s.append(s.length() > 17 ? ", " : "").append(seconds).append("s×").append(count));
    return s.append('}').toString();
  }
}
