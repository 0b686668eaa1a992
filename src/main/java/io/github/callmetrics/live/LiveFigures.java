package io.github.callmetrics.live;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.tally.internal.TallyAccess;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one span of a live view: a measurement interval of the grid, or the sliding window.
 *
 * <p>{@link #counts()} are facts: for an interval, exactly the counts the batch report of every call seen so
 * far shows in that row (calls still waiting counted as waiting, placed by the spec's attribution); for the
 * window, the calls that ended in it. {@link #figures()} are the live view of those counts under each
 * definition of the spec: every call still waiting whose wait at the snapshot's instant already exceeds the
 * definition's threshold counts as if answered at that instant (a miss under every formula), placed by the
 * spec's attribution (in the window: always, since "now" is in it); calls still within the threshold do not
 * count yet. With no call waiting the figures are exactly {@code MetricsSummary.of(counts, definition)}.
 *
 * <p>The monitor copies what these figures need under the queue's lock (immutable counts, and the waits and
 * arrival intervals of the waiting calls); the counts and figures are computed from that copy on first use,
 * outside any lock, and kept. A span that no event and no waiting call changed since the last snapshot gets
 * the same instance again, figures already computed.
 *
 * <p>This class is immutable in effect and thread-safe. Two figures are equal when they are computed from
 * the same span, spec, interval, instant, counts of ended calls and waiting calls, and so show the same
 * counts and figures.
 */
public final class LiveFigures {
  private static final TallyAccess TALLY = TallyAccess.Holder.get();

  private final MeasurementInterval span;
  private final ReportSpec spec;
  /** The queue's own definitions, in the spec's order. */
  private final ImmutableList<ServiceLevelDefinition> definitions;
  /** The interval's index in the spec's grid, or -1 for the window (every waiting call's outcome is in it). */
  private final int index;
  /** The index of the interval that contains the snapshot's instant, or -1 if it is outside the grid. */
  private final int current;
  private final TallySnapshot ended;
  private final Waiting waiting;
  private volatile @Nullable TallySnapshot counts;
  private final AtomicReferenceArray<MetricsSummary> figures;

  LiveFigures(MeasurementInterval span, ReportSpec spec, QueueDefinitions definitions, int index, int current,
      TallySnapshot ended, Waiting waiting) {
    this.span = span;
    this.spec = spec;
    this.definitions = definitions.definitions;
    this.index = index;
    this.current = current;
    this.ended = ended;
    this.waiting = waiting;
    this.figures = new AtomicReferenceArray<>(this.definitions.size());
  }

  private LiveFigures(LiveFigures same, MeasurementInterval span) {
    this.span = span;
    this.spec = same.spec;
    this.definitions = same.definitions;
    this.index = same.index;
    this.current = same.current;
    this.ended = same.ended;
    this.waiting = same.waiting;
    this.counts = same.counts;
    this.figures = same.figures; // the same counts give the same figures: computed once for both
  }

  /**
   * Returns the same counts and figures over another span: the window, when no call was added to it or left
   * it and nobody waits, from one second to the next.
   */
  LiveFigures over(MeasurementInterval otherSpan) {
    return new LiveFigures(this, otherSpan);
  }

  /** {@return the interval, or for the window the whole seconds it covers as {@code [start, end)}} */
  public MeasurementInterval span() {
    return span;
  }

  /** {@return the counts, independent of any definition (see the class documentation)} */
  public TallySnapshot counts() {
    TallySnapshot c = counts;
    if (c == null) {
      long here = 0;
      if (index >= 0) {
        for (int i = 0; i < waiting.size(); i++) {
          if (waiting.arrivedIn[i] == index) {
            here++; // a waiting call counts whole (arrival and waiting) where it arrived, under every attribution
          }
        }
      }
      c = here == 0 ? ended : with(ended.answeredWaits(), here, here);
      counts = c;
    }
    return c;
  }

  /**
   * {@return the live figures, one per definition of the spec, in order} Each is the spec's definition with this
   * queue's own threshold where the spec sets thresholds per queue ({@link ReportSpec#definition(int, String,
   * io.github.callmetrics.call.Channel)}).
   */
  public List<MetricsSummary> figures() {
    ImmutableList.Builder<MetricsSummary> all = ImmutableList.builderWithExpectedSize(figures.length());
    for (int i = 0; i < figures.length(); i++) {
      all.add(figures(i));
    }
    return all.build();
  }

  /**
   * Returns the live figures under one of the spec's definitions, with this queue's own threshold if the spec sets one.
   *
   * @param definitionIndex  the definition's position in the spec, from 0
   * @return its figures
   * @throws IndexOutOfBoundsException if there is no such definition
   */
  public MetricsSummary figures(int definitionIndex) {
    MetricsSummary f = figures.get(definitionIndex);
    if (f == null) {
      f = compute(definitions.get(definitionIndex));
      figures.set(definitionIndex, f);
    }
    return f;
  }

  /**
   * The figures under one definition: each waiting call is placed by the spec's attribution, answered now (its
   * outcome in the current interval) if its wait is past the threshold, otherwise still waiting (it has not left:
   * whole in the interval it arrived in).
   */
  private MetricsSummary compute(ServiceLevelDefinition d) {
    if (waiting.size() == 0) {
      return MetricsSummary.of(ended, d);
    }
    long arrivals = 0;
    long stillWaiting = 0;
    long[] answeredNow = new long[waiting.size()];
    int answeredHere = 0;
    Attribution attribution = spec.attribution();
    long largestWithin = QueueDefinitions.largestIndexWithin(d);
    for (int i = 0; i < waiting.size(); i++) {
      long wait = waiting.waits[i];
      int arrivedIn = waiting.arrivedIn[i];
      if (wait > largestWithin) {
        if (index < 0 || attribution.arrivalIn(arrivedIn, current) == index) {
          arrivals++;
        }
        if (index < 0 || attribution.outcomeIn(arrivedIn, current) == index) {
          answeredNow[answeredHere++] = wait;
        }
      } else if (index >= 0 && attribution.outcomeIn(arrivedIn, arrivedIn) == index) {
        arrivals++;
        stillWaiting++;
      }
    }
    if (arrivals == 0 && stillWaiting == 0 && answeredHere == 0) {
      return MetricsSummary.of(ended, d);
    }
    WaitDistribution answered = ended.answeredWaits();
    if (answeredHere > 0) {
      answered = answered.plus(distribution(Arrays.copyOf(answeredNow, answeredHere)));
    }
    return MetricsSummary.of(with(answered, arrivals, stillWaiting), d);
  }

  /** The ended counts with other answered waits and more arrivals and waiting calls. */
  private TallySnapshot with(WaitDistribution answered, long moreArrivals, long moreWaiting) {
    WaitDistribution[] flowOuts = new WaitDistribution[FlowOutReason.values().length];
    for (FlowOutReason reason : FlowOutReason.values()) {
      flowOuts[reason.ordinal()] = ended.flowOutWaits(reason);
    }
    return TALLY.snapshot(ended.arrivals() + moreArrivals, answered, ended.abandonedWaits(), flowOuts,
        ended.waiting() + moreWaiting, ended.handleTimeTotal(), ended.handleTimeCount());
  }

  /** The distribution of some waits, sorted here. */
  private static WaitDistribution distribution(long[] waits) {
    Arrays.sort(waits);
    long[] values = new long[waits.length];
    long[] cumulative = new long[waits.length];
    int n = 0;
    long total = 0;
    for (int i = 0; i < waits.length; i++) {
      total += OutcomeClass.wholeSeconds(waits[i]);
      if (n > 0 && values[n - 1] == waits[i]) {
        cumulative[n - 1] = i + 1L;
      } else {
        values[n] = waits[i];
        cumulative[n++] = i + 1L;
      }
    }
    return TALLY.distribution(Arrays.copyOf(values, n), Arrays.copyOf(cumulative, n), total);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof LiveFigures)) {
      return false;
    }
    LiveFigures f = (LiveFigures) o;
    return index == f.index && span.equals(f.span) && spec.equals(f.spec) && definitions.equals(f.definitions)
        && current == f.current && ended.equals(f.ended) && waiting.equals(f.waiting);
  }

  @Override
  public int hashCode() {
    return Objects.hash(span, spec, definitions, index, current, ended, waiting);
  }

  @Override
  public String toString() {
    return "LiveFigures{" + span + ", " + counts() + "}";
  }

  /**
   * The calls of one queue and channel waiting at a snapshot's instant, as the figures need them: each one's
   * wait so far as its wait index ({@link OutcomeClass#waitIndex}) and the index of the interval it arrived in (-1 outside the grid).
   * Immutable once built.
   */
  static final class Waiting {
    static final Waiting NONE = new Waiting(new long[0], new int[0]);

    final long[] waits;
    final int[] arrivedIn;

    Waiting(long[] waits, int[] arrivedIn) {
      this.waits = waits;
      this.arrivedIn = arrivedIn;
    }

    int size() {
      return waits.length;
    }

    /**
     * Checks if a call waiting counts in interval {@code index}: still waiting, where it arrived; answered now
     * (past a threshold), where the attribution places its arrival or its outcome in the current interval.
     */
    boolean bearsOn(Attribution attribution, int index, int current) {
      for (int arrived : arrivedIn) {
        if (arrived == index || attribution.arrivalIn(arrived, current) == index
            || attribution.outcomeIn(arrived, current) == index) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Waiting && Arrays.equals(waits, ((Waiting) o).waits)
          && Arrays.equals(arrivedIn, ((Waiting) o).arrivedIn);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(waits) + Arrays.hashCode(arrivedIn);
    }
  }
}
