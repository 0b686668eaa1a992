/**
 * Callmetrics: contact-center service-level metrics from call records.
 *
 * <p>Start with {@link io.github.callmetrics.call.Call}, count calls with a
 * {@link io.github.callmetrics.tally.CallTally}, pick a
 * {@link io.github.callmetrics.definition.ServiceLevelDefinition} or
 * {@link io.github.callmetrics.definition.Preset}, and compute figures with
 * {@link io.github.callmetrics.metrics.Metrics}.
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
