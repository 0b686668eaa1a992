package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * What a report shows: the interval grid, how calls are attributed to intervals, the dimensions rows are
 * grouped by, the definitions whose figures stand side by side (each with a threshold per queue and channel if
 * given), and any queues and channels that must appear even without calls.
 *
 * <pre>{@code
 * ReportSpec spec = ReportSpec.builder(IntervalGrid.of(YearMonth.of(2026, 3), ZoneId.of("Europe/Amsterdam"),
 *         IntervalLength.MINUTES_15))
 *     .definitions(Preset.DEFAULT.definition(), Preset.ASTERISK_SL2.definition())
 *     .groupBy(Dimension.QUEUE, Dimension.CHANNEL, Dimension.INTERVAL)
 *     .build();
 * Report report = spec.report(calls);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportSpec {
  private final IntervalGrid grid;
  private final Attribution attribution;
  private final ImmutableSet<Dimension> dimensions;
  private final ImmutableList<ServiceLevelDefinition> definitions;
  /** Per definition: its thresholds per queue and channel (empty for none). */
  private final ImmutableList<QueueThresholds> thresholds;
  /** Per definition: the definition with each threshold its queues use, by threshold. */
  private final ImmutableList<ImmutableMap<Duration, ServiceLevelDefinition>> byThreshold;
  private final ImmutableSet<String> queues;
  private final ImmutableSet<Channel> channels;

  private ReportSpec(Builder b) {
    grid = b.grid;
    attribution = b.attribution;
    dimensions = Sets.immutableEnumSet(b.dimensions);
    definitions = ImmutableList.copyOf(b.definitions);
    List<QueueThresholds> t = new ArrayList<>();
    List<ImmutableMap<Duration, ServiceLevelDefinition>> resolved = new ArrayList<>();
    for (int d = 0; d < definitions.size(); d++) {
      QueueThresholds q = b.thresholds.getOrDefault(d, QueueThresholds.of(Map.of()));
      t.add(q);
      resolved.add(resolve(definitions.get(d), q));
    }
    thresholds = ImmutableList.copyOf(t);
    byThreshold = ImmutableList.copyOf(resolved);
    queues = ImmutableSet.copyOf(b.queues);
    channels = ImmutableSet.copyOf(b.channels);
  }

  /** The definition under each threshold its queues and channels name, checked once (S < T). */
  private static ImmutableMap<Duration, ServiceLevelDefinition> resolve(ServiceLevelDefinition definition,
      QueueThresholds thresholds) {
    Map<Duration, ServiceLevelDefinition> resolved = new TreeMap<>();
    for (Duration t : thresholds.all()) {
      try {
        resolved.put(t, definition.withThreshold(t));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("definition " + definition.name() + " with the threshold of its queue "
            + thresholds.queueOf(t) + ": " + e.getMessage(), e);
      }
    }
    return ImmutableMap.copyOf(resolved);
  }

  /**
   * Obtains a builder for a report over a grid. Defaults: attribution by {@linkplain Attribution#ARRIVAL
   * arrival}, rows per queue, channel and interval, the {@linkplain ServiceLevelDefinition#standard()
   * default definition}.
   *
   * @param grid  the interval grid, not null
   * @return a new builder
   */
  public static Builder builder(IntervalGrid grid) {
    return new Builder(requireNonNull(grid, "grid"));
  }

  /** {@return the interval grid} */
  public IntervalGrid grid() {
    return grid;
  }

  /** {@return how calls are attributed to intervals} */
  public Attribution attribution() {
    return attribution;
  }

  /** {@return the dimensions the rows are grouped by} */
  public Set<Dimension> dimensions() {
    return dimensions;
  }

  /** {@return the definitions, in the order their figures appear; never empty} */
  public List<ServiceLevelDefinition> definitions() {
    return definitions;
  }

  /**
   * Returns the thresholds per queue and channel of one definition; empty if the definition's threshold applies to
   * every queue.
   *
   * @param definitionIndex  the definition's position in {@link #definitions()}, from 0
   * @return the thresholds
   * @throws IndexOutOfBoundsException if there is no such definition
   */
  public QueueThresholds queueThresholds(int definitionIndex) {
    return thresholds.get(definitionIndex);
  }

  /**
   * Returns the definition a queue's channel is measured by in one column of the report: the definition at
   * {@code definitionIndex} with the queue's (or the queue's channel's) threshold, if its
   * {@linkplain #queueThresholds(int) thresholds} name one, else the definition itself.
   *
   * @param definitionIndex  the definition's position in {@link #definitions()}, from 0
   * @param queue  the queue, not null
   * @param channel  the channel, not null
   * @return the definition
   * @throws IndexOutOfBoundsException if there is no such definition
   */
  public ServiceLevelDefinition definition(int definitionIndex, String queue, Channel channel) {
    return definition(definitionIndex, thresholds.get(definitionIndex).threshold(queue, channel));
  }

  /** The definition at an index with a threshold of its queues, or itself. */
  ServiceLevelDefinition definition(int definitionIndex, Optional<Duration> threshold) {
    ServiceLevelDefinition base = definitions.get(definitionIndex);
    return threshold.map(t -> requireNonNull(byThreshold.get(definitionIndex).get(t), "resolved at build"))
        .orElse(base);
  }

  /** {@return the queues that appear in the report even without calls} */
  public Set<String> queues() {
    return queues;
  }

  /** {@return the channels that appear in the report even without calls} */
  public Set<Channel> channels() {
    return channels;
  }

  /** {@return a new, empty accumulator for this report} */
  public ReportAccumulator newAccumulator() {
    return new ReportAccumulator(this);
  }

  /**
   * Computes the report of some calls; equivalent to adding each to a {@link #newAccumulator()} and
   * calling {@link ReportAccumulator#report()}.
   *
   * @param calls  the calls, not null
   * @return the report
   */
  public Report report(Iterable<Call> calls) {
    ReportAccumulator accumulator = newAccumulator();
    accumulator.addAll(calls);
    return accumulator.report();
  }

  /**
   * Computes the report of a list of calls on every core: the same report as {@link #report(Iterable)}, to the
   * last count, in a little over half the time on two cores. The list is cut into one range per thread (the
   * calling thread and those of the common fork/join pool, up to one per core); each thread counts its range into
   * an accumulator of its own, 4,096 calls at a time, and when done takes the last 4,096 calls not yet taken of the
   * range with the most left, so that all finish together; then the accumulators are merged, and the report's
   * store is sorted by every core as well. A list of fewer than 8,192 calls is counted on the calling thread.
   *
   * <p>Prefer this to {@code calls.parallelStream().collect(collector())} for a list already in memory: a
   * parallel stream gives each thread fixed parts of the list (on two cores, two quarters each), and when one
   * part is slower to count, for example because its calls lie scattered in memory, one thread waits for the
   * other (see
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/performance.md">docs/performance.md</a>).
   *
   * <p>If several calls are bad (null, or beyond the report's limits), which of their errors is thrown is not
   * defined, and no thread counts further than the block it is in.
   *
   * @param calls  the calls, not null, none null; not changed while they are counted
   * @return the report
   * @throws NullPointerException if a call is null
   * @throws IllegalStateException if the report would exceed its limits (see
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/performance.md">docs/performance.md</a>)
   */
  public Report parallelReport(List<Call> calls) {
    return ParallelCount.report(this, calls, ParallelCount.threads(), ParallelCount.BLOCK);
  }

  /**
   * Returns a collector that computes this report from a stream of calls, sequential or parallel. Each
   * thread counts into its own accumulator and the accumulators are merged (without copying their counted
   * calls); on a parallel stream the report's store is then sorted by every core as well (in the common
   * fork/join pool). Sequential and parallel streams give equal reports.
   *
   * @return the collector
   */
  public Collector<Call, ReportAccumulator, Report> collector() {
    return Collector.of(
        this::newAccumulator,
        ReportAccumulator::add,
        ReportAccumulator::combine,
        ReportAccumulator::finish,
        Collector.Characteristics.UNORDERED);
  }

  /** {@return a builder holding this spec's choices} */
  public Builder toBuilder() {
    Builder b = new Builder(grid);
    b.attribution = attribution;
    b.dimensions = EnumSet.noneOf(Dimension.class);
    b.dimensions.addAll(dimensions);
    b.definitions = definitions;
    for (int d = 0; d < thresholds.size(); d++) {
      if (!thresholds.get(d).isEmpty()) {
        b.thresholds.put(d, thresholds.get(d));
      }
    }
    b.queues = queues;
    b.channels = channels;
    return b;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ReportSpec)) {
      return false;
    }
    ReportSpec other = (ReportSpec) o;
    return grid.equals(other.grid) && attribution == other.attribution && dimensions.equals(other.dimensions)
        && definitions.equals(other.definitions) && thresholds.equals(other.thresholds) && queues.equals(other.queues)
        && channels.equals(other.channels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(grid, attribution, dimensions, definitions, thresholds, queues, channels);
  }

  @Override
  public String toString() {
    return "ReportSpec{" + grid + ", " + attribution + ", by " + dimensions + ", " + definitions.size()
        + " definition(s)}";
  }

  /** Builds a {@link ReportSpec}. Not thread-safe. */
  public static final class Builder {
    private IntervalGrid grid;
    private Attribution attribution = Attribution.ARRIVAL;
    private EnumSet<Dimension> dimensions = EnumSet.allOf(Dimension.class);
    private List<ServiceLevelDefinition> definitions = List.of(ServiceLevelDefinition.standard());
    private final Map<Integer, QueueThresholds> thresholds = new LinkedHashMap<>();
    private Set<String> queues = Set.of();
    private Set<Channel> channels = Set.of();

    private Builder(IntervalGrid grid) {
      this.grid = grid;
    }

    /**
     * Sets the interval grid.
     *
     * @param grid  the grid
     * @return this builder
     */
    public Builder grid(IntervalGrid grid) {
      this.grid = requireNonNull(grid, "grid");
      return this;
    }

    /**
     * Sets how calls are attributed to intervals.
     *
     * @param attribution  the attribution
     * @return this builder
     */
    public Builder attribution(Attribution attribution) {
      this.attribution = requireNonNull(attribution, "attribution");
      return this;
    }

    /**
     * Sets the dimensions rows are grouped by; none gives one row for everything.
     *
     * @param dimensions  the dimensions, in any order
     * @return this builder
     */
    public Builder groupBy(Dimension... dimensions) {
      return groupBy(Arrays.asList(requireNonNull(dimensions, "dimensions")));
    }

    /**
     * Sets the dimensions rows are grouped by; none gives one row for everything.
     *
     * @param dimensions  the dimensions, in any order
     * @return this builder
     */
    public Builder groupBy(Iterable<Dimension> dimensions) {
      EnumSet<Dimension> set = EnumSet.noneOf(Dimension.class);
      for (Dimension d : dimensions) {
        set.add(requireNonNull(d, "dimension"));
      }
      this.dimensions = set;
      return this;
    }

    /**
     * Sets the definitions whose figures stand side by side, in order, and clears any thresholds per queue set
     * before; equivalent to {@code definitions(List.of(definitions))}.
     *
     * @param definitions  the definitions, at least one
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder definitions(ServiceLevelDefinition... definitions) {
      return definitions(Arrays.asList(requireNonNull(definitions, "definitions")));
    }

    /**
     * Sets the definitions whose figures stand side by side, in order, and clears any
     * {@linkplain #queueThresholds(int, QueueThresholds) thresholds per queue} set before (they are set by position).
     *
     * @param definitions  the definitions, at least one
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder definitions(List<ServiceLevelDefinition> definitions) {
      List<ServiceLevelDefinition> copy = ImmutableList.copyOf(requireNonNull(definitions, "definitions"));
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("a report needs at least one definition (got none)");
      }
      this.definitions = copy;
      this.thresholds.clear();
      return this;
    }

    /**
     * Sets the thresholds per queue and channel of one definition (replacing any set before): each queue's calls
     * are measured against their own queue's threshold in that definition's figures, the other queues against
     * the definition's threshold. A row over several queues counts each call against its own queue's threshold
     * (see
     * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reports.md">docs/reports.md</a>). Empty thresholds undo it. Reports apply them; the live monitor
     * ({@code LiveMonitor}) does not yet, and measures every queue by the definition's own threshold.
     *
     * @param definitionIndex  the definition's position in the {@linkplain #definitions(List) definitions}, from 0
     * @param thresholds  the thresholds, not null
     * @return this builder
     * @throws IllegalArgumentException if the index is negative ({@link #build()} checks it names a definition)
     */
    public Builder queueThresholds(int definitionIndex, QueueThresholds thresholds) {
      requireNonNull(thresholds, "thresholds");
      if (definitionIndex < 0) {
        throw new IllegalArgumentException("definition index " + definitionIndex + " is negative (expected the"
            + " position of a definition, from 0)");
      }
      this.thresholds.put(definitionIndex, thresholds);
      return this;
    }

    /**
     * Sets queues that appear in the report even when they have no calls.
     *
     * @param queues  the queue names, not blank
     * @return this builder
     */
    public Builder queues(String... queues) {
      requireNonNull(queues, "queues");
      for (String q : queues) {
        if (requireNonNull(q, "queue").isBlank()) {
          throw new IllegalArgumentException("queue \"" + q + "\" is blank (expected a non-blank queue name)");
        }
      }
      this.queues = ImmutableSet.copyOf(queues);
      return this;
    }

    /**
     * Sets channels that appear in the report even when they have no calls.
     *
     * @param channels  the channels
     * @return this builder
     */
    public Builder channels(Channel... channels) {
      this.channels = ImmutableSet.copyOf(requireNonNull(channels, "channels"));
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws IllegalArgumentException if thresholds are set for a definition index beyond the definitions, or a
     *     queue's threshold is not above the definition's short-abandon threshold
     */
    public ReportSpec build() {
      for (int d : thresholds.keySet()) {
        if (d >= definitions.size()) {
          throw new IllegalArgumentException("thresholds per queue are set for definition " + d + " of a report with "
              + definitions.size() + " definition(s) (expected an index from 0 to " + (definitions.size() - 1) + ")");
        }
      }
      return new ReportSpec(this);
    }
  }
}
