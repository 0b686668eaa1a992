package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.tally.TallySnapshot;
import java.util.List;

/**
 * The figures of one span of a live view: a measurement interval of the grid, or the sliding window.
 *
 * <p>{@link #counts()} are facts: for an interval, exactly the counts the batch report of every call seen so
 * far would show in that row (calls still waiting counted as waiting); for the window, the calls that ended
 * in it. {@link #figures()} are the live view of those counts under each definition of the spec: every call
 * still waiting whose wait already exceeds the definition's threshold counts as if answered now (a miss under
 * every formula), placed by the spec's attribution; calls still within the threshold do not count yet. With
 * no call waiting, the figures are exactly {@code MetricsSummary.of(counts, definition)}.
 *
 * @param span  the interval, or for the window the whole seconds it covers as {@code [start, end)}
 * @param counts  the counts, independent of any definition
 * @param figures  one summary per definition of the spec, in order, waiting calls over the threshold included
 */
public record LiveFigures(MeasurementInterval span, TallySnapshot counts, List<MetricsSummary> figures) {
  /** Checks no component is null and copies the figures. */
  public LiveFigures {
    requireNonNull(span, "span");
    requireNonNull(counts, "counts");
    figures = ImmutableList.copyOf(figures);
  }

  /**
   * Returns the figures under one of the spec's definitions.
   *
   * @param definitionIndex  the definition's position in the spec, from 0
   * @return its figures
   * @throws IndexOutOfBoundsException if there is no such definition
   */
  public MetricsSummary figures(int definitionIndex) {
    return figures.get(definitionIndex);
  }
}
