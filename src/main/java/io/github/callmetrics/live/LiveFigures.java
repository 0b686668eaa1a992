package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Instant;
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
 * <p>The monitor copies what these figures need under the queue's lock (immutable counts and the waiting
 * calls); the counts and figures are computed from that copy on first use, outside any lock, and kept.
 *
 * <p>This class is immutable in effect and thread-safe. Two figures are equal when they are computed from
 * the same span, spec, interval, instant, counts of ended calls and waiting calls, and so show the same
 * counts and figures.
 */
public final class LiveFigures {
  private final MeasurementInterval span;
  private final ReportSpec spec;
  /** The interval's index in the spec's grid, or -1 for the window (every waiting call's outcome is in it). */
  private final int index;
  private final Instant at;
  private final TallySnapshot ended;
  private final List<Call> waiting;
  private volatile @Nullable TallySnapshot counts;
  private final AtomicReferenceArray<MetricsSummary> figures;

  LiveFigures(MeasurementInterval span, ReportSpec spec, int index, Instant at, TallySnapshot ended,
      List<Call> waiting) {
    this.span = span;
    this.spec = spec;
    this.index = index;
    this.at = at;
    this.ended = ended;
    this.waiting = waiting;
    this.figures = new AtomicReferenceArray<>(spec.definitions().size());
  }

  /** Returns the interval, or for the window the whole seconds it covers as {@code [start, end)}. */
  public MeasurementInterval span() {
    return span;
  }

  /** Returns the counts, independent of any definition (see the class documentation). */
  public TallySnapshot counts() {
    TallySnapshot c = counts;
    if (c == null) {
      if (index < 0 || waiting.isEmpty()) {
        c = ended;
      } else {
        CallTally parts = new CallTally();
        for (Call w : waiting) {
          spec.countPart(w, index, parts);
        }
        c = ended.plus(parts.snapshot());
      }
      counts = c;
    }
    return c;
  }

  /** Returns the live figures, one per definition of the spec, in order. */
  public List<MetricsSummary> figures() {
    ImmutableList.Builder<MetricsSummary> all = ImmutableList.builderWithExpectedSize(figures.length());
    for (int i = 0; i < figures.length(); i++) {
      all.add(figures(i));
    }
    return all.build();
  }

  /**
   * Returns the live figures under one of the spec's definitions.
   *
   * @param definitionIndex  the definition's position in the spec, from 0
   * @return its figures
   * @throws IndexOutOfBoundsException if there is no such definition
   */
  public MetricsSummary figures(int definitionIndex) {
    MetricsSummary f = figures.get(definitionIndex);
    if (f == null) {
      f = compute(spec.definitions().get(definitionIndex));
      figures.set(definitionIndex, f);
    }
    return f;
  }

  private MetricsSummary compute(ServiceLevelDefinition d) {
    if (waiting.isEmpty()) {
      return MetricsSummary.of(counts(), d);
    }
    CallTally parts = new CallTally();
    boolean any = false;
    for (Call w : waiting) {
      if (!LiveMonitor.isWithin(d, w.arrived(), at)) {
        Call answeredNow = Call.answered(w.id(), w.queue(), w.arrived(), at).withChannel(w.channel());
        if (index < 0) {
          parts.add(answeredNow);
        } else {
          spec.countPart(answeredNow, index, parts);
        }
        any = true;
      } else if (index >= 0) {
        spec.countPart(w, index, parts);
      }
    }
    if (index < 0 && !any) {
      return MetricsSummary.of(ended, d);
    }
    return MetricsSummary.of(ended.plus(parts.snapshot()), d);
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
    return index == f.index && span.equals(f.span) && spec.equals(f.spec) && at.equals(f.at) && ended.equals(f.ended)
        && waiting.equals(f.waiting);
  }

  @Override
  public int hashCode() {
    return Objects.hash(span, spec, index, at, ended, waiting);
  }

  @Override
  public String toString() {
    return "LiveFigures{" + span + ", " + counts() + "}";
  }
}
