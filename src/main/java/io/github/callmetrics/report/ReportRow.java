package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.tally.TallySnapshot;
import java.util.List;

/**
 * One row of a report: what it covers, the counts of its calls, and the figures of those counts under
 * each of the report's definitions (in the report's order).
 *
 * @param key  what the row covers
 * @param counts  the counts of the row's calls, independent of any definition
 * @param figures  one summary per definition of the report, in order
 */
public record ReportRow(ReportKey key, TallySnapshot counts, List<MetricsSummary> figures) {
  /**
   * Checks no component is null and copies the figures.
   *
   * @param key  what the row covers
   * @param counts  the counts of the row's calls, independent of any definition
   * @param figures  one summary per definition of the report, in order
   */
  public ReportRow {
    requireNonNull(key, "key");
    requireNonNull(counts, "counts");
    figures = ImmutableList.copyOf(requireNonNull(figures, "figures"));
  }

  /**
   * Returns the figures under one of the report's definitions.
   *
   * @param definitionIndex  the definition's position in the report, from 0
   * @return its figures
   * @throws IndexOutOfBoundsException if there is no such definition
   */
  public MetricsSummary figures(int definitionIndex) {
    return figures.get(definitionIndex);
  }
}
