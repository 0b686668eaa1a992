/**
 * Reports: the figures of a set of calls per queue, channel and measurement interval, for one or more
 * service-level definitions side by side.
 *
 * <p>A {@link io.github.callmetrics.report.ReportSpec} says what to report (the
 * {@link io.github.callmetrics.interval.IntervalGrid}, the {@link io.github.callmetrics.interval.Attribution},
 * the {@link io.github.callmetrics.report.Dimension dimensions} to group by and the definitions); a
 * {@link io.github.callmetrics.report.ReportAccumulator} counts calls into it and merges with another; a
 * {@link io.github.callmetrics.report.Report} is the immutable result. Every interval of the grid is in the
 * report, the empty ones with undefined figures. Roll-ups ({@link io.github.callmetrics.report.Report#rollUp},
 * {@link io.github.callmetrics.report.Report#groupedBy}) merge the counts of the rows they combine and
 * compute the figures again, so a day's service level is the service level of the day's calls, never an
 * average of percentages. {@link io.github.callmetrics.report.ReportFormat} renders a report as a text
 * table, CSV or JSON. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reports.md">docs/reports.md</a>.
 */
@NullMarked
package io.github.callmetrics.report;

import org.jspecify.annotations.NullMarked;
