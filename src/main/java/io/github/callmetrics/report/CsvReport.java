package io.github.callmetrics.report;

import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.internal.CsvFields;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.metrics.TargetStatus;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReportFormat#CSV}: one record per row, built in one buffer and handed to the target in one append
 * (a year report has millions of rows of some sixty cells, and a target may lock or encode per call).
 * Numbers are appended as they are, without a string per cell; the interval bounds of a row repeat in every
 * queue's rows and are formatted once per instant. Text from the data (queue and channel names) is neutralised
 * against formula injection ({@link CsvFields#appendText}); the header is not, as its names are ours.
 */
final class CsvReport {
  private static final List<String> PER_ROW = List.of("waiting", "answered_wait_seconds_total",
      "abandoned_wait_seconds_total", "handle_time_seconds_total", "handle_time_count", "asa_seconds",
      "aht_seconds", "longest_answered_wait_seconds", "longest_abandoned_wait_seconds", "longest_wait_seconds",
      "answered_wait_p50_seconds", "answered_wait_p80_seconds", "answered_wait_p90_seconds",
      "answered_wait_p95_seconds", "answered_wait_p99_seconds");
  private static final List<String> PER_DEFINITION = List.of("offered", "answered_within_threshold", "abandoned",
      "abandoned_within_threshold", "short_abandons", "flow_outs", "excluded", "service_level",
      "service_level_numerator", "service_level_denominator", "target_met", "abandonment_rate",
      "abandonment_rate_excluding_short_abandons", "answer_rate", "average_time_to_abandon_seconds");
  /**
   * Up to this total (about 73 years) and {@link #MAX_EXACT_COUNT}, an average is rounded in {@code long}:
   * {@code 2 · nanos + count · 10^6} stays below {@code Long.MAX_VALUE}.
   */
  private static final long MAX_EXACT_TOTAL_SECONDS = Long.MAX_VALUE / 4_000_000_000L;
  /** See {@link #MAX_EXACT_TOTAL_SECONDS}. */
  private static final long MAX_EXACT_COUNT = Long.MAX_VALUE / 8_000_000L;
  /** Up to this denominator, six decimals of a fraction are computed in {@code long} without overflow. */
  private static final long MAX_EXACT_DENOMINATOR = Long.MAX_VALUE / 4_000_000;

  private final StringBuilder line = new StringBuilder(1024);
  private final Map<Instant, String> instants = new HashMap<>();
  private final ZoneId zone;
  private int cells;

  private CsvReport(ZoneId zone) {
    this.zone = zone;
  }

  static void write(Report report, Appendable out) throws IOException {
    new CsvReport(report.spec().grid().zone()).writeAll(report, out);
  }

  private void writeAll(Report report, Appendable out) throws IOException {
    ReportSpec spec = report.spec();
    boolean queues = spec.dimensions().contains(Dimension.QUEUE);
    boolean channels = spec.dimensions().contains(Dimension.CHANNEL);
    List<ServiceLevelDefinition> definitions = spec.definitions();
    for (String name : header(spec)) {
      CsvFields.append(next(), name);
    }
    end(out);
    List<ReportRow> rows = report.rows();
    for (int r = 0; r < rows.size(); r++) {
      ReportRow row = rows.get(r);
      if (queues) {
        text(row.key().queue().orElse(""));
      }
      if (channels) {
        text(row.key().channel().map(c -> c.label()).orElse(""));
      }
      MeasurementInterval interval = row.key().interval().orElse(spec.grid().period());
      instant(interval.start());
      instant(interval.end());
      TallySnapshot c = row.counts();
      MetricsSummary first = row.figures(0);
      count(c.arrivals());
      count(c.answered());
      count(c.abandoned());
      count(c.flowOuts());
      for (FlowOutReason reason : FlowOutReason.values()) {
        count(c.flowOuts(reason));
      }
      count(c.waiting());
      count(c.answeredWaits().totalSeconds());
      count(c.abandonedWaits().totalSeconds());
      seconds(c.handleTimeTotal());
      count(c.handleTimeCount());
      average(first.averageSpeedOfAnswer());
      average(first.averageHandleTime());
      seconds(first.longestAnsweredWait());
      seconds(c.abandonedWaits().max());
      seconds(first.longestWait());
      seconds(first.answeredWaitPercentiles().p50());
      seconds(first.answeredWaitPercentiles().p80());
      seconds(first.answeredWaitPercentiles().p90());
      seconds(first.answeredWaitPercentiles().p95());
      seconds(first.answeredWaitPercentiles().p99());
      for (int d = 0; d < definitions.size(); d++) {
        MetricsSummary f = row.figures(d);
        ServiceLevelCounts k = f.counts();
        if (!spec.queueThresholds(d).isEmpty()) {
          Optional<Duration> threshold = report.threshold(r, d);
          if (threshold.isPresent()) {
            count(threshold.get().getSeconds());
          } else {
            empty();
          }
        }
        count(k.offered());
        count(k.answeredWithinThreshold());
        count(k.abandoned());
        count(k.abandonedWithinThreshold());
        count(k.shortAbandons());
        count(k.flowOuts());
        count(k.excluded());
        fraction(f.serviceLevel());
        count(f.serviceLevel().numerator());
        count(f.serviceLevel().denominator());
        if (f.targetStatus() == TargetStatus.UNDEFINED) {
          empty();
        } else {
          next().append(f.targetStatus() == TargetStatus.MET);
        }
        fraction(f.abandonmentRate());
        fraction(f.abandonmentRateExcludingShortAbandons());
        fraction(f.answerRate());
        average(f.averageTimeToAbandon());
      }
      end(out);
    }
  }

  private static List<String> header(ReportSpec spec) {
    List<String> header = new ArrayList<>();
    if (spec.dimensions().contains(Dimension.QUEUE)) {
      header.add("queue");
    }
    if (spec.dimensions().contains(Dimension.CHANNEL)) {
      header.add("channel");
    }
    header.addAll(List.of("interval_start", "interval_end", "arrivals", "answered", "abandoned", "flow_outs"));
    for (FlowOutReason reason : FlowOutReason.values()) {
      header.add("flow_outs_" + reason.label().replace('-', '_'));
    }
    header.addAll(PER_ROW);
    List<ServiceLevelDefinition> definitions = spec.definitions();
    for (int d = 0; d < definitions.size(); d++) {
      String prefix = definitions.size() == 1 ? "" : slug(definitions.get(d).name()) + ".";
      if (!spec.queueThresholds(d).isEmpty()) {
        header.add(prefix + "threshold_seconds");
      }
      for (String name : PER_DEFINITION) {
        header.add(prefix + name);
      }
    }
    return header;
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** Starts the next cell: a comma unless it is the first of the record. */
  private StringBuilder next() {
    if (cells++ > 0) {
      line.append(',');
    }
    return line;
  }

  private void empty() {
    next();
  }

  private void text(String value) throws IOException {
    CsvFields.appendText(next(), value);
  }

  private void count(long value) {
    next().append(value);
  }

  private void instant(Instant instant) {
    next().append(instants.computeIfAbsent(instant, i -> MeasurementInterval.formatInstant(i, zone)));
  }

  private void average(AverageDuration average) {
    appendAverage(next(), average);
  }

  /**
   * Appends an average in seconds as {@code average.secondsRounded(3)} gives it, without trailing zeros: the
   * exact total over the count, rounded half up once (never via the nanosecond mean); empty if undefined.
   */
  static void appendAverage(StringBuilder s, AverageDuration average) {
    long count = average.count();
    if (count == 0) {
      return;
    }
    Duration total = average.total();
    if (total.isNegative() || total.getSeconds() > MAX_EXACT_TOTAL_SECONDS || count > MAX_EXACT_COUNT) {
      average.secondsRounded(3).ifPresent(v -> s.append(v.stripTrailingZeros().toPlainString()));
      return;
    }
    // millis = round half up (nanos / (count · 10^6)) = floor((2 · nanos + count · 10^6) / (2 · count · 10^6)).
    long nanos = total.getSeconds() * 1_000_000_000L + total.getNano();
    long perMilli = count * 1_000_000L;
    long millis = (2 * nanos + perMilli) / (2 * perMilli);
    appendMillis(s, millis / 1000, (int) (millis % 1000));
  }

  private void seconds(Optional<Duration> d) {
    if (d.isPresent()) {
      seconds(d.get());
    } else {
      empty();
    }
  }

  /**
   * Seconds with up to three decimals, rounded half up and without trailing zeros ({@code 12.5}, {@code 7}),
   * as {@code BigDecimal.setScale(3, HALF_UP).stripTrailingZeros().toPlainString()} writes them.
   */
  private void seconds(Duration d) {
    appendSeconds(next(), d);
  }

  /** Appends a duration in seconds as {@link #seconds(Duration)} writes it. */
  static void appendSeconds(StringBuilder s, Duration d) {
    if (d.isNegative()) {
      BigDecimal v = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
      s.append(v.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
      return;
    }
    long seconds = d.getSeconds();
    int millis = (d.getNano() + 500_000) / 1_000_000;
    if (millis == 1000) {
      seconds++;
      millis = 0;
    }
    appendMillis(s, seconds, millis);
  }

  /** Appends whole seconds and 0–999 milliseconds with no trailing zeros: {@code 12.5}, not {@code 12.500}. */
  private static void appendMillis(StringBuilder s, long seconds, int millis) {
    s.append(seconds);
    if (millis != 0) {
      s.append('.');
      decimals(s, millis, 3);
      while (s.charAt(s.length() - 1) == '0') {
        s.setLength(s.length() - 1);
      }
    }
  }

  /**
   * A ratio as a fraction with six decimals, rounded half up ({@code 0.305700}), as {@link
   * Ratio#toBigDecimal(int)} gives it; empty if undefined.
   */
  private void fraction(Ratio ratio) {
    appendFraction(next(), ratio);
  }

  /** Appends a ratio as {@link #fraction(Ratio)} writes it. */
  static void appendFraction(StringBuilder s, Ratio ratio) {
    long n = ratio.numerator();
    long d = ratio.denominator();
    if (d == 0) {
      return;
    }
    if (n < 0 || d < 0 || d > MAX_EXACT_DENOMINATOR) {
      ratio.toBigDecimal(6).ifPresent(v -> s.append(v.toPlainString()));
      return;
    }
    // n / d = whole + rest / d; six decimals of rest / d, half up: floor((2 · rest · 10^6 + d) / (2 · d)).
    long whole = n / d;
    long micros = (2 * (n % d) * 1_000_000 + d) / (2 * d);
    if (micros == 1_000_000) {
      whole++;
      micros = 0;
    }
    s.append(whole).append('.');
    decimals(s, micros, 6);
  }

  /** Appends {@code value} as exactly {@code digits} digits, with leading zeros. */
  private static void decimals(StringBuilder s, long value, int digits) {
    long limit = 10;
    for (int i = 1; i < digits; i++) {
      if (value < limit) {
        s.append('0');
      }
      limit *= 10;
    }
    s.append(value);
  }

  private void end(Appendable out) throws IOException {
    line.append("\r\n");
    out.append(line);
    line.setLength(0);
    cells = 0;
  }
}
