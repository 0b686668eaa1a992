/**
 * Measurement intervals: half-open spans of time {@code [start, end)} and the grids of them a report is
 * divided into.
 *
 * <p>A {@link io.github.callmetrics.interval.MeasurementInterval} is one span, modelled on ThreeTen-Extra's
 * {@code Interval}. An {@link io.github.callmetrics.interval.IntervalGrid} divides a period of local days
 * in a time zone into intervals of one {@link io.github.callmetrics.interval.IntervalLength}, aligned to
 * local midnight and to the local clock, so daylight-saving days have fewer or more intervals (92 or 100
 * quarter hours in Europe/Amsterdam) and finds the interval of an instant with arithmetic, not calendar
 * objects. {@link io.github.callmetrics.interval.Attribution} says which interval a call is counted in.
 * See <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/intervals.md">docs/intervals.md</a>.
 */
@NullMarked
package io.github.callmetrics.interval;

import org.jspecify.annotations.NullMarked;
