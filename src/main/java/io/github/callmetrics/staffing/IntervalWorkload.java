package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One interval of a report or a forecast, as the staffing maths needs it: when it starts, how long it is,
 * the calls offered, their average handle time, and the actual figures where known (the service level
 * measured, the agents who were logged in), so {@link Staffing#perInterval} can set the required agents
 * next to them.
 *
 * @param start  the interval's start
 * @param length  the interval's length, positive
 * @param offeredCalls  calls offered in the interval, zero or more
 * @param averageHandleTime  the average handle time; positive when calls were offered, zero or more
 *     otherwise (an empty interval has no handle time)
 * @param actualServiceLevel  the service level measured, {@link Ratio#undefined()} if not known or empty
 * @param actualAgents  the agents on the phones on average, if known, zero or more
 */
public record IntervalWorkload(Instant start, Duration length, long offeredCalls, Duration averageHandleTime,
    Ratio actualServiceLevel, OptionalInt actualAgents) {
  /**
   * Validates every component; the messages name the interval by its start.
   *
   * @param start  the interval's start
   * @param length  the interval's length, positive
   * @param offeredCalls  calls offered in the interval, zero or more
   * @param averageHandleTime  the average handle time; positive when calls were offered, zero or more
   *     otherwise (an empty interval has no handle time)
   * @param actualServiceLevel  the service level measured, {@link Ratio#undefined()} if not known or empty
   * @param actualAgents  the agents on the phones on average, if known, zero or more
   */
  public IntervalWorkload {
    requireNonNull(start, "start");
    requireNonNull(length, "length");
    requireNonNull(averageHandleTime, "averageHandleTime");
    requireNonNull(actualServiceLevel, "actualServiceLevel");
    requireNonNull(actualAgents, "actualAgents");
    Workload.requirePositive("interval " + start + " length", length);
    if (offeredCalls < 0) {
      throw new IllegalArgumentException("interval " + start + " offered calls " + offeredCalls
          + " is negative (expected zero or more)");
    }
    if (offeredCalls > 0) {
      Workload.requirePositive("interval " + start + " average handle time", averageHandleTime);
    } else {
      Checks.notNegative("interval " + start + " average handle time", averageHandleTime);
    }
    if (actualAgents.isPresent() && actualAgents.getAsInt() < 0) {
      throw new IllegalArgumentException("interval " + start + " actual agents " + actualAgents.getAsInt()
          + " is negative (expected zero or more)");
    }
  }

  /**
   * Obtains an interval with no actual figures (a forecast).
   *
   * @param start  the interval's start
   * @param length  the interval's length, positive
   * @param offeredCalls  calls offered, zero or more
   * @param averageHandleTime  average handle time, positive when calls were offered
   * @return the interval
   */
  public static IntervalWorkload of(Instant start, Duration length, long offeredCalls, Duration averageHandleTime) {
    return new IntervalWorkload(start, length, offeredCalls, averageHandleTime, Ratio.undefined(), OptionalInt.empty());
  }

  /**
   * Obtains the workload of one row of a report grouped by interval: the row's interval, the calls offered
   * in it as the report's definition counts them ({@code O}), their average handle time, and the service
   * level measured under that definition.
   *
   * @param row  a row with an interval, not null
   * @param definitionIndex  which of the report's definitions counts the offered calls and the service level
   * @param fallbackAverageHandleTime  the handle time to plan with when the row's calls have none (files
   *     without a handle-time column), positive
   * @return the interval's workload
   * @throws IllegalArgumentException if the row is not for one interval
   */
  public static IntervalWorkload of(ReportRow row, int definitionIndex, Duration fallbackAverageHandleTime) {
    requireNonNull(row, "row");
    requireNonNull(fallbackAverageHandleTime, "fallbackAverageHandleTime");
    Workload.requirePositive("fallback average handle time", fallbackAverageHandleTime);
    MeasurementInterval interval = row.key().interval().orElseThrow(() -> new IllegalArgumentException(
        "report row " + row.key() + " is not for one interval (expected a report grouped by interval)"));
    MetricsSummary figures = row.figures(definitionIndex);
    long offered = figures.counts().offered();
    Duration aht = offered == 0 ? Duration.ZERO : figures.averageHandleTime().value().orElse(fallbackAverageHandleTime);
    return new IntervalWorkload(interval.start(), interval.toDuration(), offered, aht, figures.serviceLevel(),
        OptionalInt.empty());
  }

  /**
   * Obtains the workload of every row of a report grouped by interval, in the report's order; equivalent to
   * {@link #of(ReportRow, int, Duration)} with each row.
   *
   * @param report  a report grouped by interval, not null
   * @param definitionIndex  which of the report's definitions counts offered calls and service level
   * @param fallbackAverageHandleTime  the handle time to plan with where calls have none, positive
   * @return one workload per row
   * @throws IllegalArgumentException if the report is not grouped by interval
   */
  public static List<IntervalWorkload> of(Report report, int definitionIndex, Duration fallbackAverageHandleTime) {
    requireNonNull(report, "report");
    requireNonNull(fallbackAverageHandleTime, "fallbackAverageHandleTime");
    List<IntervalWorkload> workloads = new ArrayList<>(report.rows().size());
    for (ReportRow row : report.rows()) {
      workloads.add(of(row, definitionIndex, fallbackAverageHandleTime));
    }
    return workloads;
  }

  /**
   * Returns a copy with the service level measured in the interval.
   *
   * @param serviceLevel  the measured service level
   * @return the copy
   */
  public IntervalWorkload withActualServiceLevel(Ratio serviceLevel) {
    requireNonNull(serviceLevel, "serviceLevel");
    return new IntervalWorkload(start, length, offeredCalls, averageHandleTime, serviceLevel, actualAgents);
  }

  /**
   * Returns a copy with the agents who were on the phones in the interval.
   *
   * @param agents  the agents, zero or more
   * @return the copy
   */
  public IntervalWorkload withActualAgents(int agents) {
    return new IntervalWorkload(start, length, offeredCalls, averageHandleTime, actualServiceLevel,
        OptionalInt.of(agents));
  }

  /**
   * {@return the interval's workload, {@code offeredCalls · averageHandleTime / length} Erlangs}
   *
   * @throws IllegalStateException if no calls were offered and the handle time is zero
   */
  public Workload workload() {
    if (averageHandleTime.isZero()) {
      throw new IllegalStateException("interval " + start + " has no calls and no handle time (expected calls)");
    }
    return Workload.of(offeredCalls, length, averageHandleTime);
  }
}
