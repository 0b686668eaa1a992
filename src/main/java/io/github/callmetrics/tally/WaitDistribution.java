package io.github.callmetrics.tally;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The exact distribution of a set of waits in buckets of half-open seconds: for each whole second {@code s}, how
 * many waits lasted exactly {@code s} seconds, and how many lasted more than {@code s} and less than {@code s + 1}
 * (a fraction of a second, as sources with millisecond instants give). That is all a count needs to compare the
 * waits with any whole-second threshold exactly, at the source's resolution or truncated to whole seconds
 * ({@link #countWithin(long, ThresholdBoundary, WaitResolution)}). From it come the counts within any threshold, the
 * longest wait, the total (for averages) and exact percentiles, these three in whole seconds, truncated.
 *
 * <p>Only the buckets that occur are stored, as a sorted list of distinct buckets with cumulative counts, so
 * a distribution of a million calls that waited under a minute holds at most 120 entries.
 *
 * <p><b>Percentiles</b> use the nearest-rank method: the {@code p}-th percentile of {@code n} waits is
 * the smallest wait {@code w} such that at least {@code p%} of the waits are {@code ≤ w}, that is the
 * wait of rank {@code ⌈p·n/100⌉} in ascending order, truncated to whole seconds. It is always one of the observed
 * waits (truncated), never an interpolation, and the same as the percentile of the truncated waits: a 20.9 s wait
 * of that rank gives 20 s.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares the distributions.
 */
public final class WaitDistribution {
  private static final WaitDistribution EMPTY = new WaitDistribution(new long[0], new long[0], 0);

  /** Distinct wait indices ({@link OutcomeClass#waitIndex}), ascending. */
  private final long[] values;
  /** {@code cumulative[i]} = how many waits have an index {@code ≤ values[i]}. */
  private final long[] cumulative;
  /** The sum of the waits' whole seconds, truncated. */
  private final long totalSeconds;

  private WaitDistribution(long[] values, long[] cumulative, long totalSeconds) {
    this.values = values;
    this.cumulative = cumulative;
    this.totalSeconds = totalSeconds;
  }

  /** {@return the distribution of no waits} */
  public static WaitDistribution empty() {
    return EMPTY;
  }

  /**
   * Obtains the distribution of the given waits, each a whole number of seconds exactly.
   *
   * @param waitSeconds  waits in whole seconds, each zero or more
   * @return the distribution
   * @throws IllegalArgumentException if a wait is negative
   */
  public static WaitDistribution of(long... waitSeconds) {
    requireNonNull(waitSeconds, "waitSeconds");
    WaitHistogram h = new WaitHistogram();
    for (long w : waitSeconds) {
      if (w < 0) {
        throw new IllegalArgumentException("wait " + w + " s is negative (expected zero or more)");
      }
      h.record(OutcomeClass.indexOfWholeSeconds(w));
    }
    return h.toDistribution();
  }

  /** Creates a distribution from distinct ascending wait indices and their counts (each positive). */
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
   * Creates a distribution from distinct ascending wait indices and their cumulative counts, taken as they are: the
   * report store builds these straight from its sorted waits.
   */
  static WaitDistribution ofCumulative(long[] values, long[] cumulative, long totalSeconds) {
    return values.length == 0 ? EMPTY : new WaitDistribution(values, cumulative, totalSeconds);
  }

  /** {@return how many waits there are} */
  public long count() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** {@return whether there are no waits} */
  public boolean isEmpty() {
    return values.length == 0;
  }

  /** {@return the sum of the waits in whole seconds, each truncated} */
  public long totalSeconds() {
    return totalSeconds;
  }

  /** {@return the sum of the waits, each truncated to whole seconds} */
  public Duration total() {
    return Duration.ofSeconds(totalSeconds);
  }

  /**
   * Returns the longest wait, truncated to whole seconds.
   *
   * @return the longest wait, or empty if there are no waits
   */
  public Optional<Duration> max() {
    return values.length == 0 ? Optional.empty()
        : Optional.of(Duration.ofSeconds(OutcomeClass.wholeSeconds(values[values.length - 1])));
  }

  /**
   * Returns the longest wait in whole seconds, truncated.
   *
   * @return the longest wait, or empty if there are no waits
   */
  public OptionalLong maxSeconds() {
    return values.length == 0 ? OptionalLong.empty()
        : OptionalLong.of(OutcomeClass.wholeSeconds(values[values.length - 1]));
  }

  /**
   * Returns how many waits lasted at most the given number of seconds ({@code wait ≤ seconds}), exactly: a wait of
   * 20.001 s is not at most 20 s.
   *
   * @param seconds  whole seconds; a negative value counts nothing
   * @return the count
   */
  public long countAtMost(long seconds) {
    return countAtMostIndex(indexAt(seconds));
  }

  /** Returns how many waits have an index at most {@code index}. */
  private long countAtMostIndex(long index) {
    int i = Arrays.binarySearch(values, index);
    int below = i >= 0 ? i + 1 : -i - 1; // entries whose value is <= index
    return below == 0 ? 0 : cumulative[below - 1];
  }

  /**
   * Returns how many waits are within a threshold under a boundary, at the source's resolution: {@code wait ≤ T}
   * when inclusive, {@code wait < T} when strict. Equivalent to
   * {@code countWithin(thresholdSeconds, boundary, WaitResolution.SOURCE)}.
   *
   * @param thresholdSeconds  {@code T} in whole seconds
   * @param boundary  the boundary, not null
   * @return the count
   */
  public long countWithin(long thresholdSeconds, ThresholdBoundary boundary) {
    return countWithin(thresholdSeconds, boundary, WaitResolution.SOURCE);
  }

  /**
   * Returns how many waits are within a threshold under a boundary and a wait resolution: at the
   * {@linkplain WaitResolution#SOURCE source's resolution} {@code wait ≤ T} when inclusive, {@code wait < T} when
   * strict; in {@linkplain WaitResolution#WHOLE_SECONDS whole seconds} {@code ⌊wait⌋ ≤ T} and {@code ⌊wait⌋ < T}.
   * For example waits of 19.999, 20, 20.001 and 20.9 s: 2 within 20 s inclusive at the source's resolution, 4 in
   * whole seconds, 1 strict at either resolution.
   *
   * @param thresholdSeconds  {@code T} in whole seconds, zero or more
   * @param boundary  the boundary, not null
   * @param resolution  the resolution, not null
   * @return the count
   */
  public long countWithin(long thresholdSeconds, ThresholdBoundary boundary, WaitResolution resolution) {
    return countAtMostIndex(largestIndexWithin(thresholdSeconds, boundary, resolution));
  }

  /** The rule of {@link OutcomeClass#largestIndexWithin}, for a boundary and a resolution. */
  private static long largestIndexWithin(long thresholdSeconds, ThresholdBoundary boundary,
      WaitResolution resolution) {
    return OutcomeClass.largestIndexWithin(thresholdSeconds, requireNonNull(boundary, "boundary")
        == ThresholdBoundary.INCLUSIVE, requireNonNull(resolution, "resolution") == WaitResolution.WHOLE_SECONDS);
  }

  /**
   * Returns how many waits lasted the given number of whole seconds, truncated: {@code ⌊wait⌋ = seconds}.
   *
   * @param seconds  whole seconds
   * @return the count
   */
  public long countAt(long seconds) {
    if (seconds < 0) {
      return 0;
    }
    long first = indexAt(seconds);
    return first == Long.MAX_VALUE ? 0 : countAtMostIndex(first + 1) - countAtMostIndex(first - 1);
  }

  /** The index of a wait of whole seconds; −1 below zero, the largest {@code long} past any wait's index. */
  private static long indexAt(long seconds) {
    return seconds < 0 ? -1 : seconds > Long.MAX_VALUE >> 2 ? Long.MAX_VALUE : 2 * seconds;
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
    // Truncating after ranking is truncating before: whole seconds are a monotone function of the index.
    return Optional.of(Duration.ofSeconds(OutcomeClass.wholeSeconds(values[index])));
  }

  /**
   * Returns the distribution of the waits that lasted longer than a number of seconds
   * ({@code wait > seconds}, exactly: 20.001 s is longer than 20 s), leaving out the shorter ones.
   *
   * @param seconds  whole seconds; a negative value keeps every wait
   * @return the distribution of the longer waits
   */
  public WaitDistribution longerThan(long seconds) {
    return aboveIndex(indexAt(seconds));
  }

  /**
   * Returns the distribution of the waits that are not within a threshold, leaving out those within it: the
   * complement of {@link #countWithin(long, ThresholdBoundary, WaitResolution)}, so
   * {@code notWithin(t, b, r).count() == count() - countWithin(t, b, r)}.
   *
   * @param thresholdSeconds  {@code T} in whole seconds, zero or more
   * @param boundary  the boundary, not null
   * @param resolution  the resolution, not null
   * @return the distribution of the waits over {@code T}
   */
  public WaitDistribution notWithin(long thresholdSeconds, ThresholdBoundary boundary, WaitResolution resolution) {
    return aboveIndex(largestIndexWithin(thresholdSeconds, boundary, resolution));
  }

  /** The distribution of the waits whose index is above {@code index}. */
  private WaitDistribution aboveIndex(long index) {
    if (countAtMostIndex(index) == 0) {
      return this;
    }
    WaitHistogram h = new WaitHistogram();
    forEachBucket((wait, count) -> {
      if (wait > index) {
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

  /** Calls {@code action} with each distinct wait index and how many waits have it, ascending. */
  void forEachBucket(BucketAction action) {
    long previous = 0;
    for (int i = 0; i < values.length; i++) {
      action.accept(values[i], cumulative[i] - previous);
      previous = cumulative[i];
    }
  }

  @FunctionalInterface
  interface BucketAction {
    void accept(long index, long count);
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

  /**
   * Returns the distribution as text, for example {@code WaitDistribution{0s×3, 12s×1, (12,13)s×2, 40s×2}}:
   * {@code (12,13)s} are the waits longer than 12 s and shorter than 13 s.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("WaitDistribution{");
    forEachBucket((index, count) -> {
      s.append(s.length() > 17 ? ", " : "");
      long seconds = OutcomeClass.wholeSeconds(index);
      if ((index & 1) == 0) {
        s.append(seconds);
      } else {
        s.append('(').append(seconds).append(',').append(seconds + 1).append(')');
      }
      s.append("s×").append(count);
    });
    return s.append('}').toString();
  }
}
