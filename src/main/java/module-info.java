/**
 * Callmetrics: contact-center service-level metrics from call records.
 *
 * <p>The entry points, one per job:
 * <ul>
 *   <li><b>Calls in memory to a report:</b> build a {@link io.github.callmetrics.report.ReportSpec} on an
 *       {@link io.github.callmetrics.interval.IntervalGrid} and call
 *       {@link io.github.callmetrics.report.ReportSpec#report(Iterable) report(calls)}; the
 *       {@link io.github.callmetrics.report.Report} has one row per interval, queue and channel, and
 *       {@link io.github.callmetrics.report.ReportFormat} writes it as text, CSV or JSON.</li>
 *   <li><b>A CSV file to a report:</b> {@link io.github.callmetrics.csv.CsvCallReader}
 *       (<a href="https://github.com/callmetrics/callmetrics/blob/main/docs/csv-format.md">docs/csv-format.md</a>,
 *       <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reading.md">docs/reading.md</a>).</li>
 *   <li><b>An Asterisk {@code queue_log} to calls, or to Asterisk's own counters:</b>
 *       {@link io.github.callmetrics.asterisk.QueueLogReader}
 *       (<a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a>).</li>
 *   <li><b>Live events to wallboard snapshots:</b> {@link io.github.callmetrics.live.LiveMonitor}
 *       (<a href="https://github.com/callmetrics/callmetrics/blob/main/docs/live.md">docs/live.md</a>).</li>
 *   <li><b>A workload to a staffing figure:</b> {@link io.github.callmetrics.staffing.Staffing} with
 *       {@link io.github.callmetrics.staffing.ErlangC}, {@link io.github.callmetrics.staffing.ErlangB} and
 *       {@link io.github.callmetrics.staffing.ErlangA}
 *       (<a href="https://github.com/callmetrics/callmetrics/blob/main/docs/staffing.md">docs/staffing.md</a>).</li>
 *   <li><b>One figure from counts:</b> count calls with a {@link io.github.callmetrics.tally.CallTally}, pick a
 *       {@link io.github.callmetrics.definition.ServiceLevelDefinition} or
 *       {@link io.github.callmetrics.definition.Preset}, and compute figures with
 *       {@link io.github.callmetrics.metrics.Metrics}
 *       (<a href="https://github.com/callmetrics/callmetrics/blob/main/docs/service-level.md">docs/service-level.md</a>,
 *       <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/metrics.md">docs/metrics.md</a>).</li>
 * </ul>
 *
 * <p>Every call starts as a {@link io.github.callmetrics.call.Call}. The definitions, formulas and worked
 * examples behind every figure are in <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/README.md">the documentation</a>.
 */
module io.github.callmetrics {
  requires transitive org.jspecify;
  requires com.google.common;
  requires static info.picocli;
  requires static micrometer.core;

  exports io.github.callmetrics.call;
  exports io.github.callmetrics.definition;
  exports io.github.callmetrics.tally;
  exports io.github.callmetrics.metrics;
  exports io.github.callmetrics.interval;
  exports io.github.callmetrics.report;
  exports io.github.callmetrics.staffing;
  exports io.github.callmetrics.live;
  exports io.github.callmetrics.live.micrometer;
  exports io.github.callmetrics.read;
  exports io.github.callmetrics.csv;
  exports io.github.callmetrics.asterisk;
}
